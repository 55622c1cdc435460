// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "plan/PlanInputs.h"

#include <QByteArray>

namespace SlurmDeck {

// slurm.conf for the whole cluster (the same file on every host): the controller, the
// accounting host, container-safe plugins (no cgroup plugins: they fail inside containers
// on cgroup v2 hosts), one NodeName line per compute host from its measured CPUs, topology
// and memory (with headroom), GPUs as Gres, and the cluster file's partitions.
[[nodiscard]] QByteArray renderSlurmConf(const Cluster &cluster, const PlanInputs &inputs);

// gres.conf lines for the GPU hosts (every GPU with its /dev/nvidiaN device: a GPU without
// File= makes its node INVAL). Empty when no host has a GPU.
[[nodiscard]] QByteArray renderGresConf(const Cluster &cluster);

// slurmdbd.conf, without the database password: the slurmdbd container adds StoragePass from
// the secrets/db_password file into a private copy at start. Pushed with mode 0600 anyway.
[[nodiscard]] QByteArray renderSlurmdbdConf(const Cluster &cluster);

// RealMemory for a host with `memoryMiB`: keeps 5 % (at least 512 MiB) for the OS and
// Docker, so slurmd never reports less than configured (which would drain the node).
[[nodiscard]] qint64 realMemoryFor(qint64 memoryMiB);

[[nodiscard]] QByteArray generatedHeader(const QString &clusterName,
                                         const QString &commentPrefix = QStringLiteral("#"));

} // namespace SlurmDeck
