// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/DeploySession.h"

#include "plan/ClusterPlanner.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/SshConnection.h"

#include <QPointer>
#include <QTimer>

namespace SlurmDeck {

DeploySession::DeploySession(Cluster cluster, SshTarget ssh, QObject *parent)
    : QObject(parent), m_cluster(std::move(cluster)), m_ssh(std::move(ssh))
{}

void DeploySession::setSecrets(QByteArray mungeKey, QByteArray databasePassword)
{
    m_secrets = std::make_pair(std::move(mungeKey), std::move(databasePassword));
}

QHash<QString, SshTarget> DeploySession::targets() const
{
    QHash<QString, SshTarget> targets;
    for (const Host &host : m_cluster.hosts) {
        SshTarget target = m_ssh;
        target.host = host.address;
        if (!host.user.isEmpty())
            target.user = host.user;
        if (host.port != Host::defaultSshPort) // 22 in the file means "as ~/.ssh/config says"
            target.port = host.port;
        if (!host.identity.isEmpty())
            target.identityFile = host.identity;
        targets.insert(host.name, target);
    }
    return targets;
}

QHash<QString, QString> DeploySession::networkAddresses(const QHash<QString, SshTarget> &targets,
                                                        QHash<QString, QString> *users)
{
    QHash<QString, QString> addresses;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        // Other hosts cannot resolve this machine's ssh aliases: use the HostName behind them.
        SshConnection resolver(it.value(), nullptr);
        const Result<void> resolved = resolver.resolve();
        addresses.insert(it.key(), resolved && !resolver.resolvedHost().isEmpty() ? resolver.resolvedHost()
                                                                                  : it.value().host);
        if (users)
            users->insert(it.key(), !it.value().user.isEmpty() ? it.value().user
                                    : resolved                 ? resolver.resolvedUser()
                                                               : QString());
    }
    return addresses;
}

Result<DeploySession::Located> DeploySession::locate() const
{
    Located located;
    located.targets = targets();
    Result<Topology> topology =
        Topology::of(m_cluster, networkAddresses(located.targets, &located.loginUsers));
    if (!topology)
        return topology.error();
    located.topology = std::move(topology).value();
    return located;
}

Result<DeploySession::Prepared> DeploySession::prepareWith(const QByteArray &mungeKey,
                                                           const QByteArray &databasePassword) const
{
    Prepared prepared;
    prepared.targets = targets();
    PlanInputs inputs;
    inputs.mungeKey = mungeKey;
    inputs.databasePassword = databasePassword;
    inputs.networkAddresses = networkAddresses(prepared.targets);
    Result<ClusterPlan> plan = ClusterPlanner(m_templates).plan(m_cluster, inputs);
    if (!plan)
        return plan.error();
    prepared.plan = std::move(plan).value();
    return prepared;
}

void DeploySession::prepare(std::function<void(Result<Prepared>)> callback)
{
    if (m_secrets) {
        const Result<Prepared> prepared = prepareWith(m_secrets->first, m_secrets->second);
        QTimer::singleShot(0, this, [callback, prepared] { callback(prepared); });
        return;
    }
    auto *secrets = new ClusterSecrets(m_cluster.keychainService(), this);
    secrets->load(this, [this, secrets, callback](Result<ClusterSecrets::Values> values) {
        secrets->deleteLater();
        if (!values) {
            callback(values.error());
            return;
        }
        callback(prepareWith(m_mungeKey.isEmpty() ? values->mungeKey : m_mungeKey, values->databasePassword));
    });
}

} // namespace SlurmDeck
