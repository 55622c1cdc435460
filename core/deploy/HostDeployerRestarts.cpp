// SPDX-License-Identifier: GPL-3.0-or-later
// HostDeployer's restarts for a changed Slurm configuration (see SlurmConfigApply).
#include "deploy/HostDeployer.h"

#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

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

Result<int> HostDeployer::jobStepsInOutdatedSlurmd()
{
    const Result<ExecResult> wanted =
        runArgv(compose().configHash(QStringLiteral("slurmd")), std::chrono::seconds(60));
    if (!wanted)
        return wanted.error();
    // A Compose that cannot say (an older one without config --hash): taken as a change, so
    // a container with job steps is kept all the same.
    const QString wantedHash = wanted->succeeded()
                                   ? QString::fromUtf8(wanted->standardOutput).trimmed().section(u' ', -1)
                                   : QString();
    // The running container's hash label, whether its image is still what its image name
    // names, and how many slurmstepd (one per job step, the batch script's included) run in it.
    const QString script =
        QStringLiteral(
            "d=%1; c=$($d ps -q --filter label=com.docker.compose.project=%2 --filter "
            "label=com.docker.compose.service=slurmd --filter status=running | head -n 1); [ -n \"$c\" ] || "
            "exit 0; "
            "$d inspect -f '{{index .Config.Labels \"com.docker.compose.config-hash\"}}' \"$c\"; "
            "img=$($d inspect -f '{{.Config.Image}}' \"$c\"); "
            "if [ \"$($d image inspect -f '{{.Id}}' \"$img\" 2>/dev/null)\" = \"$($d inspect -f '{{.Image}}' "
            "\"$c\")\" ]; "
            "then echo same-image; else echo new-image; fi; "
            "$d exec \"$c\" sh -c 'n=0; for f in /proc/[0-9]*/comm; do read -r p < \"$f\" 2>/dev/null && "
            "[ \"$p\" = slurmstepd ] && n=$((n+1)); done; echo $n'")
            .arg(Shell::quote(m_fingerprint.dockerPath), Shell::quote(m_plan.project.name));
    const Result<ExecResult> looked = runShell(script, std::chrono::seconds(60));
    if (!looked)
        return looked.error();
    const QStringList lines = QString::fromUtf8(looked->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return 0; // no running slurmd container: nothing to keep
    if (!wantedHash.isEmpty() && lines.size() >= 2 && lines.at(0).trimmed() == wantedHash &&
        lines.at(1).trimmed() == u"same-image")
        return 0; // `up` leaves it as it is
    bool counted = false;
    const int steps = lines.value(2).trimmed().toInt(&counted);
    if (!counted) {
        return failure(
            QObject::tr("Cannot tell whether jobs run in slurmd's container on %1.").arg(m_plan.hostName),
            QString::fromUtf8(looked->standardError).trimmed().right(1000));
    }
    return steps;
}

Result<QStringList> HostDeployer::outdatedServices()
{
    const Result<ExecResult> wanted =
        runArgv(compose().configHash(QStringLiteral("*")), std::chrono::seconds(60));
    if (!wanted)
        return wanted.error();
    QHash<QString, QString> wantedHashes; // empty when Compose cannot say: every service counts as changed
    if (wanted->succeeded()) {
        for (const QString &line : QString::fromUtf8(wanted->standardOutput).split(u'\n', Qt::SkipEmptyParts))
            wantedHashes.insert(line.section(u' ', 0, 0), line.section(u' ', -1));
    }
    // Per running container: its service, hash label, image, and the image its image name names now.
    const QString script =
        QStringLiteral(
            "d=%1; for c in $($d ps -q --filter label=com.docker.compose.project=%2 --filter "
            "status=running); do img=$($d inspect -f '{{.Config.Image}}' \"$c\"); "
            "now=$($d image inspect -f '{{.Id}}' \"$img\" 2>/dev/null); "
            "printf '%s %s\\n' \"$($d inspect -f '{{index .Config.Labels \"com.docker.compose.service\"}} "
            "{{index .Config.Labels \"com.docker.compose.config-hash\"}} {{.Image}}' \"$c\")\" \"$now\"; "
            "done")
            .arg(Shell::quote(m_fingerprint.dockerPath), Shell::quote(m_plan.project.name));
    const Result<ExecResult> looked = runShell(script, std::chrono::seconds(60));
    if (!looked)
        return looked.error();
    if (!looked->succeeded()) {
        return failure(QObject::tr("Cannot read the containers on %1.").arg(m_plan.hostName),
                       QString::fromUtf8(looked->standardError).trimmed().right(1000));
    }
    QStringList outdated;
    for (const QString &line : QString::fromUtf8(looked->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u' ');
        const QString service = fields.value(0);
        if (!m_plan.services.contains(service) || outdated.contains(service))
            continue;
        const bool sameConfig = !wantedHashes.isEmpty() && wantedHashes.value(service) == fields.value(1);
        const bool sameImage = fields.value(2) == fields.value(3);
        if (!sameConfig || !sameImage)
            outdated << service;
    }
    return outdated;
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
