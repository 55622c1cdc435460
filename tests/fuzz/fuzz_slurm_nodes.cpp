// SPDX-License-Identifier: GPL-3.0-or-later
// `scontrol -d -o show nodes` and `show partitions` (Key=Value records; a partition's node
// list goes through expandHostList), and the GPU indices read from a node's GresUsed.
#include "FuzzInput.h"
#include "metrics/GpuUsage.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const QByteArray output = Fuzz::bytes(data, size);
    const SlurmVersion version{22, 5, 8};
    if (const auto nodes = SlurmQueries::parseNodes(output, version)) {
        for (const SlurmNode &node : nodes->items)
            (void)allocatedGpuIndices(node);
    }
    (void)SlurmQueries::parsePartitions(output, version);
    return 0;
}
