// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "deploy/BackupArchive.h"
#include "plan/HostPlan.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class HostTaskQueue;

// A backup or a restore of one located cluster, as both fronts run it (slurmdeck-cli backup
// and restore, the GUI's File → Back Up / Restore): the hosts that hold the data do their
// part (ClusterBackup, over a HostTaskQueue), the archive is packed or read here
// (BackupArchive) on a worker thread, and every step and the outcome arrive as signals on the
// owner's thread. No secret is needed to back up or restore: the database is reached through
// its container's socket. The secrets go into a backup only on request, sealed with a
// passphrase (SealedSecrets); a restore puts nothing back into the keychain unless asked to
// unseal them.
class ClusterBackupRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterBackupRun)

public:
    // `plan`: the cluster's Topology (files not needed); `targets`: each host's SSH target.
    ClusterBackupRun(ClusterPlan plan, QHash<QString, SshTarget> targets,
                     std::shared_ptr<HostKeyPrompt> hostKeys, std::shared_ptr<CredentialPrompt> credentials,
                     QObject *parent = nullptr);
    ~ClusterBackupRun() override;

    // Writes `file` (refused when it exists, unless `replace`): the accounting dump, the
    // controller's state and a copy of `clusterFile`. Answered by finished().
    void backup(const QString &file, const QString &clusterFile, bool replace = false);
    // Before backup(): the backup also carries `values`, sealed with `passphrase`.
    void sealSecrets(const ClusterSecrets::Values &values, const QByteArray &passphrase);
    // Reads `file`'s manifest and members into a working directory and checks that it is a
    // backup of this cluster: answered by opened(), after which restore() may follow.
    void open(const QString &file);
    // Replaces the accounting database (slurmdbd stopped meanwhile), then slurmctld's state
    // (slurmctld stopped meanwhile) with the opened backup's. Answered by finished().
    void restore();

    [[nodiscard]] const BackupManifest &manifest() const { return m_manifest; }
    // After opened(): whether the backup carries sealed secrets, and unsealing them with
    // `passphrase` (answered by unsealed(); nothing is stored anywhere).
    [[nodiscard]] bool hasSealedSecrets() const;
    void unsealSecrets(const QByteArray &passphrase);

signals:
    void progress(const QString &host, const QString &line); // host empty: this machine
    void opened(const SlurmDeck::Result<SlurmDeck::BackupManifest> &manifest);
    void finished(bool ok, const QString &summary);
    void unsealed(const SlurmDeck::Result<SlurmDeck::ClusterSecrets::Values> &values);

private:
    [[nodiscard]] QString hostRunning(const QString &service) const;
    [[nodiscard]] QString member(const char *name) const;
    [[nodiscard]] bool makeWorkDirectory(const QString &nextTo);
    void collect(const QString &host, const QString &file, const QString &clusterFile);
    void restoreControllerState();
    void fail(const QString &why);

    ClusterPlan m_plan;
    HostTaskQueue *m_queue;
    std::unique_ptr<QTemporaryDir> m_work;
    BackupManifest m_manifest;
    QString m_file;
    struct Sealing
    {
        ClusterSecrets::Values values;
        QByteArray passphrase;
    };
    std::optional<Sealing> m_sealing;
    int m_waiting = 0;
    bool m_failed = false;
};

} // namespace SlurmDeck
