// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

namespace SlurmDeck {

// The seed's topology: the first Linux host with a GPU (detected gpus > 0), or else the
// first Linux host, or else the first host, runs controller + database + monitoring +
// compute; every other host is compute. Replaces every host's roles and the partitions
// with `main` (ALL nodes, the default) plus `gpu` (the GPU hosts) when there are any.
// A cluster without hosts gets no partitions.
void assignDefaultRoles(Cluster &cluster);

} // namespace SlurmDeck
