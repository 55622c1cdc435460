// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "deploy/ServiceTypes.h"
#include "inventory/Cluster.h"

#include <QDateTime>
#include <QJsonObject>

namespace SlurmDeck {

// What `--json` prints for the commands that change or list a cluster: one object, keys in
// snake_case, times ISO 8601 in UTC, a missing value null. `finished`: when the command ended.

// deploy --json: each host's outcome and each verification check.
[[nodiscard]] QJsonObject deployReportJson(const QString &cluster, const DeployReport &report,
                                           const QDateTime &finished);

// down --json and remove --json: each host's outcome.
[[nodiscard]] QJsonObject clusterOperationJson(const QString &cluster, const ClusterOperationReport &report,
                                               const QDateTime &finished);

// init --json and hosts --json: the cluster file's hosts with their roles and detected facts.
[[nodiscard]] QJsonObject clusterHostsJson(const Cluster &cluster, const QString &file);

// A deploy phase as --json spells it: "pending", "connecting", ..., "done", "failed", "cancelled".
[[nodiscard]] QString phaseId(DeployPhase phase);

} // namespace SlurmDeck
