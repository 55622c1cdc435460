// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The doctor's rules that need nothing but what monitoring already reads (one snapshot of
// nodes, partitions, the queue and the sources' health): each explains one of Slurm's
// cryptic states in plain words and names the fix. Pure; tested on output of real Slurm.
#include "doctor/Finding.h"
#include "slurm/SlurmTypes.h"

#include <QList>

namespace SlurmDeck::SnapshotRules {

// Findings in a stable order: sources, then nodes by name, then jobs by id. A healthy
// cluster gives none. Node names are SlurmDeck's host names.
[[nodiscard]] QList<Finding> diagnose(const ClusterSnapshot &snapshot, bool hasAccounting);

} // namespace SlurmDeck::SnapshotRules
