// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "compose/ComposeCommand.h"
#include "deploy/DeployTypes.h"
#include "fingerprint/HostFingerprint.h"
#include "plan/HostPlan.h"
#include "ssh/ExecResult.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class SshConnection;

// Deploys one host's plan over one SSH connection: preflight, files (only what changed,
// atomically, previous versions kept), images, services. Blocking: it runs on a worker
// thread, one call at a time. Every failure says what to fix.
class HostDeployer final
{
public:
    using Log = std::function<void(const QString &line)>;

    HostDeployer(HostPlan plan, SshTarget target, HostKeyPrompt *hostKeys, CredentialPrompt *credentials,
                 CancelToken cancel, Log log);
    ~HostDeployer();
    HostDeployer(const HostDeployer &) = delete;
    HostDeployer &operator=(const HostDeployer &) = delete;

    // Connects and checks the host: Docker answers, Compose is there, the architecture is
    // supported, the ports its services need are free (or ours), the clock is close enough.
    // `forServiceControl`: for start/stop/logs of what is deployed; skips the checks that
    // only matter before a deploy (free ports, clock), which a running cluster would fail.
    [[nodiscard]] Result<void> connectAndCheck(bool forServiceControl = false);
    // Uploads the files whose content differs on the host; returns their paths. Then tidies
    // the directory: temporary files a dropped connection left, files the plan no longer
    // has, previous copies of secrets; secrets get their planned modes again.
    [[nodiscard]] Result<QStringList> syncFiles();
    // The files replaced by a run whose restarts have not happened yet are noted on the host
    // (.slurmdeck-pending-restarts) before they are replaced; syncFiles() returns them
    // again until a deploy that restarted what reads them calls this. The Compose files a
    // busy slurmd was not recreated for stay noted (see jobStepsInOutdatedSlurmd()).
    [[nodiscard]] Result<void> clearPendingRestarts();
    // The SHA-256 of a deployed file (plan-relative path) as the host computes it, without
    // reading the file here; empty when the host has no such file. After syncFiles() it
    // answers from the hashes it read, for files it did not replace.
    [[nodiscard]] Result<QString> deployedSha256(const QString &path);
    // Starts `services` (a subset of the plan's), restarting running ones whose inputs in
    // `changedFiles` changed. With `checkStaysUp`, waits kSettleTime and names the first
    // service that did not stay up with its last log lines (`failedService`, `lastLogLines`);
    // without, the caller checks later with firstServiceDown().
    struct StartOutcome
    {
        QStringList started;
        QStringList restarted;
        QStringList fresh;     // (re)created or restarted by this call: they must stay up
        QStringList kept;      // would have been recreated, kept for their running jobs
        QString failedService; // set when a service did not stay up
        QString lastLogLines;  // of that service
    };
    // How long a service started or restarted by startServices must stay up.
    static constexpr std::chrono::milliseconds kSettleTime{1000};
    [[nodiscard]] Result<StartOutcome>
    startServices(const QStringList &services, const QStringList &changedFiles, bool checkStaysUp = true);
    // The first of `services` that is not running, or that restarted while in `fresh`;
    // empty when all are up.
    [[nodiscard]] Result<QString> firstServiceDown(const QStringList &services, const QStringList &fresh);

    // A shared filesystem (an NFS home) can make two hosts' project directories one: each
    // host marks its directory (.slurmdeck-host.<host>), then the markers there are read back;
    // another host's marker means the directory is shared with it.
    [[nodiscard]] Result<void> markDirectory();
    [[nodiscard]] Result<void> readDirectoryMarkers();
    // The hosts whose markers readDirectoryMarkers() found, this one's included.
    [[nodiscard]] const QStringList &directoryMarkers() const { return m_directoryMarkers; }
    [[nodiscard]] static QString directoryMarkerPrefix();
    // The same for the cluster's shared directories (HostDeployerShared.cpp): each host that
    // mounts them leaves a marker with `runToken` in each source, then reads whose markers
    // with that token it finds there. A source missing or not writable is an error that
    // says what to do.
    [[nodiscard]] Result<void> markSharedDirectories(const QString &runToken);
    [[nodiscard]] Result<void> readSharedMarkers(const QString &runToken);
    [[nodiscard]] Result<void> removeSharedMarker();
    // Mount point -> the hosts whose markers readSharedMarkers() found in its source.
    [[nodiscard]] const QHash<QString, QStringList> &sharedMarkers() const { return m_sharedMarkers; }
    // What to do about a `compose up` that failed with `composeError`, where SlurmDeck knows
    // (Docker Desktop's "Mounts denied"); empty otherwise.
    [[nodiscard]] static QString startFailureHint(const QString &composeError);

