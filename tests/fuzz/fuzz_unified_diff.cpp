// SPDX-License-Identifier: GPL-3.0-or-later
// The unified diff a plan shows: the file on the host (anything) against the rendered one.
// The input is both texts, split at its first NUL byte.
#include "FuzzInput.h"
#include "plan/UnifiedDiff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\0');
    const QByteArray before = split < 0 ? input : input.first(split);
    const QByteArray after = split < 0 ? QByteArray() : input.sliced(split + 1);
    (void)unifiedDiff(before, after, QStringLiteral("host:/etc/slurm/slurm.conf"), QStringLiteral("planned"));
    return 0;
}
