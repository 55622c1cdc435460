// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A poll of real Slurm 22.05 (tests/data/slurm/22.05: nodes drained, down and not
// responding, jobs pending for them and for a down partition), all sources answering.
// Header-only, for the tests.
#include "slurm/SlurmQueries.h"
#include "slurm/SlurmTypes.h"

#include <QFile>

namespace SlurmDeck::Testing {

inline QByteArray slurmFixture(const char *name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/slurm/22.05/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

inline ClusterSnapshot capturedSnapshot()
{
    const SlurmVersion version{22, 5, 8};
    ClusterSnapshot snapshot;
    snapshot.nodes = SlurmQueries::parseNodes(slurmFixture("nodes.txt"), version)->items;
    snapshot.partitions = SlurmQueries::parsePartitions(slurmFixture("partitions.txt"), version)->items;
    snapshot.jobs = SlurmQueries::parseJobs(slurmFixture("jobs.txt"), version)->items;
    snapshot.ssh.ok = snapshot.controller.ok = snapshot.accounting.ok = true;
    return snapshot;
}

} // namespace SlurmDeck::Testing
