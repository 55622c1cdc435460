// SPDX-License-Identifier: GPL-3.0-or-later
// Accounting history as `sacct -P --delimiter=$'\x1f'` prints it.
#include "FuzzInput.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    (void)SlurmQueries::parseHistory(Fuzz::bytes(data, size), SlurmVersion{22, 5, 8});
    return 0;
}
