// SPDX-License-Identifier: GPL-3.0-or-later
// The fingerprint parser: what the probe script printed on a host SlurmDeck does not control.
#include "FuzzInput.h"
#include "fingerprint/FingerprintParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)SlurmDeck::parseFingerprint(SlurmDeck::Fuzz::bytes(data, size));
    return 0;
}
