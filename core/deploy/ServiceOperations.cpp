// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ServiceOperations.h"

#include "deploy/HostDeployer.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QThread>

namespace SlurmDeck::ServiceOperations {

namespace {

Error remoteFailure(const HostDeployer &deployer, const QString &what, const ExecResult &result)
{
    return makeError(Error::Code::RemoteCommandFailed,
                     QObject::tr("Compose could not %1 on %2.").arg(what, deployer.plan().hostName),
                     QString::fromUtf8(result.standardError).trimmed().right(2000));
}

QStringList outputLines(const QByteArray &output)
{
    return QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
}

QString docker(const HostDeployer &deployer)
{
    return Shell::quote(deployer.fingerprint().dockerPath);
}

// `docker ps` filters for the project's containers (one-off `compose run` ones included).
QString projectFilter(const HostDeployer &deployer)
{
    return QStringLiteral("--filter label=com.docker.compose.project=") +
           Shell::quote(deployer.plan().project.name);
}

// Whether the project's compose file is on the host (0: yes, 1: no).
Result<bool> deployedHere(HostDeployer &deployer)
{
    const Result<ExecResult> tested = deployer.runShell(
        QStringLiteral("test -f ") + Shell::quote(deployer.plan().directory + QStringLiteral("/compose.yml")),
        std::chrono::seconds(30));
    if (!tested)
        return tested.error();
    return tested->exitStatus == 0;
}

Result<int> containerCount(HostDeployer &deployer)
{
    const Result<ExecResult> listed = deployer.runShell(
        docker(deployer) + QStringLiteral(" ps -aq ") + projectFilter(deployer), std::chrono::seconds(60));
    if (!listed)
        return listed.error();
    if (!listed->succeeded())
        return remoteFailure(deployer, QObject::tr("list the containers"), *listed);
    return static_cast<int>(outputLines(listed->standardOutput).size());
}

// Deletes the data from a throwaway container, as root inside it: the SSH user may not
// delete what the database and Slurm wrote.
Result<void> purgeWithHelper(HostDeployer &deployer, const QString &data, const QStringList &helperImages)
{
    QString lastError =
        QObject::tr("none of the images %1 is on the host").arg(helperImages.join(QStringLiteral(", ")));
    for (const QString &image : helperImages) {
        const QStringList argv{deployer.fingerprint().dockerPath,
                               QStringLiteral("run"),
                               QStringLiteral("--rm"),
                               QStringLiteral("--network"),
                               QStringLiteral("none"),
                               QStringLiteral("--user"),
                               QStringLiteral("0:0"),
                               QStringLiteral("--entrypoint"),
                               QStringLiteral("/bin/sh"),
                               QStringLiteral("--volume"),
                               data + QStringLiteral(":/purge"),
                               image,
                               QStringLiteral("-c"),
                               QStringLiteral("rm -rf /purge/* /purge/.[!.]* /purge/..?*")};
        const Result<ExecResult> ran =
            deployer.runShell(docker(deployer) + QStringLiteral(" image inspect ") + Shell::quote(image) +
                                  QStringLiteral(" >/dev/null 2>&1 && ") + Shell::join(argv),
                              std::chrono::seconds(300));
        if (!ran)
            return ran.error();
        if (ran->succeeded())
            return {};
        lastError = QString::fromUtf8(ran->standardError).trimmed().right(1000);
    }
    return makeError(Error::Code::RemoteCommandFailed,
                     QObject::tr("Cannot delete the data in %1 on %2: remove it as root there.")
                         .arg(data, deployer.plan().hostName),
                     lastError);
}

// Starts `services` where they do not run and checks that they stay up.
Result<QString> startChecked(HostDeployer &deployer, const QStringList &services)
{
    const Result<HostDeployer::StartOutcome> started = deployer.startServices(services, {});
    if (!started)
        return started.error();
    if (!started->failedService.isEmpty()) {
        return makeError(Error::Code::RemoteCommandFailed,
                         QObject::tr("The service %1 on %2 did not stay up. Its last log lines:\n%3")
                             .arg(started->failedService, deployer.plan().hostName, started->lastLogLines));
    }
    return started->started.isEmpty()
               ? QObject::tr("%1 running already").arg(services.join(QStringLiteral(", ")))
               : QObject::tr("started %1").arg(started->started.join(QStringLiteral(", ")));
}

} // namespace

QString dataDirectory(const HostPlan &plan)
{
    return plan.directory + QStringLiteral("/data");
}

Result<QList<ServiceStatus>> list(HostDeployer &deployer)
{
    const QString command =
        QStringLiteral("ids=$(%1 ps -aq %2 --filter label=com.docker.compose.oneoff=False) || exit 1; "
                       "[ -z \"$ids\" ] || %1 inspect --format %3 $ids")
            .arg(docker(deployer), projectFilter(deployer), Shell::quote(statusInspectFormat()));
    const Result<ExecResult> inspected = deployer.runShell(command, std::chrono::seconds(60));
    if (!inspected)
        return inspected.error();
    if (!inspected->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("docker could not list the containers on %1.").arg(deployer.plan().hostName),
            QString::fromUtf8(inspected->standardError).trimmed().right(2000));
    }
    return parseServiceStates(inspected->standardOutput, deployer.plan().services);
}

