// SPDX-License-Identifier: GPL-3.0-or-later
// `scontrol --version` as the controller printed it.
#include "FuzzInput.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    if (const Result<SlurmVersion> version = SlurmQueries::parseVersion(Fuzz::bytes(data, size)))
        (void)version->toString();
    return 0;
}
