// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster YAML reader: a cluster file as a user (or anyone who can write it) leaves it.
#include "FuzzInput.h"
#include "inventory/ClusterFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const Result<Cluster> cluster =
        ClusterFile::loadFromString(Fuzz::text(data, size), QStringLiteral("fuzz.yaml"));
    if (!cluster)
        (void)cluster.error().message.size();
    return 0;
}
