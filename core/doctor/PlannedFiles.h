// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "plan/HostPlan.h"

namespace SlurmDeck::PlannedFiles {

// The files a deploy would put on each host now, but the secrets: what the doctor compares
// with the hosts' copies to find a file changed by hand. Rendered with placeholder secrets,
// whose files are left out, so the keychain is never asked. `located`: the cluster's hosts as
// located (each host's network address), e.g. Topology::withoutFiles().
[[nodiscard]] Result<ClusterPlan> withoutSecrets(const Cluster &cluster, const ClusterPlan &located);

} // namespace SlurmDeck::PlannedFiles
