// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/ControllerQueries.h"

#include "slurm/JobMemoryUse.h"
#include "slurm/JobRequest.h"
#include "slurm/SlurmQueries.h"

#include <QObject>

namespace SlurmDeck::ControllerQueries {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

QString host(const ControllerShell &shell)
{
    return shell.target().displayName();
}

QString errorText(const QByteArray &standardError, const QByteArray &standardOutput = {})
{
    const QString text = QString::fromUtf8(standardError).trimmed();
    return text.isEmpty() ? QString::fromUtf8(standardOutput).trimmed().right(2000) : text.right(2000);
}

Error controllerSilent(const ControllerShell &shell, const QString &what, const QString &detail)
{
    return makeError(Error::Code::RemoteCommandFailed,
                     QObject::tr("slurmctld on %1 does not answer %2. See its log: 'slurmdeck-cli services "
                                 "HOST logs slurmctld'.")
                         .arg(host(shell), what),
                     detail);
}

template<typename T>
Result<QList<T>> itemsOf(Result<SlurmQueries::Parsed<T>> parsed)
{
    if (!parsed)
        return parsed.error();
    return std::move(parsed->items);
}

} // namespace

Result<SlurmVersion> version(ControllerShell &shell, seconds timeout)
{
    if (shell.version().isKnown())
        return shell.version();
    const Result<ExecResult> ran = shell.run(SlurmQueries::versionArgv(), timeout);
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("Slurm's tools do not run in the slurmctld container on %1. Redeploy the "
                        "cluster ('slurmdeck-cli deploy').")
                .arg(host(shell)),
            errorText(ran->standardError));
    }
    Result<SlurmVersion> parsed = SlurmQueries::parseVersion(ran->standardOutput);
    if (parsed)
        shell.setVersion(*parsed);
    return parsed;
}

PollOutcome poll(ControllerShell &shell, const PollRequest &request)
{
    PollOutcome outcome;
    const auto finish = [&outcome]() -> PollOutcome & {
        outcome.at = QDateTime::currentDateTimeUtc();
        return outcome;
    };
    const auto fail = [&outcome, &finish](const Error &error) -> PollOutcome {
        if (ControllerShell::failedPart(error) == ControllerShell::FailedPart::Ssh)
            outcome.sshError = error;
        else
            outcome.controllerError = error;
        return finish();
    };

    const Result<SlurmVersion> known = version(shell, request.commandTimeout);
    if (!known)
        return fail(known.error());
    outcome.version = *known;

    const int timeout = static_cast<int>(request.commandTimeout.count());
    QList<PollScript::Query> queries{
        {QStringLiteral("nodes"), SlurmQueries::nodesArgv(*known), timeout},
        {QStringLiteral("partitions"), SlurmQueries::partitionsArgv(*known), timeout},
        {QStringLiteral("jobs"), SlurmQueries::jobsArgv(*known), timeout},
    };
    if (request.checkAccounting) {
        queries << PollScript::Query{QStringLiteral("accounting"),
                                     {QStringLiteral("sacctmgr"), QStringLiteral("-n"), QStringLiteral("-P"),
                                      QStringLiteral("show"), QStringLiteral("cluster"),
                                      QStringLiteral("format=cluster")},
                                     std::min(timeout, 10)};
    }
    const QString nonce = PollScript::newNonce();
    const milliseconds execTimeout = request.commandTimeout * queries.size() + seconds(15);
    const Result<ExecResult> ran = shell.runScript(PollScript::build(queries, nonce), execTimeout);
    if (!ran)
        return fail(ran.error());
    const QHash<QString, PollScript::Section> sections = PollScript::split(ran->standardOutput, nonce);

    // The controller's part: all three read, or the previous state stays.
    for (const QString &name :
         {QStringLiteral("nodes"), QStringLiteral("partitions"), QStringLiteral("jobs")}) {
        const PollScript::Section section = sections.value(name);
        if (section.exitStatus == -1) {
            return fail(
                makeError(Error::Code::RemoteCommandFailed,
                          QObject::tr("The poll on %1 was cut off. Is the slurmctld container running?")
                              .arg(host(shell)),
                          errorText(ran->standardError, ran->standardOutput)));
        }
        if (section.exitStatus != 0) {
            outcome.controllerError =
                controllerSilent(shell, section.exitStatus == 124 ? QObject::tr("in time") : QString(),
                                 errorText(section.errors));
            break;
        }
    }
    if (!outcome.controllerError) {
        const Result<QList<SlurmNode>> nodes =
            itemsOf(SlurmQueries::parseNodes(sections.value(QStringLiteral("nodes")).output, *known));
        const Result<QList<SlurmPartition>> partitions = itemsOf(
            SlurmQueries::parsePartitions(sections.value(QStringLiteral("partitions")).output, *known));
        const Result<QList<SlurmJob>> jobs =
            itemsOf(SlurmQueries::parseJobs(sections.value(QStringLiteral("jobs")).output, *known));
        for (const Error *error :
             {nodes ? nullptr : &nodes.error(), partitions ? nullptr : &partitions.error(),
              jobs ? nullptr : &jobs.error()}) {
            if (error && !outcome.controllerError) {
                outcome.controllerError =
                    makeError(Error::Code::Parse,
                              QObject::tr("SlurmDeck cannot read Slurm %1's output. Report this with the "
                                          "detail below.")
                                  .arg(known->toString()),
                              error->toString());
            }
        }
        if (!outcome.controllerError) {
            outcome.nodes = *nodes;
            outcome.partitions = *partitions;
            outcome.jobs = *jobs;
        }
    }

    if (request.checkAccounting) {
        outcome.accountingChecked = true;
        const PollScript::Section section = sections.value(QStringLiteral("accounting"));
        if (section.exitStatus != 0) {
            outcome.accountingError = makeError(
                Error::Code::RemoteCommandFailed,
                QObject::tr("slurmdbd does not answer; history and accounting are unavailable. See its "
                            "log: 'slurmdeck-cli services HOST logs slurmdbd'."),
                section.exitStatus == -1 ? QObject::tr("no answer") : errorText(section.errors));
        }
    }
    return finish();
}

