// SPDX-License-Identifier: GPL-3.0-or-later
// Accounting history as `sacct -P --delimiter=$'\x1f'` prints it, and the same input read as
// the steps' memory use of killed jobs (sacct of their steps, JobMemoryUse).
#include "FuzzInput.h"
#include "slurm/JobMemoryUse.h"
#include "slurm/SlurmQueries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const QByteArray input = Fuzz::bytes(data, size);
    Result<SlurmQueries::Parsed<SlurmJob>> history =
        SlurmQueries::parseHistory(input, SlurmVersion{22, 5, 8});
    const QHash<qint64, JobMemoryUse::Use> uses = JobMemoryUse::parse(input);
    if (history)
        (void)JobMemoryUse::markOutOfMemory(history->items, uses);
    return 0;
}
