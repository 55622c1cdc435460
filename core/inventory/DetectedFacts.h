// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Platform.h"

#include <QString>

#include <optional>

namespace SlurmDeck {

// What fingerprinting found on a host (the `detected` section of a host in a cluster
// file). Every field is optional: a host that was never reached has none.
struct DetectedFacts final
{
    Platform platform = Platform::Unknown; // Unknown: not detected
    QString arch;                          // `uname -m` spelling (x86_64, aarch64, arm64); empty: unknown
    std::optional<int> cpus;
    // Topology as slurmd sees it; slurm.conf's NodeName lines need all three or none.
    std::optional<int> sockets;
    std::optional<int> coresPerSocket;
    std::optional<int> threadsPerCore;
    std::optional<qint64> memoryMib;
    // What the container engine provides (a Mac's Docker VM is smaller than the Mac): what
    // slurmd in a container sees, so what slurm.conf's NodeName line says when known.
    std::optional<int> engineCpus;
    std::optional<qint64> engineMemoryMib;
    // The SSH login: uid 0 (root, a QNAP admin) may write anywhere; an ordinary user's files
    // go under its home directory (see ClusterPlanner::projectDirectory).
    std::optional<int> loginUid;
    std::optional<int> loginGid;
    QString loginUser;       // the login's name; the controller's is the cluster's default user
    QString home;            // absolute; empty: unknown
    std::optional<int> gpus; // NVIDIA GPUs
    QString gpuModel;        // empty: unknown

    [[nodiscard]] bool isEmpty() const { return *this == DetectedFacts{}; }
    [[nodiscard]] bool hasGpu() const { return gpus.value_or(0) > 0; }

    bool operator==(const DetectedFacts &) const = default;
};

} // namespace SlurmDeck
