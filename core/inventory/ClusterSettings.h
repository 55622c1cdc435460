// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/SlurmRelease.h"

#include <QString>

namespace SlurmDeck {

// Cluster-wide knobs (the `settings` section). No secrets: passwords and keys live in the
// OS keychain and are referred to by the keychain service name only.
struct ClusterSettings final
{
    static constexpr int defaultPollIntervalSeconds = 5;
    [[nodiscard]] static QString defaultRemoteDirectory() { return QStringLiteral("/opt/slurmdeck"); }

    QString remoteDirectory = defaultRemoteDirectory(); // where compose files go on each host
    int pollIntervalSeconds = defaultPollIntervalSeconds;
    QString keychainService;   // empty: "slurmdeck/<cluster name>" (see Cluster::keychainService)
    bool enforceLimits = true; // a job over its --mem is stopped (LimitEnforcement)
    QString slurmRelease = SlurmRelease::defaultVersion(); // one of SlurmRelease::offered()

    bool operator==(const ClusterSettings &) const = default;
};

} // namespace SlurmDeck
