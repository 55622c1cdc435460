// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "plan/HostPlan.h"
#include "plan/PlanInputs.h"
#include "plan/TemplateSource.h"
#include "plan/Topology.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace SlurmDeck {

// Everything a deploy of one cluster needs, from the cluster file: the cluster's secrets
// (from the OS keychain, created on first use), each host's SSH target and the network
// address other hosts reach it at (an ~/.ssh/config alias resolved to its HostName), and
// the rendered plan. Shared by the CLI and the GUI.
class DeploySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploySession)

public:
    struct Prepared
    {
        ClusterPlan plan;
        QHash<QString, SshTarget> targets;
    };

    // Where the hosts are and what runs where, without the secrets' files.
    struct Located
    {
        Topology topology;
        QHash<QString, SshTarget> targets;
        // Host name -> the user SSH logs in as there (the cluster file's, else the ssh
        // config's; empty when neither says): whose jobs are "mine".
        QHash<QString, QString> loginUsers;
    };

    // `ssh` carries the settings every host shares: config file, known_hosts files, timeout.
    DeploySession(Cluster cluster, SshTarget ssh, QObject *parent = nullptr);

    // Uses these secrets instead of the keychain's (tests, or a user's own key material).
    void setSecrets(QByteArray mungeKey, QByteArray databasePassword);
    // Deploys this munge key instead of the keychain's (a rotation); the keychain is left as
    // it is, and the database password still comes from it.
    void setMungeKey(QByteArray mungeKey) { m_mungeKey = std::move(mungeKey); }
    void setTemplates(TemplateSource templates) { m_templates = std::move(templates); }

    // Asynchronous (the keychain is): the callback runs on this object's thread.
    void prepare(std::function<void(Result<Prepared>)> callback);

    // The Topology with each host's SSH target, for what works on deployed hosts (monitoring,
    // services, metrics, down, remove): the keychain is neither read nor written. Reads the
    // ssh config (aliases resolved to the addresses other hosts use); call it off the GUI thread.
    [[nodiscard]] Result<Located> locate() const;

    // Synchronous parts, for callers that already have the secrets.
    [[nodiscard]] QHash<QString, SshTarget> targets() const;
    [[nodiscard]] Result<Prepared> prepareWith(const QByteArray &mungeKey,
                                               const QByteArray &databasePassword) const;

    [[nodiscard]] const Cluster &cluster() const { return m_cluster; }

private:
    // Host name -> the address other hosts reach it at (an ~/.ssh/config alias resolved),
    // and into `users` (when given) the user SSH logs in as.
    [[nodiscard]] static QHash<QString, QString> networkAddresses(const QHash<QString, SshTarget> &targets,
                                                                  QHash<QString, QString> *users = nullptr);

    Cluster m_cluster;
    SshTarget m_ssh;
    TemplateSource m_templates;
    std::optional<std::pair<QByteArray, QByteArray>> m_secrets;
    QByteArray m_mungeKey; // empty: the keychain's
};

} // namespace SlurmDeck
