// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "plan/HostPlan.h"

#include <QString>

namespace SlurmDeck {

// A deploy as both fronts print it, in plain text.

// What is about to happen: the cluster, each host's services and directory (the hosts of
// `options.onlyHosts`, else all), the images, the plan's notes.
[[nodiscard]] QString deployPlanText(const ClusterPlan &plan, const DeployOptions &options);

// One host's progress line: "primary: starting services (slurmctld)".
[[nodiscard]] QString deployPhaseLine(const QString &host, DeployPhase phase, const QString &message);

// One line a host's deploy logged ("  primary: Loaded image ..."); an empty host is this machine.
[[nodiscard]] QString deployLogText(const QString &host, const QString &line);

// The end of a deploy: each verification check, each host's outcome, and the totals line
// ("4 of 4 hosts done, 6 of 6 checks passed, in 52.1 s").
[[nodiscard]] QString deployReportText(const DeployReport &report);

} // namespace SlurmDeck