    [[nodiscard]] Result<ExecResult> composeRun(const QStringList &subcommand, std::chrono::seconds timeout);
    [[nodiscard]] Result<ExecResult> runArgv(const QStringList &argv, std::chrono::seconds timeout);
    // A POSIX shell line (quote its parts with Shell::quote), cancelled with the deploy.
    [[nodiscard]] Result<ExecResult> runShell(const QString &command, std::chrono::seconds timeout);
    [[nodiscard]] Result<QStringList> runningServices();
    // Each of the project's services -> "<status> <restart count>", e.g. "running 0".
    [[nodiscard]] Result<QHash<QString, QString>> serviceStates();
    [[nodiscard]] Result<QString> serviceLogs(const QString &service, int lines);

    [[nodiscard]] const HostPlan &plan() const { return m_plan; }
    [[nodiscard]] const HostFingerprint &fingerprint() const { return m_fingerprint; }
    [[nodiscard]] ComposeCommand compose() const;
    [[nodiscard]] SshConnection &connection() { return *m_connection; }
    [[nodiscard]] const CancelToken &cancelToken() const { return m_cancel; }
    void log(const QString &line) const { m_log(line); }

    // After syncFiles(): the slurm.conf it replaced, as the host had it (none: not replaced,
    // or new on this host); and the files an interrupted run replaced without the restarts.
    [[nodiscard]] const std::optional<QByteArray> &replacedSlurmConf() const { return m_replacedSlurmConf; }
    [[nodiscard]] const QStringList &owedFiles() const { return m_owedFiles; }
    // Restarts the slurmd process inside its container (the image's restart-slurmd): the
    // container, and the job steps running in it, stay. Waits until slurmd runs again.
    [[nodiscard]] Result<void> restartSlurmdInPlace();
    // The job steps running in slurmd's container when `up` would recreate it (its Compose
    // settings or its image changed); 0 when it would not, or none run. A recreated slurmd
    // container kills its job steps, so startServices() keeps such a container and owes the
    // change to a later deploy.
    [[nodiscard]] Result<int> jobStepsInOutdatedSlurmd();
    // The planned services whose running container `up` would recreate: its Compose settings
    // changed, or its image name now names another image (a rebuilt or newer image).
    [[nodiscard]] Result<QStringList> outdatedServices();
    // Adds the cluster's users (etc/slurm/users.conf) in the running slurmctld and slurmd of
    // `services` (the image's sync-users); a restarted container adds them itself.
    [[nodiscard]] Result<void> syncUsers(const QStringList &services);
    // Stops `services` and starts them again with `up` (dependency order kept).
    [[nodiscard]] Result<void> restartContainers(const QStringList &services);

    static constexpr QLatin1StringView kSlurmConf{"etc/slurm/slurm.conf"};
    static constexpr QLatin1StringView kUsersConf{"etc/slurm/users.conf"};

    // Services whose containers read `file` (a plan-relative path) and need a restart
    // when it changes; compose files and .env are handled by `up` itself. The files in
    // etc/slurm/ but slurmdbd.conf restart nothing here: see SlurmConfChange.
    [[nodiscard]] static QStringList servicesReading(const QString &file);

    // SHA-256 of each of `paths` (relative to the project directory) present on the host.
    [[nodiscard]] Result<QHash<QString, QString>> remoteHashes(const QStringList &paths);

private:
    // The login can create the project directory, or write it and what SlurmDeck keeps in
    // it; else the error names the fix (HostDeployerChecks.cpp).
    [[nodiscard]] Result<void> checkDirectoryWritable();
    // A Slurm release change the cluster's state survives (slurmUpgradeRefusal), or none.
    [[nodiscard]] Result<void> checkSlurmRelease(const QString &deployedImage,
                                                 const QString &stateBytes) const;
    // The engine can bind-mount the project directory (Docker Desktop's file sharing).
    [[nodiscard]] Result<void> checkBindMount();
    [[nodiscard]] Result<void> tidyFiles();
    [[nodiscard]] QString pendingRestartsFile() const;
    [[nodiscard]] Result<QStringList> pendingRestarts();
    [[nodiscard]] Result<void> notePendingRestarts(const QStringList &paths);
    [[nodiscard]] Error failure(const QString &message, const QString &detail = {}) const;

    HostPlan m_plan;
    std::unique_ptr<SshConnection> m_connection; // SshConnection.h is core/'s own
    CancelToken m_cancel;
    Log m_log;
    HostFingerprint m_fingerprint;
    QHash<QString, QString> m_deployedHashes; // path -> SHA-256 read from the host
    std::optional<QByteArray> m_replacedSlurmConf;
    QStringList m_owedFiles;
    QStringList m_stillOwed; // kept by clearPendingRestarts(): a change a busy slurmd still waits for
    QStringList m_directoryMarkers;
    QHash<QString, QStringList> m_sharedMarkers;
};

} // namespace SlurmDeck
