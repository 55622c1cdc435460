// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/NodesCommand.h"

#include "cli/SlurmCliFormat.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmMonitor.h"

#include <QJsonArray>

namespace SlurmDeck {

void NodesCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 tr("drain, resume, down, stop or start (default: list the nodes)."));
    parser.addPositionalArgument(QStringLiteral("NODE"), tr("The node to act on."));
    const QCommandLineOption json(QStringLiteral("json"), tr("List as JSON (fields in README.md)."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why (drain, down, stop): required."),
                                    QStringLiteral("R"));
    const QCommandLineOption wait(
        QStringLiteral("wait"),
        tr("stop: how long to wait for the node's jobs (default 10m); start: for its "
           "registration (default 2m)."),
        QStringLiteral("DURATION"));
    parser.addOptions({json, reason, wait});
    if (!parse(context, parser, QStringLiteral("nodes"),
               QStringLiteral(
                   "slurmdeck-cli [--cluster FILE] nodes [--json] [drain NODE --reason R | resume NODE | "
                   "down NODE --reason R | stop NODE --reason R [--wait DURATION] | start NODE "
                   "[--wait DURATION]]")))
        return;
    const Result<NodesRequest> request =
        parseNodesRequest(parser.positionalArguments(),
                          parser.isSet(reason) ? std::optional<QString>(parser.value(reason)) : std::nullopt,
                          parser.isSet(wait) ? std::optional<QString>(parser.value(wait)) : std::nullopt);
    if (!request) {
        err() << request.error().message << u'\n';
        done(CliUsage);
        return;
    }
    m_request = *request;
    m_json = parser.isSet(json);
    if (m_json && m_request.action != NodesRequest::Action::List) {
        err() << tr("--json goes with the list (nodes --json).\n");
        done(CliUsage);
        return;
    }
    prepareMonitor([this] {
        if (m_request.action == NodesRequest::Action::List)
            list();
        else
            act();
    });
}

void NodesCommand::list()
{
    readSnapshot([this](const ClusterSnapshot &snapshot) {
        if (snapshot.isStale()) {
            reportStale(snapshot);
            done(CliFailure);
            return;
        }
        if (m_json) {
            QJsonArray nodes;
            for (const SlurmNode &node : snapshot.nodes)
                nodes.append(SlurmCliFormat::toJson(node));
            printJson(nodes);
        } else {
            out() << SlurmCliFormat::nodesTable(snapshot.nodes);
        }
        done(CliOk);
    });
}

void NodesCommand::act()
{
    using Action = NodesRequest::Action;
    const auto finish = [this](Result<QString> result) {
        if (!result) {
            fail(result.error());
            return;
        }
        out() << *result << u'\n';
        done(CliOk);
    };
    const auto progress = [this](const QString &line) {
        out() << line << u'\n';
        out().flush();
    };
    const QString &node = m_request.node;
    switch (m_request.action) {
    case Action::Drain:
        actions()->drainNode(node, m_request.reason, this, finish);
        break;
    case Action::Resume:
        actions()->resumeNode(node, this, finish);
        break;
    case Action::Down:
        actions()->downNode(node, m_request.reason, this, finish);
        break;
    case Action::Stop:
        actions()->drainAndStopNode(node, m_request.reason, m_request.wait, this, progress, finish);
        break;
    case Action::Start:
        actions()->startAndResumeNode(node, m_request.wait, this, progress, finish);
        break;
    case Action::List:
        break;
    }
}

} // namespace SlurmDeck
