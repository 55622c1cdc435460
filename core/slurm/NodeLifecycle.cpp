// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/NodeLifecycle.h"

#include "deploy/HostDeployer.h"
#include "slurm/ControllerQueries.h"
#include "slurm/ControllerShell.h"
#include "slurm/SlurmCommands.h"
#include "ssh/SshConnection.h"

#include <QObject>
#include <QRegularExpression>
#include <QThread>

namespace SlurmDeck::NodeLifecycle {

namespace {

using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

constexpr seconds commandTimeout{30};

const QString slurmd = QStringLiteral("slurmd");

std::unique_ptr<ControllerShell> controllerShell(const Access &access)
{
    return std::make_unique<ControllerShell>(access.endpoint.target(access.endpoint.controllerHost),
                                             access.endpoint.projectName, access.hostKeys.get(),
                                             access.credentials.get(), access.cancel);
}

void say(const Access &access, const QString &line)
{
    if (access.progress)
        access.progress(line);
}

// Sleeps `duration` in small steps; false when cancelled.
bool pause(const Access &access, seconds duration)
{
    const auto until = Clock::now() + duration;
    while (Clock::now() < until) {
        if (access.cancel.isCancelled())
            return false;
        QThread::msleep(100);
    }
    return !access.cancel.isCancelled();
}

bool isOnSharedMount(const HostPlan &host, const QString &file)
{
    for (const SharedMount &mount : host.sharedMounts) {
        QString root = mount.mount;
        while (root.size() > 1 && root.endsWith(u'/'))
            root.chop(1);
        if (file.startsWith(root + u'/') && !file.contains(QLatin1String("/../")))
            return true;
    }
    return false;
}

Result<const HostPlan *> nodeHost(const Access &access, const QString &node)
{
    const HostPlan *host = access.endpoint.host(node);
    if (!host || !host->services.contains(slurmd)) {
        QStringList nodes;
        for (const HostPlan &candidate : access.endpoint.hosts) {
            if (candidate.services.contains(slurmd))
                nodes << candidate.hostName;
        }
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("%1 is not a compute node of the cluster; its nodes are %2.")
                             .arg(node, nodes.join(QStringLiteral(", "))));
    }
    return host;
}

// The node's line of `scontrol show node NODE -o`, as key=value pairs (State, SlurmdStartTime).
Result<QHash<QString, QString>> nodeFields(ControllerShell &shell, const QString &node)
{
    const Result<QString> shown =
        ControllerQueries::command(shell,
                                   {QStringLiteral("scontrol"), QStringLiteral("show"),
                                    QStringLiteral("node"), node, QStringLiteral("-o")},
                                   QObject::tr("show node %1").arg(node), commandTimeout);
    if (!shown)
        return shown.error();
    QHash<QString, QString> fields;
    static const QRegularExpression pair(QStringLiteral("(?:^|\\s)([A-Za-z]+)=(\\S*)"));
    for (const QRegularExpressionMatch &match : pair.globalMatch(*shown))
        fields.insert(match.captured(1), match.captured(2));
    return fields;
}

// Starts or stops the node's slurmd through the host's Compose project; true when it
// changed something (started a stopped slurmd).
Result<bool> composeOnHost(const Access &access, const HostPlan &host, bool start)
{
    HostDeployer deployer(host, access.endpoint.target(host.hostName), access.hostKeys.get(),
                          access.credentials.get(), access.cancel, [](const QString &) {});
    if (Result<void> checked = deployer.connectAndCheck(true); !checked)
        return checked.error();
    if (start) {
        const Result<HostDeployer::StartOutcome> started = deployer.startServices({slurmd}, {});
        if (!started)
            return started.error();
        return !started->started.isEmpty();
    }
    const Result<ExecResult> stopped = deployer.runArgv(deployer.compose().stop({slurmd}), seconds(180));
    if (!stopped)
        return stopped.error();
    if (!stopped->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("Compose could not stop slurmd on %1. Try 'slurmdeck-cli services %1 stop "
                        "slurmd'.")
                .arg(host.hostName),
            QString::fromUtf8(stopped->standardError).trimmed().right(2000));
    }
    return true;
}

} // namespace

Result<QString> drainAndStop(const Access &access, const QString &node, const QString &reason,
                             seconds jobWait)
{
    const Result<QStringList> drain = SlurmCommands::drainNode(node, reason);
    if (!drain)
        return drain.error();
    const Result<const HostPlan *> host = nodeHost(access, node);
    if (!host)
        return host.error();
    const std::unique_ptr<ControllerShell> shell = controllerShell(access);
    if (Result<QString> drained =
            ControllerQueries::command(*shell, *drain, QObject::tr("drain %1").arg(node), commandTimeout);
        !drained)
        return drained.error();
    say(access, QObject::tr("%1 drained; waiting for its jobs to end").arg(node));

    const auto deadline = Clock::now() + jobWait;
    auto nextReport = Clock::now() + seconds(10);
    while (true) {
        const Result<QString> running =
            ControllerQueries::command(*shell, SlurmCommands::jobsOnNodeArgv(node),
                                       QObject::tr("list the jobs on %1").arg(node), commandTimeout);
        if (!running)
            return running.error();
        const QStringList jobs = running->split(u'\n', Qt::SkipEmptyParts);
        if (jobs.isEmpty())
            break;
        if (Clock::now() >= deadline) {
            return makeError(
                Error::Code::Timeout,
                QObject::tr("Jobs %1 still run on %2 (it stays drained). Wait longer, cancel them "
                            "('slurmdeck-cli jobs cancel ID'), or stop it anyway with "
                            "'slurmdeck-cli services %2 stop slurmd'.")
                    .arg(jobs.join(QStringLiteral(", ")), node));
        }
        if (Clock::now() >= nextReport) {
            say(access,
                QObject::tr("%1 job(s) still run on %2: %3").arg(jobs.size()).arg(node, jobs.join(u' ')));
            nextReport = Clock::now() + seconds(10);
        }
        if (!pause(access, access.pollEvery))
            return makeError(Error::Code::Cancelled, QObject::tr("Cancelled; %1 stays drained.").arg(node));
    }
    say(access, QObject::tr("no job runs on %1; stopping its slurmd").arg(node));
    if (Result<bool> stopped = composeOnHost(access, **host, false); !stopped)
        return stopped.error();
    return QObject::tr(
               "%1 drained and its slurmd stopped. Bring it back with 'slurmdeck-cli nodes start %1'.")
        .arg(node);
}

