// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The baseline the deploy benchmark compares SlurmDeck with: the plain sequential script
// of issue 4 — per host one tar stream over OpenSSH into the project directory, then
// `docker-compose up -d` of its services; then wait until every node is idle.
#include "LabManifest.h"
#include "plan/HostPlan.h"

#include <QString>

namespace SlurmDeck::Bench {

// Runs `script` with bash; returns its exit code (stderr/stdout pass through).
int runShell(const QString &script);

// The shell script for a plain deploy of `plan` onto the lab; `stagingDir` receives each
// host's files first (removed by the caller).
QString plainDeployScript(const ClusterPlan &plan, const Lab::Manifest &lab, const QString &stagingDir);

// Waits (polling once a second) until sinfo on the controller shows `nodes` nodes, all idle.
QString waitForIdleScript(const ClusterPlan &plan, const Lab::Manifest &lab, int nodes);

// Removes the cluster's containers and project directories from every host.
QString tearDownScript(const ClusterPlan &plan, const Lab::Manifest &lab);

} // namespace SlurmDeck::Bench
