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
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job id, as the queue shows it."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("The queue, or show's details, as JSON (README.md)."));
    const QCommandLineOption lines(
        QStringLiteral("lines"), tr("output: how many of the last lines (default 20)."), QStringLiteral("N"));
    parser.addOptions({json, lines});
    if (!parse(context, parser, QStringLiteral("jobs"),
               QStringLiteral(
                   "slurmdeck-cli [--cluster FILE] jobs [--json] | cancel ID | hold ID | release ID | "
                   "requeue ID | show ID [--json] | output ID [--lines N]")))
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
    const auto finish = [this](Result<QString> result) {
        if (!result) {
            fail(result.error());
            return;
        }
        out() << *result << u'\n';
        done(CliOk);
    };
    const QString &id = m_request.jobId;
    switch (m_request.action) {
    case Action::Cancel:
        actions()->cancelJob(id, this, finish);
        break;
    case Action::Hold:
        actions()->holdJob(id, this, finish);
        break;
    case Action::Release:
        actions()->releaseJob(id, this, finish);
        break;
    case Action::Requeue:
        actions()->requeueJob(id, this, finish);
        break;
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
    case Action::List:
        break;
    }
}

} // namespace SlurmDeck
