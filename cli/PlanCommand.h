// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

// slurmdeck-cli plan [--json] [--files] [--diff]
// Shows what a deploy would put on each host: project directory, compose files, profiles,
// services in start order, every file (path, mode, size; the content of non-secret files
// with --files) and the plan's notes. With --diff it connects to each host, read-only, and
// diffs the files against what is there. Secrets never appear: the munge key is shown by its
// fingerprint, and secret files are only "changed" or "unchanged" (by SHA-256 on the host).
class PlanCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanCommand)

public:
    explicit PlanCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void printText() const;
    void printJson() const;
    void startDiff();

    bool m_json = false;
    bool m_files = false;
};

} // namespace SlurmDeck
