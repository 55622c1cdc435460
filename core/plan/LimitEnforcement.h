// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include <QString>
#include <QStringList>

namespace SlurmDeck {

// How a job's requests are enforced (the cluster's settings.enforce_limits, on by default).
// The Slurm containers have no cgroup containment, on cgroup v1 and v2 engines alike, so:
// - CPUs: each task is bound to the CPUs it was given (TaskPlugin=task/affinity; slurmd's
//   container needs CAP_SYS_NICE to bind another uid's tasks);
// - memory: memory is a consumable resource (SelectTypeParameters=CR_Core_Memory), a job that
//   asks for none gets DefMemPerCPU per CPU, and Slurm's accounting sampler kills a step over
//   its request (JobAcctGatherParams=OverMemoryKill; CAP_SYS_PTRACE to read another uid's
//   /proc). A spike shorter than the sampling period is not caught. Needs every node's memory.
struct LimitEnforcement
{
    static constexpr int sampleSeconds = 10; // JobAcctGatherFrequency while enforcing

    bool cpus = false;          // tasks bound to their CPUs
    bool memory = false;        // --mem enforced
    qint64 defaultMbPerCpu = 0; // DefMemPerCPU: the smallest RealMemory/CPUs of the nodes
    QStringList unknownHosts;   // compute hosts whose memory or CPUs the fingerprint lacks

    // From the cluster's setting and its compute hosts' fingerprints. Enforcing memory needs
    // every node's memory: a node without it would have RealMemory=1 and take no job.
    [[nodiscard]] static LimitEnforcement of(const Cluster &cluster);
    // The plan's note: what the nodes get, or why nothing is enforced.
    [[nodiscard]] QString note(const Cluster &cluster) const;
};

} // namespace SlurmDeck
