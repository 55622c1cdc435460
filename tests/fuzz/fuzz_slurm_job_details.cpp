// SPDX-License-Identifier: GPL-3.0-or-later
// One job's details as `scontrol -d -o show job ID` prints them, then the pending reason
// explained and the nodes of its GPU indices expanded, as the details view does.
#include "FuzzInput.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const auto details = SlurmQueries::parseJobDetails(Fuzz::bytes(data, size), SlurmVersion{22, 5, 8});
    if (details) {
        (void)SlurmQueries::explainPendingReason(details->job.reason);
        (void)SlurmQueries::expandHostList(details->job.nodeList);
    }
    return 0;
}
