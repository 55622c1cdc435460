// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

namespace SlurmDeck {

class HostDeployer;
struct RenderedFile;

// One planned file compared with the host's copy. Reads only. `diff` is a unified diff of
// the host's version (host:path) against the plan's (plan/path); it stays empty for secret
// files, which are compared by SHA-256 on the host and never transferred back.
struct FileDiff
{
    enum class Status {
        Unchanged,
        Changed,
        New, // not on the host
    };

    QString path;
    Status status = Status::Unchanged;
    bool secret = false;
    QString diff;
    QString effect; // for a changed Slurm file: how the running daemons take it, and why
};

[[nodiscard]] QString statusText(FileDiff::Status status); // "unchanged", "changed", "new"

// Every file of the deployer's plan (`plan --diff`): one hash listing, then the changed
// non-secret files are downloaded.
[[nodiscard]] Result<QList<FileDiff>> diffHostFiles(HostDeployer &deployer);
// One file (the GUI's plan preview).
[[nodiscard]] Result<FileDiff> diffHostFile(HostDeployer &deployer, const RenderedFile &file);

} // namespace SlurmDeck
