// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

#include <QByteArray>

#include <optional>

namespace SlurmDeck {

class ClusterBackupRun;

// slurmdeck-cli backup FILE [--force] [--with-secrets [--passphrase-file FILE]]
// slurmdeck-cli restore FILE [--yes] | --secrets-only [--passphrase-file FILE] [--force]
// The CLI's front on ClusterBackupRun (the session layer): backup writes the accounting
// database, slurmctld's state (the queue) and the cluster file into one archive, with no
// secret in it unless --with-secrets, which seals the keychain's munge key and database
// password with a passphrase typed twice (SealedSecrets); restore puts a backup's back onto
// the deployed cluster of the same name, after asking, and with --secrets-only puts only its
// sealed secrets into this machine's keychain instead.
class BackupCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupCommand)

public:
    enum class Mode {
        Backup,
        Restore
    };
    explicit BackupCommand(Mode mode, QObject *parent = nullptr) : ClusterCommand(parent), m_mode(mode) {}
    void start(const CliContext &context) override;

private:
    // The passphrase from `file`'s first line, else typed (`twice` to confirm); nullopt
    // after saying why.
    std::optional<QByteArray> readPassphrase(const QString &file, bool twice);
    void located();
    void unsealSecrets();

    Mode m_mode;
    QString m_file;
    bool m_yes = false;
    bool m_force = false;
    bool m_sealed = false; // backup --with-secrets, restore --secrets-only
    QByteArray m_passphrase;
    ClusterBackupRun *m_run = nullptr;
};

} // namespace SlurmDeck
