// SPDX-License-Identifier: GPL-3.0-or-later
// A backup's manifest (slurmdeck-backup.json), read from an archive the user hands to
// `restore`: it may come from anywhere.
#include "FuzzInput.h"
#include "deploy/BackupArchive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const SlurmDeck::Result<SlurmDeck::BackupManifest> manifest =
        SlurmDeck::BackupManifest::fromJson(SlurmDeck::Fuzz::bytes(data, size));
    if (manifest)
        (void)SlurmDeck::BackupManifest::fromJson(manifest->toJson()); // what it writes it reads
    return 0;
}
