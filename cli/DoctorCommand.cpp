// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DoctorCommand.h"

#include "doctor/SnapshotRules.h"
#include "slurm/SlurmMonitor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace SlurmDeck {

namespace {

QJsonObject toJson(const Finding &finding)
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return QJsonObject{{QStringLiteral("rule"), finding.rule},
                       {QStringLiteral("severity"), Finding::severityText(finding.severity)},
                       {QStringLiteral("host"), orNull(finding.host)},
                       {QStringLiteral("node"), orNull(finding.node)},
                       {QStringLiteral("cause"), finding.cause},
                       {QStringLiteral("evidence"), finding.evidence},
                       {QStringLiteral("fix"), finding.fix}};
}

} // namespace

void DoctorCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print the findings as JSON: rule, severity, host, node, cause, evidence, fix."));
    parser.addOption(json);
    if (!parse(context, parser, QStringLiteral("doctor"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] doctor [--json]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("doctor takes no arguments; run 'slurmdeck-cli doctor --help'.\n");
        done(CliUsage);
        return;
    }
    m_json = parser.isSet(json);
    prepareMonitor([this] {
        readSnapshot([this](const ClusterSnapshot &snapshot) {
            const QList<Finding> findings =
                SnapshotRules::diagnose(snapshot, monitor()->endpoint().accounting);
            if (m_json) {
                QJsonArray array;
                for (const Finding &finding : findings)
                    array.append(toJson(finding));
                printJson(array);
            } else if (findings.isEmpty()) {
                out() << tr("No problem found in %1.\n").arg(monitor()->endpoint().clusterName);
            } else {
                for (const Finding &finding : findings) {
                    out() << QStringLiteral("%1 %2%3\n")
                                 .arg(Finding::severityText(finding.severity), -8)
                                 .arg(finding.rule)
                                 .arg(finding.node.isEmpty() ? QString()
                                                             : QStringLiteral(" (%1)").arg(finding.node));
                    out() << tr("  cause:    %1\n").arg(finding.cause);
                    if (!finding.evidence.isEmpty())
                        out() << tr("  evidence: %1\n").arg(finding.evidence);
                    out() << tr("  fix:      %1\n").arg(finding.fix);
                }
            }
            const bool error = std::any_of(findings.cbegin(), findings.cend(), [](const Finding &finding) {
                return finding.severity == Finding::Severity::Error;
            });
            done(error ? CliFailure : CliOk);
        });
    });
}

} // namespace SlurmDeck
