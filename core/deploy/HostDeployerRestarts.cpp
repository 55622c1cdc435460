// SPDX-License-Identifier: GPL-3.0-or-later
// HostDeployer's restarts for a changed Slurm configuration (see SlurmConfigApply).
#include "deploy/HostDeployer.h"

#include <QObject>

namespace SlurmDeck {

Result<void> HostDeployer::restartSlurmdInPlace()
{
    // The image's entrypoint ends slurmd and starts it again in the same container, then
    // waits until the new slurmd runs: the job steps (slurmstepd) never notice.
    const Result<ExecResult> restarted = runArgv(
        compose().exec(QStringLiteral("slurmd"), {QStringLiteral("/usr/local/sbin/slurmdeck-entrypoint"),
                                                  QStringLiteral("restart-slurmd")}),
        std::chrono::seconds(60));
    if (!restarted)
        return restarted.error();
    if (!restarted->succeeded()) {
        return failure(
            QObject::tr("slurmd on %1 could not be restarted inside its container.").arg(m_plan.hostName),
            QString::fromUtf8(restarted->standardError).trimmed().right(1000));
    }
    return {};
}

Result<void> HostDeployer::syncUsers(const QStringList &services)
{
    for (const QString &service : {QStringLiteral("slurmctld"), QStringLiteral("slurmd")}) {
        if (!services.contains(service))
            continue;
        // On the controller also in slurmdbd's accounts (it waits for slurmdbd to know the cluster).
        QStringList command{QStringLiteral("/usr/local/sbin/slurmdeck-entrypoint"),
                            QStringLiteral("sync-users")};
        if (service == u"slurmctld")
            command << QStringLiteral("accounts");
        const Result<ExecResult> synced =
            runArgv(compose().exec(service, command), std::chrono::seconds(180));
        if (!synced)
            return synced.error();
        if (!synced->succeeded()) {
            return failure(QObject::tr("The cluster's users could not be added in %1 on %2.")
                               .arg(service, m_plan.hostName),
                           QString::fromUtf8(synced->standardError).trimmed().right(1000));
        }
        m_log(QObject::tr("users of the cluster added in %1").arg(service));
    }
    return {};
}

Result<void> HostDeployer::restartContainers(const QStringList &services)
{
    // Stop, then `up`: unlike `restart`, `up` keeps the dependency order.
    const Result<ExecResult> stopped = runArgv(compose().stop(services), std::chrono::seconds(180));
    if (!stopped)
        return stopped.error();
    const Result<ExecResult> started = runArgv(compose().up(services), std::chrono::seconds(300));
    if (!started)
        return started.error();
    if (!started->succeeded()) {
        return failure(QObject::tr("Compose could not restart %1 on %2.")
                           .arg(services.join(QStringLiteral(", ")), m_plan.hostName),
                       QString::fromUtf8(started->standardError).trimmed().right(2000));
    }
    return {};
}

} // namespace SlurmDeck
