// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include "dialogs/OperationDialog.h"

#include <memory>

namespace SlurmDeck {
class ClusterBackupRun;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// File → Back Up Cluster… and Restore Cluster…: the GUI's front on ClusterBackupRun, as
// `slurmdeck-cli backup` and `restore` are the CLI's. Locates the cluster (no keychain),
// runs the backup or, after reading the file and asking, the restore, with each host's step
// in the log and a busy bar. Never blocks; succeeded() or failed() says how it ended.
class BackupDialog final : public OperationDialog
{
    Q_OBJECT

public:
    enum class Action {
        Backup,
        Restore
    };

    BackupDialog(Action action, Cluster cluster, QString clusterFile, Connection connection,
                 QWidget *parent = nullptr);
    ~BackupDialog() override;

    // `file`: the backup to write (replaced when it exists: the file dialog asked) or to read.
    void start(const QString &file);

private:
    void located(const QString &file);

    Action m_action;
    Cluster m_cluster;
    QString m_clusterFile;
    Connection m_connection;
    ClusterBackupRun *m_run = nullptr;
};

} // namespace SlurmDeck::Ui
