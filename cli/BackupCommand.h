// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

class ClusterBackupRun;

// slurmdeck-cli backup FILE [--force]
// slurmdeck-cli restore FILE [--yes]
// The CLI's front on ClusterBackupRun (the session layer): backup writes the accounting
// database, slurmctld's state (the queue) and the cluster file into one archive, with no
// secret in it; restore puts a backup's back onto the deployed cluster of the same name,
// after asking. Neither reads the keychain.
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
    void located();

    Mode m_mode;
    QString m_file;
    bool m_yes = false;
    bool m_force = false;
    ClusterBackupRun *m_run = nullptr;
};

} // namespace SlurmDeck