namespace {

// Jobs Slurm's memory sampler killed show as OUT_OF_MEMORY (JobMemoryUse). Best effort: the
// history is still shown, with Slurm's own states, when this second sacct fails.
void markMemoryKills(ControllerShell &shell, QList<SlurmJob> &jobs, seconds timeout)
{
    const QList<qint64> candidates = JobMemoryUse::candidates(jobs);
    if (candidates.isEmpty())
        return;
    const Result<ExecResult> ran = shell.run(JobMemoryUse::argv(candidates), timeout + seconds(10));
    if (ran && ran->succeeded())
        JobMemoryUse::markOutOfMemory(jobs, JobMemoryUse::parse(ran->standardOutput));
}

} // namespace

Result<QList<SlurmJob>> history(ControllerShell &shell, const QDateTime &since, seconds timeout)
{
    const Result<SlurmVersion> known = version(shell, timeout);
    if (!known)
        return known.error();
    const Result<ExecResult> ran = shell.run(SlurmQueries::historyArgv(since, *known), timeout + seconds(10));
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        return makeError(Error::Code::RemoteCommandFailed,
                         QObject::tr("sacct failed on %1: is slurmdbd running? ('slurmdeck-cli services')")
                             .arg(host(shell)),
                         errorText(ran->standardError));
    }
    Result<QList<SlurmJob>> jobs = itemsOf(SlurmQueries::parseHistory(ran->standardOutput, *known));
    if (jobs)
        markMemoryKills(shell, *jobs, timeout);
    return jobs;
}

Result<SlurmJobDetails> jobDetails(ControllerShell &shell, qint64 jobId, seconds timeout)
{
    const Result<SlurmVersion> known = version(shell, timeout);
    if (!known)
        return known.error();
    const Result<ExecResult> ran = shell.run(SlurmQueries::jobDetailsArgv(jobId, *known), timeout);
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        const QString said = errorText(ran->standardError, ran->standardOutput);
        if (said.contains(QLatin1String("Invalid job id"), Qt::CaseInsensitive)) {
            return makeError(Error::Code::NotFound,
                             QObject::tr("Slurm has no job %1 (finished jobs leave the queue after a few "
                                         "minutes). Look for it with 'slurmdeck-cli history'.")
                                 .arg(jobId),
                             said);
        }
        return controllerSilent(shell, QObject::tr("about job %1").arg(jobId), said);
    }
    Result<SlurmJobDetails> details = SlurmQueries::parseJobDetails(ran->standardOutput, *known);
    if (details && details->reasonExplained.isEmpty() && details->job.state == u"PENDING")
        details->reasonExplained = SlurmQueries::explainPendingReason(details->job.reason);
    return details;
}

Result<QString> command(ControllerShell &shell, const QStringList &argv, const QString &what, seconds timeout)
{
    const Result<ExecResult> ran = shell.run(argv, timeout);
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        return makeError(Error::Code::RemoteCommandFailed,
                         QObject::tr("Slurm refused to %1: %2")
                             .arg(what, errorText(ran->standardError, ran->standardOutput)),
                         QStringLiteral("exit status %1").arg(ran->exitStatus));
    }
    return QString::fromUtf8(ran->standardOutput).trimmed();
}

Result<QString> submit(ControllerShell &shell, const QStringList &argv, const QByteArray &input,
                       seconds timeout)
{
    const Result<ExecResult> ran = shell.run(argv, timeout, input);
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("sbatch refused the job: %1").arg(errorText(ran->standardError, ran->standardOutput)),
            QStringLiteral("exit status %1").arg(ran->exitStatus));
    }
    return JobRequests::parseSubmitted(ran->standardOutput);
}

} // namespace SlurmDeck::ControllerQueries
