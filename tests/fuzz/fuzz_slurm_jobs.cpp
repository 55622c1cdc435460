// SPDX-License-Identifier: GPL-3.0-or-later
// The queue as `squeue -O` prints it (delimited by \x1f and \x1e, which job names may hold).
#include "FuzzInput.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    (void)SlurmQueries::parseJobs(Fuzz::bytes(data, size), SlurmVersion{22, 5, 8});
    return 0;
}
