// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/SlurmConfigApply.h"

#include "deploy/HostDeployer.h"
#include "ssh/SshConnection.h"

#include <QObject>
#include <QThread>

#include <chrono>

namespace SlurmDeck {

namespace {

const QStringList &slurmDaemons()
{
    static const QStringList daemons{QStringLiteral("slurmctld"), QStringLiteral("slurmd"),
                                     QStringLiteral("slurmdbd")};
    return daemons;
}

bool ranBefore(const HostDeployer &host, const HostDeployResult &result, const QString &service)
{
    return host.plan().services.contains(service) && !result.startedServices.contains(service);
}

Result<ExecResult> onController(HostDeployer &controller, const QStringList &command)
{
    return controller.runArgv(controller.compose().exec(QStringLiteral("slurmctld"), command),
                              std::chrono::seconds(30));
}

// slurmctld answers `scontrol ping` (it may be starting or restarting).
Result<void> waitForController(HostDeployer &controller)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    QString last;
    while (!controller.cancelToken().isCancelled()) {
        const Result<ExecResult> ping =
            onController(controller, {QStringLiteral("scontrol"), QStringLiteral("ping")});
        if (ping && ping->standardOutput.contains("is UP"))
            return {};
        last = ping ? QString::fromUtf8(ping->standardOutput + ping->standardError).trimmed()
                    : ping.error().toString();
        if (std::chrono::steady_clock::now() > deadline)
            break;
        QThread::msleep(1000);
    }
    if (controller.cancelToken().isCancelled())
        return makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));
    return makeError(Error::Code::RemoteCommandFailed,
                     QObject::tr("slurmctld on %1 does not answer, so it cannot read the new configuration. "
                                 "Its log: slurmdeck-cli services logs slurmctld.")
                         .arg(controller.plan().hostName),
                     last.right(500));
}

} // namespace

SlurmConfChange slurmConfigChange(const HostDeployer &deployer, const HostDeployResult &result)
{
    bool daemonsRan = false;
    for (const QString &daemon : slurmDaemons())
        daemonsRan = daemonsRan || ranBefore(deployer, result, daemon);
    SlurmConfChange change;
    if (!daemonsRan)
        return change;
    const QString slurmConf(HostDeployer::kSlurmConf);
    for (const QString &path : result.changedFiles) {
        if (path == slurmConf) {
            const RenderedFile *planned = deployer.plan().file(slurmConf);
            if (deployer.replacedSlurmConf() && planned) {
                change.merge(classifySlurmConfChange(*deployer.replacedSlurmConf(), planned->content));
            } else {
                // Replaced by an interrupted run (or new beside running daemons): what the
                // daemons read is not known, so they read it again the sure way.
                change.merge(
                    SlurmConfChange{SlurmConfChange::Apply::RestartDaemons,
                                    {QObject::tr("slurm.conf was replaced before the daemons read it")}});
            }
        } else if (path.startsWith(QLatin1String("etc/slurm/")) && path != HostDeployer::kUsersConf &&
                   ranBefore(deployer, result, QStringLiteral("slurmd"))) {
            change.merge(slurmFileChange(path));
        }
    }
    return change;
}

Result<QStringList> applyOnController(HostDeployer &controller, const SlurmConfChange &change,
                                      const HostDeployResult &result)
{
    if (change.apply == SlurmConfChange::Apply::Nothing)
        return QStringList{};
    controller.log(change.describe());
    QStringList restarted;
    const QString slurmctld = QStringLiteral("slurmctld");
    if (change.apply == SlurmConfChange::Apply::RestartDaemons && ranBefore(controller, result, slurmctld) &&
        !result.restartedServices.contains(slurmctld)) {
        controller.log(QObject::tr("restarting slurmctld (its state is kept in StateSaveLocation)"));
        if (Result<void> done = controller.restartContainers({slurmctld}); !done)
            return done.error();
        restarted << slurmctld;
    }
    if (Result<void> answers = waitForController(controller); !answers)
        return answers.error();
    if (change.apply == SlurmConfChange::Apply::Reconfigure) {
        const Result<ExecResult> reconfigured =
            onController(controller, {QStringLiteral("scontrol"), QStringLiteral("reconfigure")});
        if (!reconfigured)
            return reconfigured.error();
        if (!reconfigured->succeeded()) {
            return makeError(Error::Code::RemoteCommandFailed,
                             QObject::tr("scontrol reconfigure failed on %1: slurmctld did not take the new "
                                         "slurm.conf. Check it with 'slurmdeck-cli plan --diff'.")
                                 .arg(controller.plan().hostName),
                             QString::fromUtf8(reconfigured->standardError).trimmed().right(1000));
        }
        controller.log(QObject::tr("scontrol reconfigure: every daemon reads the new configuration"));
    }
    return restarted;
}

Result<QStringList> applyOnComputeHost(HostDeployer &host, const SlurmConfChange &change,
                                       const HostDeployResult &result)
{
    const QString slurmd = QStringLiteral("slurmd");
    if (change.apply != SlurmConfChange::Apply::RestartDaemons || !ranBefore(host, result, slurmd) ||
        result.restartedServices.contains(slurmd))
        return QStringList{};
    // A slurmd that does not run reads the files when it starts; the deploy's check that
    // services stay up reports it with its log.
    const Result<QStringList> running = host.runningServices();
    if (!running)
        return running.error();
    if (!running->contains(slurmd))
        return QStringList{};
    host.log(QObject::tr("restarting slurmd inside its container (running jobs keep running)"));
    if (Result<void> done = host.restartSlurmdInPlace(); !done)
        return done.error();
    return QStringList{slurmd};
}

} // namespace SlurmDeck
