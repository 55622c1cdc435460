// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/JobsCommand.h"

#include "cli/SlurmCliFormat.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmMonitor.h"

#include <QJsonArray>

namespace SlurmDeck {

void JobsCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("ACTION"),
        tr("cancel, hold, release, requeue, show or output (default: list the queue)."));
    parser.addPositionalArgument(QStringLiteral("IDS"),
                                 tr("The job ids, as the queue shows them (one for show and output)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("The queue, or show's details, as JSON (README.md)."));
    const QCommandLineOption lines(
        QStringLiteral("lines"), tr("output: how many of the last lines (default 20)."), QStringLiteral("N"));
    parser.addOptions({json, lines});
    if (!parse(context, parser, QStringLiteral("jobs"),
               QStringLiteral(
                   "slurmdeck-cli [--cluster FILE] jobs [--json] | cancel IDS | hold IDS | release IDS | "
                   "requeue IDS | show ID [--json] | output ID [--lines N]")))
        return;
    const Result<JobsRequest> request =
        parseJobsRequest(parser.positionalArguments(),
                         parser.isSet(lines) ? std::optional<QString>(parser.value(lines)) : std::nullopt);
    if (!request) {
        err() << request.error().message << u'\n';
        done(CliUsage);
        return;
    }
    m_request = *request;
    m_json = parser.isSet(json);
    if (m_json && m_request.action != JobsRequest::Action::List &&
        m_request.action != JobsRequest::Action::Show) {
        err() << tr("--json goes with the queue (jobs --json) and with show.\n");
        done(CliUsage);
        return;
    }
    prepareMonitor([this] {
        if (m_request.action == JobsRequest::Action::List)
            list();
        else
            act();
    });
}

void JobsCommand::list()
{
    readSnapshot([this](const ClusterSnapshot &snapshot) {
        if (snapshot.isStale()) {
            reportStale(snapshot);
            done(CliFailure);
            return;
        }
        if (m_json) {
            QJsonArray jobs;
            for (const SlurmJob &job : snapshot.jobs)
                jobs.append(SlurmCliFormat::toJson(job));
            printJson(jobs);
        } else if (snapshot.jobs.isEmpty()) {
            out() << tr("The queue is empty.\n");
        } else {
            out() << SlurmCliFormat::jobsTable(snapshot.jobs);
        }
        done(CliOk);
    });
}

void JobsCommand::act()
{
    using Action = JobsRequest::Action;
    if (m_request.action != Action::Show && m_request.action != Action::Output) {
        actOn(0);
        return;
    }
    const QString &id = m_request.jobIds.constFirst();
    switch (m_request.action) {
    case Action::Show:
        actions()->jobDetails(id.toLongLong(), this, [this](Result<SlurmJobDetails> details) {
            if (!details) {
                fail(details.error());
                return;
            }
            if (m_json)
                printJson(SlurmCliFormat::toJson(*details));
            else
                out() << SlurmCliFormat::jobDetailsText(*details);
            done(CliOk);
        });
        break;
    case Action::Output:
        actions()->tailJobOutput(id.toLongLong(), m_request.lines, this, [this](Result<QString> text) {
            if (!text) {
                fail(text.error());
                return;
            }
            out() << *text;
            if (!text->isEmpty() && !text->endsWith(u'\n'))
                out() << u'\n';
            done(CliOk);
        });
        break;
    default:
        break;
    }
}

SlurmCommands::JobAction JobsCommand::actionOf(JobsRequest::Action action)
{
    switch (action) {
    case JobsRequest::Action::Hold:
        return SlurmCommands::JobAction::Hold;
    case JobsRequest::Action::Release:
        return SlurmCommands::JobAction::Release;
    case JobsRequest::Action::Requeue:
        return SlurmCommands::JobAction::Requeue;
    default:
        return SlurmCommands::JobAction::Cancel;
    }
}

// cancel, hold, release, requeue: one job after the other; a job that fails is reported and
// the others still get the action.
void JobsCommand::actOn(qsizetype index)
{
    if (index >= m_request.jobIds.size()) {
        finishItems();
        return;
    }
    const QString id = m_request.jobIds.at(index);
    actions()->jobAction(actionOf(m_request.action), id, this,
                         [this, index, id](const Result<QString> &result) {
                             reportItem(id, result);
                             actOn(index + 1);
                         });
}

} // namespace SlurmDeck