Result<QString> act(HostDeployer &deployer, ServiceAction action, const QStringList &services)
{
    const QStringList names = services.isEmpty() ? deployer.plan().services : services;
    const QString joined = names.join(QStringLiteral(", "));
    if (action == ServiceAction::Start)
        return startChecked(deployer, names);
    const ComposeCommand compose = deployer.compose();
    const bool stop = action == ServiceAction::Stop;
    const Result<ExecResult> ran = deployer.runArgv(stop ? compose.stop(services) : compose.restart(services),
                                                    std::chrono::seconds(300));
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return remoteFailure(deployer, QStringLiteral("%1 %2").arg(actionText(action), joined), *ran);
    if (stop)
        return QObject::tr("stopped %1").arg(joined);
    // `restart` leaves a service without a container alone: start those, and check that
    // every one runs.
    const Result<QString> running = startChecked(deployer, names);
    if (!running)
        return running.error();
    return QObject::tr("restarted %1").arg(joined);
}

Result<QStringList> logs(HostDeployer &deployer, const QString &service, int lines)
{
    const Result<ExecResult> read =
        deployer.runArgv(deployer.compose().logs(service, lines), std::chrono::seconds(60));
    if (!read)
        return read.error();
    if (!read->succeeded())
        return remoteFailure(
            deployer, QObject::tr("read the logs of %1 (is the cluster deployed?)").arg(service), *read);
    return outputLines(read->standardOutput);
}

Result<void> follow(HostDeployer &deployer, const QString &service, int tail,
                    const std::function<void(const QStringList &)> &post, const CancelToken &cancel,
                    std::chrono::milliseconds interval)
{
    QString last;
    int lines = tail;
    while (!cancel.isCancelled()) {
        const Result<ExecResult> fetched = deployer.composeRun(
            {QStringLiteral("logs"), QStringLiteral("--no-color"), QStringLiteral("--timestamps"),
             QStringLiteral("--tail"), QString::number(lines), service},
            std::chrono::seconds(60));
        if (!fetched)
            return fetched.error().code == Error::Code::Cancelled ? Result<void>()
                                                                  : Result<void>(fetched.error());
        if (!fetched->succeeded())
            return remoteFailure(deployer, QObject::tr("read the logs of %1").arg(service), *fetched);
        const QStringList fresh = outputLines(fetched->standardOutput);
        const qsizetype seen = last.isEmpty() ? -1 : fresh.lastIndexOf(last);
        if (seen + 1 < fresh.size())
            post(fresh.mid(seen + 1));
        if (!fresh.isEmpty())
            last = fresh.constLast();
        lines = 1000;
        for (auto waited = std::chrono::milliseconds(0); waited < interval && !cancel.isCancelled();
             waited += std::chrono::milliseconds(50))
            QThread::msleep(50);
    }
    return {};
}

Result<QString> startAll(HostDeployer &deployer)
{
    return startChecked(deployer, deployer.plan().services);
}

Result<QString> takeDown(HostDeployer &deployer)
{
    const Result<QStringList> before = deployer.runningServices();
    if (!before)
        return before.error();
    if (before->isEmpty()) {
        const Result<bool> deployed = deployedHere(deployer);
        if (deployed && !*deployed)
            return QObject::tr("nothing deployed here");
    }
    // `down` without --volumes: containers and the network go, the project directory
    // (configuration, database, state) stays.
    const Result<ExecResult> down = deployer.runArgv(deployer.compose().down(), std::chrono::seconds(300));
    if (!down)
        return down.error();
    if (!down->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("Compose could not take the services down on %1.").arg(deployer.plan().hostName),
            QString::fromUtf8(down->standardError).trimmed().right(2000));
    }
    return before->isEmpty() ? QObject::tr("nothing was running")
                             : QObject::tr("stopped %1").arg(before->join(QStringLiteral(", ")));
}

