// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"
#include "deploy/BackupArchive.h"

#include <QTemporaryDir>

#include <memory>

namespace SlurmDeck {

// slurmdeck-cli backup FILE [--force]
// slurmdeck-cli restore FILE [--yes]
// backup: the accounting database (a consistent dump from MariaDB), slurmctld's state
// directory (queued jobs) and the cluster file, in one archive; no secret is in it (a second
// machine gets those with `adopt`). restore: onto a deployed cluster of the same name, the
// database's tables and slurmctld's state are replaced with the backup's (slurmdbd, then
// slurmctld stopped and started around it), so `sacct` shows the backup's history and the
// jobs queued then are queued again. The cluster file is not replaced.
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
    void backup();
    void restore();
    void restoreControllerState();
    [[nodiscard]] QString hostRunning(const QString &service) const;
    [[nodiscard]] QString member(const char *name) const;
    [[nodiscard]] bool report(const QList<HostOutcome> &outcomes);

    Mode m_mode;
    QString m_file;
    bool m_yes = false;
    bool m_force = false;
    std::unique_ptr<QTemporaryDir> m_work;
    BackupManifest m_manifest;
};

} // namespace SlurmDeck
