// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The seed's cluster file (tests/data/inventory/valid-full.yaml) and plan inputs with
// stand-in secrets and nas1 behind an address of its own, for the unit tests that plan or
// render it. Header-only; the test defines SLURMDECK_TEST_DATA_DIR.
#include "inventory/ClusterFile.h"
#include "plan/PlanInputs.h"

namespace SlurmDeck::Testing {

inline Cluster seedCluster()
{
    const Result<Cluster> loaded =
        ClusterFile::load(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-full.yaml"));
    return loaded ? *loaded : Cluster{};
}

inline PlanInputs seedInputs()
{
    PlanInputs inputs;
    inputs.mungeKey = QByteArray(1024, 'k');
    inputs.databasePassword = QByteArrayLiteral("s3cretPassw0rd");
    inputs.networkAddresses.insert(QStringLiteral("nas1"), QStringLiteral("192.168.1.30"));
    return inputs;
}

} // namespace SlurmDeck::Testing
