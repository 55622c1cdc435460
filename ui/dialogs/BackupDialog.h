// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include "dialogs/OperationDialog.h"

#include <memory>

namespace SlurmDeck {
class ClusterBackupRun;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// File → Back Up Cluster…, Restore Cluster… and their "with secrets" forms: the GUI's front on
// ClusterBackupRun, as `slurmdeck-cli backup [--with-secrets]` and `restore [--secrets-only]`
// are the CLI's. Locates the cluster, runs the backup (with a passphrase: the keychain's
// secrets sealed into it) or, after reading the file and asking, the restore (or only puts
// the backup's sealed secrets into the keychain), with each host's step in the log and a busy
// bar. Never blocks; succeeded() or failed() says how it ended.
class BackupDialog final : public OperationDialog
{
    Q_OBJECT

public:
    enum class Action {
        Backup,
        Restore,
        RestoreSecrets, // only the sealed secrets, into this machine's keychain
    };

    BackupDialog(Action action, Cluster cluster, QString clusterFile, Connection connection,
                 QWidget *parent = nullptr);
    ~BackupDialog() override;

    // `file`: the backup to write (replaced when it exists: the file dialog asked) or to read;
    // `passphrase`: seals the secrets into the backup, or opens them (RestoreSecrets).
    void start(const QString &file, const QByteArray &passphrase = {});

private:
    void located(const QString &file);
    void backUpWithSecrets(const QString &file);
    void restoreSecrets();

    Action m_action;
    Cluster m_cluster;
    QString m_clusterFile;
    Connection m_connection;
    ClusterBackupRun *m_run = nullptr;
    QByteArray m_passphrase;
};

} // namespace SlurmDeck::Ui
