// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/OperationDialog.h"
#include "inventory/Cluster.h"

#include <chrono>

namespace SlurmDeck {
class ClusterUpgradeRun;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// Services → Upgrade…: the GUI's front on ClusterUpgradeRun, as `slurmdeck-cli upgrade` is
// the CLI's (which deploys first; here Deploy does that). After asking, the containers whose
// image or settings changed are recreated in Slurm's order and the compute nodes move one at
// a time (drain, wait for their jobs, recreate, resume), each step in the log; Cancel stops
// after the step under way.
class UpgradeDialog final : public OperationDialog
{
    Q_OBJECT

public:
    UpgradeDialog(Cluster cluster, Connection connection, QWidget *parent = nullptr);
    ~UpgradeDialog() override;

    void start(std::chrono::seconds jobWait = std::chrono::minutes(30));

private:
    Cluster m_cluster;
    Connection m_connection;
    ClusterUpgradeRun *m_run = nullptr;
};

} // namespace SlurmDeck::Ui
