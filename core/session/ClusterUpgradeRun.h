// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/HostPlan.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class HostTaskQueue;

// The rolling part of an upgrade, as both fronts run it (slurmdeck-cli upgrade after its
// deploy, the GUI's Services → Upgrade…): every container whose image or Compose settings
// changed (HostDeployer::outdatedServices) is recreated in Slurm's order: the database host's
// MariaDB and slurmdbd, then slurmctld (their state is on disk), then the other services,
// then the compute nodes one at a time through NodeLifecycle: drained, their jobs waited for
// (`jobWait`; a node still busy then is resumed on its old slurmd and named), slurmd
// recreated, the node resumed once it registered. Progress and the outcome arrive as signals
// on the owner's thread; cancel() stops after the step under way.
class ClusterUpgradeRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterUpgradeRun)

public:
    ClusterUpgradeRun(ClusterPlan plan, QHash<QString, SshTarget> targets,
                      std::shared_ptr<HostKeyPrompt> hostKeys, std::shared_ptr<CredentialPrompt> credentials,
                      QObject *parent = nullptr);
    ~ClusterUpgradeRun() override;

    void start(std::chrono::seconds jobWait);
    void cancel();

signals:
    void progress(const QString &host, const QString &line);
    // `skipped`: nodes left on their old slurmd because their jobs ran past the wait.
    void finished(bool ok, const QStringList &skipped, const QString &summary);

private:
    void restartServices(const QStringList &hosts, std::function<void()> next);
    void upgradeNextNode();
    [[nodiscard]] QString hostRunning(const QString &service) const;

    ClusterPlan m_plan;
    QHash<QString, SshTarget> m_targets;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    HostTaskQueue *m_queue;
    std::chrono::seconds m_jobWait{1800};
    QHash<QString, QStringList> m_outdated; // host -> services to recreate
    QStringList m_nodes;                    // compute hosts whose slurmd waits
    QStringList m_skipped;
    int m_waiting = 0;
    bool m_failed = false;
    bool m_cancelled = false;
};

} // namespace SlurmDeck
