// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"

namespace SlurmDeck {

// slurmdeck-cli hosts [list] [--json]: the cluster file's hosts, their login, platform, roles
// and what fingerprinting found (CPUs, memory, GPUs; a Mac's Docker VM besides the Mac).
// Reads the file only; no host is contacted.
class HostsListCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsListCommand)

public:
    explicit HostsListCommand(QObject *parent = nullptr) : CliCommand(parent) {}
    void start(const CliContext &context) override;
};

} // namespace SlurmDeck
