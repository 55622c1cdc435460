// SPDX-License-Identifier: GPL-3.0-or-later
// `nvidia-smi --query-gpu=... --format=csv` output from a host.
#include "FuzzInput.h"
#include "metrics/GpuParsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)SlurmDeck::parseNvidiaSmiCsv(SlurmDeck::Fuzz::text(data, size));
    return 0;
}
