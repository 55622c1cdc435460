// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/ClusterOverview.h"

#include "slurm/SnapshotChanges.h"

#include <QHash>

namespace SlurmDeck::ClusterOverviews {

namespace {

void count(NodeStateCounts &counts, bool down, bool drained, const QString &state)
{
    ++counts.nodes;
    if (down)
        ++counts.down;
    else if (drained)
        ++counts.drained;
    else if (state == QLatin1StringView("IDLE"))
        ++counts.idle;
    else if (state == QLatin1StringView("ALLOCATED") || state == QLatin1StringView("MIXED"))
        ++counts.allocated;
    else
        ++counts.other;
}

} // namespace

ClusterOverview summarize(const ClusterSnapshot &snapshot, const QString &user)
{
    ClusterOverview overview;
    QHash<QString, qsizetype> partitionIndex;
    for (const SlurmPartition &partition : snapshot.partitions) {
        if (partitionIndex.contains(partition.name))
            continue;
        partitionIndex.insert(partition.name, overview.partitions.size());
        overview.partitions.append(NodeStateCounts{partition.name});
    }

    QList<NodeNeedingAction> drainedNodes;
    for (const SlurmNode &node : snapshot.nodes) {
        const bool down = SnapshotChanges::isNodeDown(node);
        const bool drained = SnapshotChanges::isNodeDrained(node);
        count(overview.all, down, drained, node.state);
        for (const QString &name : node.partitions) {
            auto found = partitionIndex.constFind(name);
            if (found == partitionIndex.constEnd()) {
                found = partitionIndex.insert(name, overview.partitions.size());
                overview.partitions.append(NodeStateCounts{name});
            }
            count(overview.partitions[*found], down, drained, node.state);
        }
        overview.cpusTotal += node.cpusTotal;
        overview.cpusAllocated += node.cpusAllocated;
        overview.memoryTotalMb += node.memoryTotalMb;
        overview.memoryAllocatedMb += node.memoryAllocatedMb;
        overview.gpusTotal += node.gpusTotal;
        overview.gpusAllocated += node.gpusAllocated;
        if (down || drained) {
            ++overview.nodesNeedingActionCount;
            NodeNeedingAction action{node.name, node.stateText(), node.reason, down};
            if (down && overview.nodesNeedingAction.size() < ClusterOverview::maxNodesNeedingAction)
                overview.nodesNeedingAction.append(std::move(action));
            else if (!down && drainedNodes.size() < ClusterOverview::maxNodesNeedingAction)
                drainedNodes.append(std::move(action));
        }
    }
    for (NodeNeedingAction &drained : drainedNodes) {
        if (overview.nodesNeedingAction.size() >= ClusterOverview::maxNodesNeedingAction)
            break;
        overview.nodesNeedingAction.append(std::move(drained));
    }

    for (const SlurmJob &job : snapshot.jobs) {
        const bool mine = !user.isEmpty() && job.user == user;
        if (job.state == QLatin1StringView("RUNNING")) {
            ++overview.jobsRunning;
            overview.myJobsRunning += mine ? 1 : 0;
        } else if (job.state == QLatin1StringView("PENDING")) {
            ++overview.jobsPending;
            overview.myJobsPending += mine ? 1 : 0;
        }
    }
    return overview;
}

} // namespace SlurmDeck::ClusterOverviews
