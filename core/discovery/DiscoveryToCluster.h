// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/DiscoveredHost.h"
#include "inventory/Cluster.h"
#include "ssh/SshTarget.h"

#include <QJsonObject>

namespace SlurmDeck {

// The `detected` facts a cluster file keeps from a fingerprint.
[[nodiscard]] DetectedFacts detectedFacts(const HostFingerprint &fingerprint);

// A new cluster from the hosts that were fingerprinted, with the seed's default roles.
// Host names come from each machine's hostname (made Slurm-safe and unique); the address
// is what the user gave (an alias stays an alias); user, port and identity are kept only
// where they were given explicitly, so ~/.ssh/config stays in charge otherwise.
[[nodiscard]] Cluster clusterFromDiscovery(const QString &name, const QList<DiscoveredHost> &hosts,
                                           const SshTarget &login);

// "gpu-box.lan" -> "gpu-box"; anything outside [A-Za-z0-9-] becomes '-'.
[[nodiscard]] QString slurmNodeName(const QString &hostname);

[[nodiscard]] QJsonObject toJson(const DiscoveredHost &host);

} // namespace SlurmDeck
