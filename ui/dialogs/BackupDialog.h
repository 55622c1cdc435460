// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "ssh/SshTarget.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace SlurmDeck {
class ClusterBackupRun;
class CredentialPrompt;
class HostKeyPrompt;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class Confirmation;

// File → Back Up Cluster… and Restore Cluster…: the GUI's front on ClusterBackupRun, as
// `slurmdeck-cli backup` and `restore` are the CLI's. Locates the cluster (no keychain),
// runs the backup or, after reading the file and asking, the restore, with each host's step
// in the log and a busy bar. Never blocks; succeeded() or failed() says how it ended.
class BackupDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Action {
        Backup,
        Restore
    };

    struct Connection
    {
        SshTarget sshDefaults;
        std::shared_ptr<HostKeyPrompt> hostKeys;
        std::shared_ptr<CredentialPrompt> credentials;
        std::shared_ptr<Confirmation> confirmation; // asked before a restore
    };

    BackupDialog(Action action, Cluster cluster, QString clusterFile, Connection connection,
                 QWidget *parent = nullptr);
    ~BackupDialog() override;

    // `file`: the backup to write (replaced when it exists: the file dialog asked) or to read.
    void start(const QString &file);
    [[nodiscard]] QString log() const;
    [[nodiscard]] QString status() const;

signals:
    void succeeded();
    void failed(const QString &message);

private:
    void located(const QString &file);
    void append(const QString &host, const QString &line);
    void finish(bool ok, const QString &message);

    Action m_action;
    Cluster m_cluster;
    QString m_clusterFile;
    Connection m_connection;
    ClusterBackupRun *m_run = nullptr;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QPushButton *m_button;
};

} // namespace SlurmDeck::Ui
