// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/Diagnosis.h"

#include <QObject>

#include <algorithm>

namespace SlurmDeck::Diagnosis {

QList<Finding> combine(const QList<Finding> &hostFindings, const QList<Finding> &slurmFindings,
                       const QStringList &controllers)
{
    QList<Finding> findings = hostFindings;
    const bool controllerUnreachable =
        std::any_of(hostFindings.cbegin(), hostFindings.cend(), [&](const Finding &f) {
            return f.rule == u"host-unreachable" && controllers.contains(f.host);
        });
    for (Finding finding : slurmFindings) {
        if (controllerUnreachable && finding.rule == u"controller-unreachable")
            continue;
        const auto why = std::find_if(hostFindings.cbegin(), hostFindings.cend(), [&](const Finding &f) {
            return f.severity == Finding::Severity::Error && !f.node.isEmpty() && f.node == finding.node;
        });
        if (finding.rule == u"node-not-responding" && why != hostFindings.cend()) {
            finding.fix =
                QObject::tr("Fix %1 on %2 (above); Slurm takes the node back by itself once its slurmd "
                            "answers.")
                    .arg(why->rule, why->host);
        }
        findings << finding;
    }
    return findings;
}

QString countText(const QList<Finding> &findings)
{
    const auto errors = std::count_if(findings.cbegin(), findings.cend(), [](const Finding &finding) {
        return finding.severity == Finding::Severity::Error;
    });
    const auto warnings = findings.size() - errors;
    if (findings.isEmpty())
        return {};
    QStringList parts;
    if (errors > 0)
        parts << (errors == 1 ? QObject::tr("1 error") : QObject::tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts << (warnings == 1 ? QObject::tr("1 warning") : QObject::tr("%1 warnings").arg(warnings));
    return parts.join(QStringLiteral(", "));
}

} // namespace SlurmDeck::Diagnosis
