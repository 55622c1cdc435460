// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A node or a job of a monitor's snapshot by name or id, for the lab tests' assertions.
#include "slurm/SlurmTypes.h"

#include <QString>

namespace SlurmDeck::Testing {

inline const SlurmNode *findNode(const ClusterSnapshot &snapshot, const QString &name)
{
    for (const SlurmNode &node : snapshot.nodes) {
        if (node.name == name)
            return &node;
    }
    return nullptr;
}

inline const SlurmJob *findJob(const ClusterSnapshot &snapshot, const QString &id)
{
    for (const SlurmJob &job : snapshot.jobs) {
        if (QString::number(job.jobId) == id)
            return &job;
    }
    return nullptr;
}

} // namespace SlurmDeck::Testing
