// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the host rules' two files share (HostRules.cpp: one host at a time; HostPeerRules.cpp:
// what hosts say about each other). Internal to core/doctor.
#include "doctor/Finding.h"
#include "doctor/HostEvidence.h"

#include <QList>

namespace SlurmDeck::HostRules::Detail {

[[nodiscard]] inline bool isRunning(const QString &state)
{
    return state.startsWith(QLatin1String("running "));
}

[[nodiscard]] inline Finding hostFinding(const HostEvidence &host, const QString &rule)
{
    Finding finding;
    finding.rule = rule;
    finding.host = host.host;
    return finding;
}

[[nodiscard]] inline const HostEvidence *findHost(const QList<HostEvidence> &hosts, const QString &name)
{
    for (const HostEvidence &host : hosts) {
        if (host.host == name)
            return &host;
    }
    return nullptr;
}

// How to turn on time sync on the host's platform (HostRules.cpp).
[[nodiscard]] QString timeSyncFix(const HostEvidence &host);

// HostPeerRules.cpp: the daemons' munge failures, at the host they concern; hosts whose slurmd
// runs but whose port 6818 the controller cannot open; Prometheus targets down while their
// exporter runs.
void addMungeLogFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings);
void addReachFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings);
void addScrapeFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings);

} // namespace SlurmDeck::HostRules::Detail
