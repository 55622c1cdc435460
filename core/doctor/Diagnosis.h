// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/Finding.h"

#include <QList>
#include <QStringList>

namespace SlurmDeck::Diagnosis {

// The hosts' findings (HostRules), then Slurm's (SnapshotRules). A host's own finding says
// more than Slurm's view of it: an unreachable controller host replaces "cannot reach the
// controller", and a node Slurm does not hear from points at the host finding that says why.
// `controllers`: the hosts that run slurmctld.
[[nodiscard]] QList<Finding> combine(const QList<Finding> &hostFindings, const QList<Finding> &slurmFindings,
                                     const QStringList &controllers);

// How many errors and warnings, as a status line shows them ("2 problems"); empty for none.
[[nodiscard]] QString countText(const QList<Finding> &findings);

} // namespace SlurmDeck::Diagnosis