Result<QString> startAndResume(const Access &access, const QString &node, seconds registerWait)
{
    const Result<QStringList> resume = SlurmCommands::resumeNode(node);
    if (!resume)
        return resume.error();
    const Result<const HostPlan *> host = nodeHost(access, node);
    if (!host)
        return host.error();
    const std::unique_ptr<ControllerShell> shell = controllerShell(access);
    const Result<QHash<QString, QString>> before = nodeFields(*shell, node);
    if (!before)
        return before.error();

    say(access, QObject::tr("starting slurmd on %1").arg(node));
    const Result<bool> started = composeOnHost(access, **host, true);
    if (!started)
        return started.error();
    if (!*started)
        say(access, QObject::tr("slurmd runs on %1 already").arg(node));

    // Registered: slurmctld heard from a slurmd started after the one it knew.
    const QString startedBefore = before->value(QStringLiteral("SlurmdStartTime"));
    const auto deadline = Clock::now() + registerWait;
    QString state;
    while (true) {
        const Result<QHash<QString, QString>> now = nodeFields(*shell, node);
        if (!now)
            return now.error();
        state = now->value(QStringLiteral("State"));
        const bool responding =
            !state.contains(QLatin1String("NOT_RESPONDING")) && !state.startsWith(u"UNKNOWN");
        const bool restarted = now->value(QStringLiteral("SlurmdStartTime")) != startedBefore;
        // A slurmd started just now must have registered anew; one that ran already is
        // registered when it responds.
        if (responding && (restarted || !*started))
            break;
        if (Clock::now() >= deadline) {
            return makeError(
                Error::Code::Timeout,
                QObject::tr("slurmd on %1 runs but has not registered with slurmctld (state %2). "
                            "Read its log: 'slurmdeck-cli services %1 logs slurmd'.")
                    .arg(node, state));
        }
        if (!pause(access, access.pollEvery))
            return makeError(Error::Code::Cancelled,
                             QObject::tr("Cancelled before %1 was resumed.").arg(node));
    }
    say(access, QObject::tr("%1 registered (%2)").arg(node, state));
    if (!state.contains(QLatin1String("DRAIN")) && !state.startsWith(u"DOWN"))
        return QObject::tr("%1 runs and was neither drained nor down (%2); nothing to resume.")
            .arg(node, state);
    if (Result<QString> resumed =
            ControllerQueries::command(*shell, *resume, QObject::tr("resume %1").arg(node), commandTimeout);
        !resumed)
        return resumed.error();
    return QObject::tr("%1 started and resumed.").arg(node);
}

Result<QString> tailFile(const Access &access, const QString &batchHost, const QString &file, int lines,
                         qint64 uid, qint64 gid)
{
    // On a shared directory the controller's slurmctld sees it too, whether or not the node
    // (or its container) is still there.
    const HostPlan *controller = access.endpoint.controller();
    const bool shared = controller && isOnSharedMount(*controller, file);
    const Result<const HostPlan *> host = nodeHost(access, batchHost);
    if (!shared && !host)
        return host.error();
    const QString readingHost = shared ? controller->hostName : batchHost;
    const QString service = shared ? QStringLiteral("slurmctld") : slurmd;
    ControllerShell shell(access.endpoint.target(readingHost), access.endpoint.projectName,
                          access.hostKeys.get(), access.credentials.get(), access.cancel, service);
    const Result<ExecResult> read = shell.runAs(
        QStringLiteral("%1:%2").arg(uid).arg(gid),
        {QStringLiteral("tail"), QStringLiteral("-n"), QString::number(lines), QStringLiteral("--"), file},
        commandTimeout);
    if (!read)
        return read.error();
    if (!read->succeeded()) {
        return makeError(
            Error::Code::NotFound,
            shared
                ? QObject::tr("Cannot read %1 on the shared directory (from %2) as the job's owner (uid %3): "
                              "the job may not have written it yet, or the owner may not read it.")
                      .arg(file, readingHost)
                      .arg(uid)
                : QObject::tr("Cannot read %1 in the slurmd container on %2 as the job's owner (uid %3): the "
                              "job may not have written it yet, the owner may not read it, or the container "
                              "was recreated since (output outside a shared directory stays on the node).")
                      .arg(file, batchHost)
                      .arg(uid),
            QString::fromUtf8(read->standardError).trimmed());
    }
    return QString::fromUtf8(read->standardOutput);
}

} // namespace SlurmDeck::NodeLifecycle
