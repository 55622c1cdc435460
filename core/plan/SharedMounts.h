// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "plan/HostPlan.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SlurmDeck::SharedMounts {

// The Compose file that bind-mounts the cluster's shared directories into a host's Slurm
// containers, one more -f file after the platform override.
[[nodiscard]] QString composeFileName();
// The services of `services` that get the shared directories: slurmd (where jobs run) and
// slurmctld (where sbatch runs and the Jobs view reads output).
[[nodiscard]] QStringList servicesMounting(const QStringList &services);
// `host`'s shared mounts: each directory's source on that host and its mount point.
[[nodiscard]] QList<SharedMount> of(const Cluster &cluster, const QString &hostName);
// compose.shared.yml for `plan` (its sharedMounts and services). Long bind syntax (the engine's
// mounts: a source missing on the host is an error, not a directory Docker creates empty),
// without create_host_path, which docker-compose v1 refuses.
[[nodiscard]] QByteArray composeFile(const HostPlan &plan);

} // namespace SlurmDeck::SharedMounts
