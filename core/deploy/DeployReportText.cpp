// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/DeployReportText.h"

#include <QCoreApplication>

#include <algorithm>

namespace SlurmDeck {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DeployReportText", text);
}

QString hostOutcome(const HostDeployResult &host)
{
    if (!host.ok()) {
        QString line = QStringLiteral("  %1: %2: %3\n").arg(host.host, phaseText(host.phase), host.message);
        if (!host.lastLogLines.isEmpty())
            line += host.lastLogLines + u'\n';
        return line;
    }
    QStringList what;
    if (!host.changedFiles.isEmpty())
        what << QCoreApplication::translate("DeployReportText", "%n file(s) updated", nullptr,
                                            static_cast<int>(host.changedFiles.size()));
    if (!host.imagesBuilt.isEmpty())
        what << tr("built %1").arg(host.imagesBuilt.join(QStringLiteral(", ")));
    if (!host.imagesLoaded.isEmpty())
        what << tr("loaded %1").arg(host.imagesLoaded.join(QStringLiteral(", ")));
    if (!host.startedServices.isEmpty())
        what << tr("started %1").arg(host.startedServices.join(QStringLiteral(", ")));
    if (!host.restartedServices.isEmpty())
        what << tr("restarted %1").arg(host.restartedServices.join(QStringLiteral(", ")));
    if (!host.keptServices.isEmpty())
        what << tr("kept %1's container for its running jobs (the change waits for the next deploy)")
                    .arg(host.keptServices.join(QStringLiteral(", ")));
    return QStringLiteral("  %1: done (%2)\n")
        .arg(host.host, what.isEmpty() ? tr("nothing changed") : what.join(QStringLiteral("; ")));
}
} // namespace

QString deployPlanText(const ClusterPlan &plan, const DeployOptions &options)
{
    const qsizetype count = options.onlyHosts.isEmpty() ? plan.hosts.size() : options.onlyHosts.size();
    QString text = tr("Deploying cluster %1 (compose project %2) to %3 of its %4 hosts:\n")
                       .arg(plan.clusterName, plan.projectName)
                       .arg(count)
                       .arg(plan.hosts.size());
    for (const HostPlan &host : plan.hosts) {
        if (!options.onlyHosts.isEmpty() && !options.onlyHosts.contains(host.hostName))
            continue;
        text +=
            QStringLiteral("  %1 (%2): %3 in %4\n")
                .arg(host.hostName, host.address, host.services.join(QStringLiteral(", ")), host.directory);
    }
    text += tr("  images: %1\n").arg(describeImages(options));
    for (const QString &note : plan.notes)
        text += tr("  note: %1\n").arg(note);
    return text;
}

QString deployPhaseLine(const QString &host, DeployPhase phase, const QString &message)
{
    return host + QStringLiteral(": ") + phaseText(phase) + (message.isEmpty() ? QString() : u' ' + message) +
           u'\n';
}

QString deployLogText(const QString &host, const QString &line)
{
    return QStringLiteral("  ") + (host.isEmpty() ? QStringLiteral("local") : host) + QStringLiteral(": ") +
           line + u'\n';
}

QString deployReportText(const DeployReport &report)
{
    QString text;
    if (!report.checks.isEmpty()) {
        text += tr("\nVerification:\n");
        for (const VerificationCheck &check : report.checks) {
            text += QStringLiteral("  %1 %2 %3")
                        .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), -6)
                        .arg(check.host.isEmpty() ? QStringLiteral("-") : check.host, -10)
                        .arg(check.name);
            if (!check.detail.isEmpty())
                text += QStringLiteral(": ") + check.detail;
            text += u'\n';
        }
    }
    text += tr("\nSummary:\n");
    if (report.slurmConfig.apply != SlurmConfChange::Apply::Nothing)
        text += tr("  Slurm configuration: %1\n").arg(report.slurmConfig.describe());
    for (const HostDeployResult &host : report.hosts) {
        text += hostOutcome(host);
        if (!host.mungeKeySha256.isEmpty())
            text += tr("    munge key SHA-256 %1\n").arg(host.mungeKeySha256);
    }
    const auto hostsDone = std::count_if(report.hosts.cbegin(), report.hosts.cend(),
                                         [](const HostDeployResult &host) { return host.ok(); });
    const auto passed = std::count_if(report.checks.cbegin(), report.checks.cend(),
                                      [](const VerificationCheck &check) { return check.passed; });
    text += tr("%1 of %2 hosts done, %3 of %4 checks passed, in %5 s%6.\n")
                .arg(hostsDone)
                .arg(report.hosts.size())
                .arg(passed)
                .arg(report.checks.size())
                .arg(static_cast<double>(report.elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(report.nothingChanged ? tr("; nothing changed") : QString());
    return text;
}

} // namespace SlurmDeck