Result<QString> remove(HostDeployer &deployer, bool purgeData, const QStringList &helperImages)
{
    const HostPlan &plan = deployer.plan();
    const QString directory = Shell::quote(plan.directory);
    const Result<int> containers = containerCount(deployer);
    if (!containers)
        return containers.error();
    const Result<bool> deployed = deployedHere(deployer);
    if (!deployed)
        return deployed.error();
    const Result<ExecResult> present =
        deployer.runShell(QStringLiteral("test -d ") + directory, std::chrono::seconds(30));
    if (!present)
        return present.error();
    const bool hasDirectory = present->exitStatus == 0;
    if (*containers == 0 && !hasDirectory)
        return QObject::tr("nothing deployed here");

    // Compose first (it knows the project's networks and volumes), then whatever carries
    // the project's label: containers of services no longer in the files, or a project
    // whose files are gone already.
    QString composeError;
    if (*deployed) {
        QStringList subcommand{QStringLiteral("down"), QStringLiteral("--remove-orphans")};
        if (purgeData)
            subcommand << QStringLiteral("--volumes");
        const Result<ExecResult> down = deployer.composeRun(subcommand, std::chrono::seconds(300));
        if (!down)
            return down.error();
        if (!down->succeeded())
            composeError = QString::fromUtf8(down->standardError).trimmed().right(2000);
    }
    QString sweep = QStringLiteral("ids=$(%1 ps -aq %2); [ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                   "%1 network ls -q %2 | xargs -r %1 network rm >/dev/null 2>&1; ")
                        .arg(docker(deployer), projectFilter(deployer));
    if (purgeData)
        sweep += QStringLiteral("%1 volume ls -q %2 | xargs -r %1 volume rm >/dev/null 2>&1; ")
                     .arg(docker(deployer), projectFilter(deployer));
    const Result<ExecResult> swept =
        deployer.runShell(sweep + QStringLiteral("exit 0"), std::chrono::seconds(300));
    if (!swept)
        return swept.error();
    const Result<int> left = containerCount(deployer);
    if (!left)
        return left.error();
    if (*left > 0) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("%1 containers of the cluster are still on %2; remove them with docker rm -f, "
                        "then run remove again.")
                .arg(*left)
                .arg(plan.hostName),
            composeError);
    }

    const QString data = dataDirectory(plan);
    if (hasDirectory && purgeData) {
        const Result<ExecResult> removed = deployer.runShell(
            QStringLiteral("rm -rf %1 2>/dev/null; test ! -e %1").arg(directory), std::chrono::seconds(300));
        if (!removed)
            return removed.error();
        if (!removed->succeeded()) {
            if (Result<void> purged = purgeWithHelper(deployer, data, helperImages); !purged)
                return purged.error();
            const Result<ExecResult> again =
                deployer.runShell(QStringLiteral("rm -rf %1").arg(directory), std::chrono::seconds(300));
            if (!again)
                return again.error();
            if (!again->succeeded())
                return makeError(Error::Code::RemoteCommandFailed,
                                 QObject::tr("Cannot delete %1 on %2: remove it as root there.")
                                     .arg(plan.directory, plan.hostName),
                                 QString::fromUtf8(again->standardError).trimmed().right(1000));
        }
    } else if (hasDirectory) {
        // Everything but data/; the directory itself goes too when it had no data.
        const Result<ExecResult> removed = deployer.runShell(
            QStringLiteral("cd %1 || exit 1; for f in * .[!.]* ..?*; do "
                           "{ [ -e \"$f\" ] || [ -L \"$f\" ]; } || continue; [ \"$f\" = data ] && continue; "
                           "rm -rf -- \"$f\" || exit 1; done; cd / && rmdir %1 2>/dev/null; exit 0")
                .arg(directory),
            std::chrono::seconds(300));
        if (!removed)
            return removed.error();
        if (!removed->succeeded())
            return makeError(Error::Code::RemoteCommandFailed,
                             QObject::tr("Cannot delete the configuration in %1 on %2.")
                                 .arg(plan.directory, plan.hostName),
                             QString::fromUtf8(removed->standardError).trimmed().right(1000));
    }
    const QString what = *containers == 1 ? QObject::tr("removed 1 container")
                                          : QObject::tr("removed %1 containers").arg(*containers);
    if (!hasDirectory)
        return what;
    if (purgeData)
        return QObject::tr("%1 and %2 with its data").arg(what, plan.directory);
    const Result<ExecResult> kept =
        deployer.runShell(QStringLiteral("test -d ") + Shell::quote(data), std::chrono::seconds(30));
    if (kept && kept->exitStatus == 0)
        return QObject::tr("%1 and the configuration in %2; data kept in %3").arg(what, plan.directory, data);
    return QObject::tr("%1 and %2 (it had no data)").arg(what, plan.directory);
}

} // namespace SlurmDeck::ServiceOperations
