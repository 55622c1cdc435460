// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

// slurmdeck-cli upgrade [--images MODE] [--base-image IMAGE] [--slurm-base-image IMAGE]
//                       [--wait DURATION] [--yes]
// A rolling restart onto new images (rebuilt, or a newer Slurm) without losing a job: a
// deploy first (it builds, sends or checks the images and files; it recreates nothing that
// runs a job), then ClusterUpgradeRun (the session layer) recreates every container whose
// image or settings changed, in Slurm's order, the compute nodes one at a time (--wait,
// default 30m, for each node's jobs).
class UpgradeCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpgradeCommand)

public:
    explicit UpgradeCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void deployed();
    void located();

    QStringList m_deployArguments;
    qint64 m_waitSeconds = 1800;
    bool m_yes = false;
};

} // namespace SlurmDeck
