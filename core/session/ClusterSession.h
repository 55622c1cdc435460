// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "deploy/DeploySession.h"
#include "inventory/Cluster.h"
#include "plan/TemplateSource.h"
#include "ssh/SshTarget.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace SlurmDeck {

class ClusterDocument;
class CredentialPrompt;
class GpuUsageSource;
class HostKeyPrompt;
class PrometheusClient;
class SlurmMonitor;
struct SlurmEndpoint;

// The application layer between the fronts (the GUI's views, the CLI's commands) and the
// core: one open cluster, the SSH settings its hosts share, and the host-key and credential
// prompts every connection to them asks. The fronts reach the hosts through it, never by
// building connections or sessions themselves.
//
// Two ways to the cluster, and only the second reads the keychain:
// - locate(): where the hosts are and what runs where (the Topology, each host's SSH target
//   and login user). What monitoring, services, metrics, down and remove need.
// - prepareDeploy(): the secrets (from the OS keychain, created on first use) and the
//   rendered plan. What plan and deploy need.
// Both run their blocking part (ssh config files, the keychain) off the calling thread and
// answer on `context`'s thread; nothing is called once `context` is gone.
//
// The GUI holds one session per open cluster (the main window's, following the document's
// edits: each call works on the cluster as it is then); every view and dialog reaches the
// hosts through it. The CLI builds one per command.
class ClusterSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)

public:
    using Located = DeploySession::Located;
    using Prepared = DeploySession::Prepared;

    ClusterSession(Cluster cluster, SshTarget sshDefaults, std::shared_ptr<HostKeyPrompt> hostKeys,
                   std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~ClusterSession() override;

    // Works on `document`'s cluster from now on, as it is at each call (edits included).
    void followDocument(const ClusterDocument *document);
    void setCluster(Cluster cluster);
    void setSshDefaults(SshTarget ssh) { m_sshDefaults = std::move(ssh); }
    // The prompts of the connections made from now on; operations already built keep theirs.
    void setHostKeyPrompt(std::shared_ptr<HostKeyPrompt> prompt) { m_hostKeys = std::move(prompt); }
    void setCredentialPrompt(std::shared_ptr<CredentialPrompt> prompt) { m_credentials = std::move(prompt); }
    // Secrets to deploy with instead of the keychain's (tests, or a user's own key material).
    void setSecrets(QByteArray mungeKey, QByteArray databasePassword);
    // prepareDeploy() plans with this munge key instead of the keychain's (a rotation: the
    // keychain takes it once hosts have it, see MungeKeyRotation).
    void setMungeKey(QByteArray mungeKey) { m_mungeKey = std::move(mungeKey); }
    void setTemplates(TemplateSource templates) { m_templates = std::move(templates); }

    [[nodiscard]] const Cluster &cluster() const;
    [[nodiscard]] const SshTarget &sshDefaults() const { return m_sshDefaults; }
    [[nodiscard]] std::shared_ptr<HostKeyPrompt> hostKeys() const { return m_hostKeys; }
    [[nodiscard]] std::shared_ptr<CredentialPrompt> credentials() const { return m_credentials; }

    void locate(QObject *context, std::function<void(Result<Located>)> done) const;
    void prepareDeploy(QObject *context, std::function<void(Result<Prepared>)> done);

    // locate() on the calling thread, for a caller already off the GUI thread (or the CLI,
    // which may block): reads the ssh config files.
    [[nodiscard]] Result<Located> locateNow() const;

    // The operations on the hosts of a plan from locate() or prepareDeploy(), over this
    // session's prompts, owned by `parent`: HostTaskQueue (blocking work, one connection per
    // host), ServiceControl, HostChecks, DeployRunner, ClusterUpgradeRun, ClusterBackupRun.
    template<typename Operation>
    [[nodiscard]] Operation *operation(ClusterPlan plan, QHash<QString, SshTarget> targets,
                                       QObject *parent) const
    {
        return new Operation(std::move(plan), std::move(targets), m_hostKeys, m_credentials, parent);
    }
    // The cluster's Slurm monitor (its controller's connection), over this session's prompts.
    [[nodiscard]] SlurmMonitor *monitor(SlurmEndpoint endpoint, QObject *parent) const;
    // The cluster's Prometheus through its monitoring host's SSH connection (host key checked,
    // ~/.ssh/config applied); null when no host runs Prometheus. No secret is read.
    [[nodiscard]] PrometheusClient *metrics(const SlurmEndpoint &endpoint, QObject *parent) const;
    [[nodiscard]] PrometheusClient *metrics(const ClusterPlan &plan, const QHash<QString, SshTarget> &targets,
                                            QObject *parent) const;
    // GPU usage: the exporter in the cluster's Prometheus, else nvidia-smi over SSH.
    [[nodiscard]] GpuUsageSource *gpuUsage(const SlurmEndpoint &endpoint, QObject *parent) const;

private:
    Cluster m_cluster;
    QPointer<const ClusterDocument> m_document; // when set, its cluster instead of m_cluster
    SshTarget m_sshDefaults;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    TemplateSource m_templates;
    std::optional<std::pair<QByteArray, QByteArray>> m_secrets;
    QByteArray m_mungeKey;
};

} // namespace SlurmDeck
