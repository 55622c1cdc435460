// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "discovery/DiscoveredHost.h"
#include "inventory/HostRole.h"
#include "ssh/SshTarget.h"

#include <QStringList>

namespace SlurmDeck {

class ClusterDocument;

struct MergeOutcome
{
    QStringList added;     // names of the new hosts
    QStringList refreshed; // names of existing hosts whose detected facts were updated
};

// Adds what discovery found to the open cluster. Hosts already in it (same address)
// keep everything but get their detected facts refreshed; new ones are named as
// clusterFromDiscovery names them (made unique against the cluster) and join as compute
// hosts (or with `roles`). A cluster that had no controller gets the default roles afterwards.
[[nodiscard]] Result<MergeOutcome> mergeDiscoveredHosts(ClusterDocument &document,
                                                        const QList<DiscoveredHost> &found,
                                                        const SshTarget &login,
                                                        HostRoles roles = HostRole::Compute);

} // namespace SlurmDeck
