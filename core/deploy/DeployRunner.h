// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "deploy/DeployTypes.h"
#include "plan/HostPlan.h"
#include "ssh/SshTarget.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostDeployer;
class HostKeyPrompt;
class ImageSupply;

// Runs a ClusterPlan: every host is prepared in parallel (preflight, files, images), then
// every host starts its services at once; the daemons come up in dependency order —
// database, slurmdbd, slurmctld, slurmd — because each waits for the one it needs (see
// startServices()). Started services must stay up; the cluster is verified at the end. A host
// that fails is reported and the others go on; running it again resumes, and a host where
// nothing changed is left alone. Signals arrive on the thread that owns the runner.
class DeployRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployRunner)

public:
    // `targets`: how to log in to each host of the plan, by host name.
    DeployRunner(ClusterPlan plan, QHash<QString, SshTarget> targets, std::shared_ptr<HostKeyPrompt> hostKeys,
                 std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~DeployRunner() override;

    void start(const DeployOptions &options);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // Images a host needs for `services`.
    [[nodiscard]] static QStringList imagesFor(const QStringList &services, const QString &slurmImage,
                                               const QString &monitoringImage, const QString &databaseImage);

signals:
    void hostPhaseChanged(const QString &host, SlurmDeck::DeployPhase phase, const QString &message);
    void logLine(const QString &host, const QString &line);
    void finished(const SlurmDeck::DeployReport &report);

private:
    struct LogSink;
    using Step = std::function<Result<void>(HostDeployer &, HostDeployResult &)>;

    void checkHosts();
    void checkSharedDirectories();
    void refuseSharedDirectories();
    // Refuses the deploy (true) when a shared data directory is not one filesystem.
    [[nodiscard]] bool refuseSharedData(const QStringList &live);
    void prepareHosts();
    [[nodiscard]] static bool isReachabilityFailure(Error::Code code);
    void failAll(const QString &message);
    void startServices();
    void applySlurmConfiguration();
    void checkServicesStayedUp();
    void verify();
    void finish();
    // Runs `step` on each of `hosts` in parallel on the SSH pool; then `next`.
    void runOnHosts(const QStringList &hosts, DeployPhase phase, Step step, std::function<void()> next);
    void setPhase(const QString &host, DeployPhase phase, const QString &message = {});
    [[nodiscard]] QStringList liveHosts() const;

    ClusterPlan m_plan;
    QHash<QString, SshTarget> m_targets;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    std::shared_ptr<LogSink> m_sink;
    DeployOptions m_options;
    QString m_runToken; // this run's, in the shared directories' markers
    CancelToken m_cancel;
    QHash<QString, std::shared_ptr<HostDeployer>> m_deployers;
    QHash<QString, HostDeployResult> m_results;
    QHash<QString, Error::Code> m_failureCodes; // hosts that failed a step, by error
    std::shared_ptr<ImageSupply> m_imageSupply; // the transfer modes' images
    QList<VerificationCheck> m_checks;
    SlurmConfChange m_slurmConfig; // what this run's replaced Slurm files needed
    QElapsedTimer m_elapsed;
    bool m_running = false;
};

} // namespace SlurmDeck
