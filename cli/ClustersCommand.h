// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"

namespace SlurmDeck {

// `slurmdeck-cli clusters [--json]`: the cluster files in the clusters directory
// (~/.config/SlurmDeck/clusters), each with its cluster name, its hosts, and which one a
// command uses without --cluster.
class ClustersCommand : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClustersCommand)

public:
    explicit ClustersCommand(QObject *parent = nullptr) : CliCommand(parent) {}
    ~ClustersCommand() override = default;

    void start(const CliContext &context) override;
};

} // namespace SlurmDeck
