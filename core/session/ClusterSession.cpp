// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/ClusterSession.h"

#include "common/Executor.h"
#include "inventory/ClusterDocument.h"
#include "metrics/GpuUsageSource.h"
#include "metrics/SshPrometheusTransport.h"
#include "slurm/SlurmMonitor.h"
#include "ssh/CredentialPrompt.h"
#include "ssh/HostKey.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace SlurmDeck {

ClusterSession::ClusterSession(Cluster cluster, SshTarget sshDefaults,
                               std::shared_ptr<HostKeyPrompt> hostKeys,
                               std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_cluster(std::move(cluster))
    , m_sshDefaults(std::move(sshDefaults))
    , m_hostKeys(std::move(hostKeys))
    , m_credentials(std::move(credentials))
{}

ClusterSession::~ClusterSession() = default;

void ClusterSession::setSecrets(QByteArray mungeKey, QByteArray databasePassword)
{
    m_secrets = std::make_pair(std::move(mungeKey), std::move(databasePassword));
}

void ClusterSession::followDocument(const ClusterDocument *document)
{
    m_document = document;
}

void ClusterSession::setCluster(Cluster cluster)
{
    m_document = nullptr;
    m_cluster = std::move(cluster);
}

const Cluster &ClusterSession::cluster() const
{
    return m_document ? m_document->cluster() : m_cluster;
}

SlurmMonitor *ClusterSession::monitor(SlurmEndpoint endpoint, QObject *parent) const
{
    return new SlurmMonitor(std::move(endpoint), m_hostKeys, m_credentials, parent);
}

PrometheusClient *ClusterSession::metrics(const SlurmEndpoint &endpoint, QObject *parent) const
{
    return prometheusOverSsh(endpoint, m_hostKeys, m_credentials, parent);
}

PrometheusClient *ClusterSession::metrics(const ClusterPlan &plan, const QHash<QString, SshTarget> &targets,
                                          QObject *parent) const
{
    return prometheusOverSsh(plan.hosts, targets, m_hostKeys, m_credentials, parent);
}

GpuUsageSource *ClusterSession::gpuUsage(const SlurmEndpoint &endpoint, QObject *parent) const
{
    return GpuUsageSource::forEndpoint(endpoint, m_hostKeys, m_credentials, parent);
}

Result<ClusterSession::Located> ClusterSession::locateNow() const
{
    DeploySession session(cluster(), m_sshDefaults);
    session.setTemplates(m_templates);
    return session.locate();
}

void ClusterSession::locate(QObject *context, std::function<void(Result<Located>)> done) const
{
    auto *watcher = new QFutureWatcher<Result<Located>>(context);
    QObject::connect(watcher, &QFutureWatcher<Result<Located>>::finished, context,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Hosts),
                                         [cluster = cluster(), ssh = m_sshDefaults, templates = m_templates] {
                                             DeploySession session(cluster, ssh);
                                             session.setTemplates(templates);
                                             return session.locate();
                                         }));
}

void ClusterSession::prepareDeploy(QObject *context, std::function<void(Result<Prepared>)> done)
{
    // The keychain answers asynchronously on this thread; the session is the context's child,
    // so the answer is dropped with it.
    auto *session = new DeploySession(cluster(), m_sshDefaults, context);
    session->setTemplates(m_templates);
    if (m_secrets)
        session->setSecrets(m_secrets->first, m_secrets->second);
    if (!m_mungeKey.isEmpty())
        session->setMungeKey(m_mungeKey);
    const QPointer<QObject> guard(context);
    session->prepare([session, guard, done = std::move(done)](Result<Prepared> prepared) {
        session->deleteLater();
        if (guard)
            done(std::move(prepared));
    });
}

} // namespace SlurmDeck
