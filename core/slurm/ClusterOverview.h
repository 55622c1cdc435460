// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The cluster at a glance, from one snapshot: nodes counted by state (overall and per
// partition), CPUs, memory and GPUs allocated against the total, the queue's running and
// pending jobs (and how many of them are the user's), and the nodes that need someone to
// act (down or drained, with Slurm's reason). Pure and linear in nodes + jobs: the GUI's
// Overview computes it on every poll.
#include "slurm/SlurmTypes.h"

#include <QList>
#include <QString>

namespace SlurmDeck {

struct NodeStateCounts
{
    QString partition; // empty: every node
    int nodes = 0;
    int idle = 0;
    int allocated = 0; // ALLOCATED or MIXED: running jobs
    int down = 0;      // DOWN, FAIL (also when drained)
    int drained = 0;   // DRAIN/DRAINING/DRAINED, not down
    int other = 0;     // anything else (COMPLETING, FUTURE, UNKNOWN, ...)
    friend bool operator==(const NodeStateCounts &, const NodeStateCounts &) = default;
};

// A node nobody can use until someone acts.
struct NodeNeedingAction
{
    QString node;
    QString state;  // the state text: "IDLE+DRAIN", "DOWN+NOT_RESPONDING"
    QString reason; // Slurm's reason, "" when none was given
    bool down = false;
    friend bool operator==(const NodeNeedingAction &, const NodeNeedingAction &) = default;
};

struct ClusterOverview
{
    NodeStateCounts all;
    QList<NodeStateCounts> partitions; // in the snapshot's partition order, then any others
    int cpusTotal = 0;
    int cpusAllocated = 0;
    qint64 memoryTotalMb = 0;
    qint64 memoryAllocatedMb = 0;
    int gpusTotal = 0;
    int gpusAllocated = 0;
    int jobsRunning = 0;
    int jobsPending = 0;
    int myJobsRunning = 0;
    int myJobsPending = 0;
    // Down nodes first, then drained ones, each in the snapshot's order; at most
    // `maxNodesNeedingAction`, with the full count beside it.
    QList<NodeNeedingAction> nodesNeedingAction;
    int nodesNeedingActionCount = 0;

    static constexpr int maxNodesNeedingAction = 20;
};

namespace ClusterOverviews {

// `user`: whose jobs are "mine" (empty: nobody's).
[[nodiscard]] ClusterOverview summarize(const ClusterSnapshot &snapshot, const QString &user);

} // namespace ClusterOverviews

} // namespace SlurmDeck
