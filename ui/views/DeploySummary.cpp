// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/DeploySummary.h"

namespace SlurmDeck::Ui {

namespace {

QString hostCount(qsizetype count)
{
    return count == 1 ? DeploySummary::tr("1 host") : DeploySummary::tr("%1 hosts").arg(count);
}

QString checkCount(qsizetype count)
{
    return count == 1 ? DeploySummary::tr("1 check") : DeploySummary::tr("%1 checks").arg(count);
}

} // namespace

QString DeploySummary::formatDuration(qint64 milliseconds)
{
    if (milliseconds < 10000)
        return tr("%1 s").arg(static_cast<double>(milliseconds) / 1000.0, 0, 'f', 1);
    const qint64 seconds = (milliseconds + 500) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

DeploySummary DeploySummary::of(const DeployReport &report)
{
    QStringList failedHosts;
    QStringList cancelledHosts;
    for (const HostDeployResult &host : report.hosts) {
        if (host.phase == DeployPhase::Cancelled)
            cancelledHosts << host.host;
        else if (!host.ok())
            failedHosts << host.host;
    }
    QStringList failedChecks;
    qsizetype passedChecks = 0;
    for (const VerificationCheck &check : report.checks) {
        if (check.passed)
            ++passedChecks;
        else
            failedChecks << (check.host.isEmpty() ? check.name : tr("%1 on %2").arg(check.name, check.host));
    }
    const qsizetype deployed = report.hosts.size() - failedHosts.size() - cancelledHosts.size();
    const QString duration = formatDuration(report.elapsedMs);

    DeploySummary summary;
    summary.ok = report.ok();
    if (summary.ok) {
        const QString hosts = report.nothingChanged
                                  ? tr("Nothing changed: %1 already up to date").arg(hostCount(deployed))
                                  : tr("%1 deployed").arg(hostCount(deployed));
        summary.text = report.checks.isEmpty()
                           ? tr("%1 in %2 (not verified)").arg(hosts, duration)
                           : tr("%1, %2 passed in %3").arg(hosts, checkCount(passedChecks), duration);
        QStringList busyHosts;
        for (const HostDeployResult &host : report.hosts) {
            if (!host.keptServices.isEmpty())
                busyHosts << host.host;
        }
        if (!busyHosts.isEmpty()) {
            summary.text +=
                u' ' + tr("slurmd kept its container on %1 for the jobs running there; deploy again "
                          "once they end (or drain the nodes) to apply its new settings.")
                           .arg(busyHosts.join(QStringLiteral(", ")));
        }
        return summary;
    }

    QStringList parts;
    if (!cancelledHosts.isEmpty()) {
        parts << tr("Deploy cancelled after %1 (%2 deployed; cancelled on %3). Press Deploy to resume: "
                    "finished hosts are left alone.")
                     .arg(duration, hostCount(deployed), cancelledHosts.join(QStringLiteral(", ")));
    }
    if (!failedHosts.isEmpty()) {
        parts << tr("%1 of %2 deployed in %3; failed: %4. Read the host's message and the log, fix the "
                    "cause, then press Deploy again: hosts that finished are left alone.")
                     .arg(QString::number(deployed), hostCount(report.hosts.size()), duration,
                          failedHosts.join(QStringLiteral(", ")));
    }
    if (!failedChecks.isEmpty()) {
        parts << tr("%1 failed, %2 passed: %3. The detail column says what was seen; fix it and deploy "
                    "again.")
                     .arg(checkCount(failedChecks.size()), QString::number(passedChecks),
                          failedChecks.join(QStringLiteral(", ")));
    }
    summary.text = parts.join(u' ');
    return summary;
}

} // namespace SlurmDeck::Ui
