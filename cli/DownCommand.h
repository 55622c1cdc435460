// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

// slurmdeck-cli down [--yes]
// Takes the cluster's containers down on every host (compose down, volumes and the
// project directory with its data kept); a host that cannot be reached is reported and
// the others go on. A later deploy starts the cluster again.
class DownCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownCommand)

public:
    explicit DownCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void planReady();
    bool m_yes = false;
    bool m_json = false;
};

} // namespace SlurmDeck
