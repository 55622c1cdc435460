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
    parser.addPositionalArgument(QStringLiteral("NODES"),
                                 tr("The nodes to act on: names or Slurm hostlists ('worker[1-3]')."));
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
                   "slurmdeck-cli [--cluster FILE] nodes [--json] [drain NODES --reason R | resume NODES | "
                   "down NODES --reason R | stop NODES --reason R [--wait DURATION] | start NODES "
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
    QStringList unknown;
    for (const QString &node : std::as_const(m_request.nodes)) {
        const HostPlan *host = hostPlan(node);
        if (!host || !host->services.contains(QStringLiteral("slurmd")))
            unknown << node;
    }
    if (!unknown.isEmpty()) {
        QStringList nodes;
        for (const QString &name : hostNames()) {
            if (hostPlan(name)->services.contains(QStringLiteral("slurmd")))
                nodes << name;
        }
        err() << tr("Not nodes of the cluster: %1. Its nodes are %2.\n")
                     .arg(unknown.join(QStringLiteral(", ")), nodes.join(QStringLiteral(", ")));
        done(CliUsage);
        return;
    }
    actOn(0);
}

// One node after the other: a node that fails is reported and the others still get the action.
void NodesCommand::actOn(qsizetype index)
{
    using Action = NodesRequest::Action;
    if (index >= m_request.nodes.size()) {
        finishItems();
        return;
    }
    const QString node = m_request.nodes.at(index);
    const auto next = [this, index, node](const Result<QString> &result) {
        reportItem(node, result);
        actOn(index + 1);
    };
    const auto progress = [this](const QString &line) {
        out() << line << u'\n';
        out().flush();
    };
    switch (m_request.action) {
    case Action::Drain:
        actions()->drainNode(node, m_request.reason, this, next);
        break;
    case Action::Resume:
        actions()->resumeNode(node, this, next);
        break;
    case Action::Down:
        actions()->downNode(node, m_request.reason, this, next);
        break;
    case Action::Stop:
        actions()->drainAndStopNode(node, m_request.reason, m_request.wait, this, progress, next);
        break;
    case Action::Start:
        actions()->startAndResumeNode(node, m_request.wait, this, progress, next);
        break;
    case Action::List:
        break;
    }
}

} // namespace SlurmDeck
