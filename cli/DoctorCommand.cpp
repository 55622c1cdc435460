// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DoctorCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "doctor/Diagnosis.h"
#include "doctor/HostChecks.h"
#include "doctor/HostRules.h"
#include "doctor/PlannedFiles.h"
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
                       {QStringLiteral("fix"), finding.fix},
                       {QStringLiteral("service"), orNull(finding.service)},
                       {QStringLiteral("automatic"), finding.autoFix != Finding::AutoFix::None}};
}

bool isError(const Finding &finding)
{
    return finding.severity == Finding::Severity::Error;
}

} // namespace

void DoctorCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print the findings as JSON: rule, severity, host, node, cause, evidence, fix, automatic."));
    const QCommandLineOption fix(QStringLiteral("fix"),
                                 tr("Make the fixes SlurmDeck can make itself, asking before each: start a "
                                    "stopped service; re-plan a node Slurm refused for its size from its "
                                    "engine's figures, deploy, resume it."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("With --fix: do not ask."));
    parser.addOptions({json, fix, yes});
    if (!parse(context, parser, QStringLiteral("doctor"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] doctor [--json] [--fix [--yes]]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("doctor takes no arguments; run 'slurmdeck-cli doctor --help'.\n");
        done(CliUsage);
        return;
    }
    m_json = parser.isSet(json);
    m_fix = parser.isSet(fix);
    m_yes = parser.isSet(yes);
    m_deployArguments = {QStringLiteral("--yes")};
    for (const QString &passed : {QStringLiteral("ssh-config"), QStringLiteral("timeout")}) {
        if (parser.isSet(passed))
            m_deployArguments << QStringLiteral("--") + passed << parser.value(passed);
    }
    if (parser.isSet(QStringLiteral("accept-new-host-keys")))
        m_deployArguments << QStringLiteral("--accept-new-host-keys");
    if (m_fix && !m_yes && !hasTerminal()) {
        err() << tr("doctor --fix asks before each fix, and there is no terminal: add --yes.\n");
        done(CliUsage);
        return;
    }
    prepareMonitor(
        [this] { readSnapshot([this](const ClusterSnapshot &snapshot) { diagnoseHosts(snapshot); }); });
}

void DoctorCommand::diagnoseHosts(const ClusterSnapshot &snapshot)
{
    // The files a deploy would write now (not the secrets), to find those changed by hand.
    const Result<ClusterPlan> planned = PlannedFiles::withoutSecrets(cluster(), plan());
    auto *checks = session().operation<HostChecks>(planned ? *planned : plan(), targets(), this);
    checks->run(this, [this, snapshot](const HostChecks::Report &report) {
        m_facts = report.figures;
        this->report(Diagnosis::combine(HostRules::diagnose(report.evidence),
                                        SnapshotRules::diagnose(snapshot, monitor()->endpoint().accounting),
                                        report.controllers));
    });
}

void DoctorCommand::report(const QList<Finding> &findings)
{
    m_findings = findings;
    if (m_json) {
        QJsonArray array;
        for (const Finding &finding : findings)
            array.append(toJson(finding));
        printJson(array);
    } else if (findings.isEmpty()) {
        out() << tr("No problem found in %1.\n").arg(monitor()->endpoint().clusterName);
    } else {
        for (const Finding &finding : findings) {
            const QString where = !finding.node.isEmpty() ? finding.node : finding.host;
            out() << QStringLiteral("%1 %2%3\n")
                         .arg(Finding::severityText(finding.severity), -8)
                         .arg(finding.rule)
                         .arg(where.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(where));
            out() << tr("  cause:    %1\n").arg(finding.cause);
            if (!finding.evidence.isEmpty())
                out() << tr("  evidence: %1\n")
                             .arg(QString(finding.evidence).replace(u'\n', QLatin1String("\n            ")));
            out() << tr("  fix:      %1%2\n")
                         .arg(finding.fix, finding.autoFix == Finding::AutoFix::None || m_fix
                                               ? QString()
                                               : tr(" (doctor --fix does it)"));
        }
    }
    if (m_fix) {
        for (const Finding &finding : findings) {
            if (finding.autoFix == Finding::AutoFix::None)
                continue;
            // Started while another program holds its port or another container its name, it
            // would stop again at once, or not start.
            const bool portTaken = std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &other) {
                return (other.rule == u"port-taken" || other.rule == u"foreign-container") &&
                       other.host == finding.host && other.service == finding.service;
            });
            if (portTaken)
                err() << tr("Not starting %1 on %2: another program holds its port or its container's name "
                            "(see "
                            "above).\n")
                             .arg(finding.service, finding.host);
            else
                m_toFix << finding;
        }
    }
    fixNext();
}

void DoctorCommand::finish()
{
    const bool errorLeft =
        std::any_of(m_findings.cbegin(), m_findings.cend(), [this](const Finding &finding) {
            return isError(finding) && !m_fixed.contains(finding);
        });
    if (!m_fixed.isEmpty() && !m_json)
        out() << tr("Run slurmdeck-cli doctor again in a minute to see what is left.\n");
    done(errorLeft ? CliFailure : CliOk);
}

} // namespace SlurmDeck
