// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveCluster.h"

#include "SlurmOperations.h"
#include "common/OffThread.h"
#include "deploy/ServiceControl.h"
#include "doctor/PlannedFiles.h"
#include "session/ClusterSession.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"

namespace SlurmDeck::Ui {

LiveCluster::LiveCluster(QObject *parent) : QObject(parent)
{}

LiveCluster::~LiveCluster()
{
    // No signal from here: whoever listened may be half destroyed (the window owning us).
    ++m_generation;
    m_operations.reset();
    delete m_hostChecks;
    delete m_serviceControl;
    delete m_actions;
    delete m_monitor;
}

bool LiveCluster::hasAccounting() const
{
    return m_monitor && m_monitor->endpoint().accounting;
}

bool LiveCluster::startService(const QString &host, const QString &service, QObject *context,
                               std::function<void(const QString &error)> done)
{
    if (!m_serviceControl)
        return false;
    auto *watch = new QObject(context);
    connect(m_serviceControl, &ServiceControl::actionFinished, watch,
            [watch, host, service, done](const ServiceActionReport &report) {
                if (report.host != host || report.services != QStringList{service})
                    return;
                watch->deleteLater();
                done(report.error ? report.error->toString() : QString());
            });
    m_serviceControl->runAction(host, ServiceAction::Start, {service});
    return true;
}

bool LiveCluster::checkHosts(QObject *context, std::function<void(const HostChecks::Report &)> done)
{
    if (!m_hostChecks)
        return false;
    m_hostChecks->run(context, std::move(done));
    return true;
}

void LiveCluster::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_monitor && interval.count() > 0)
        m_monitor->setInterval(interval);
}

void LiveCluster::start()
{
    stop();
    if (!m_session) {
        emit failed(tr("SlurmDeck has no open cluster to monitor."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_connecting = true;
    const Cluster cluster = m_session->cluster();
    m_clusterName = cluster.name;
    // Where the controller is and who logs in there: no secret is needed (the keychain is not
    // touched, nothing is created there for a cluster never deployed).
    m_session->locate(this, [this, generation, cluster](Result<ClusterSession::Located> located) {
        if (generation != m_generation)
            return; // another cluster was opened meanwhile
        Result<SlurmEndpoint> endpoint =
            located ? SlurmEndpoint::fromTopology(located->topology, located->targets)
                    : Result<SlurmEndpoint>(located.error());
        if (!endpoint) {
            m_connecting = false;
            emit failed(endpoint.error().toString());
            return;
        }
        // The doctor compares the files a deploy would write now (not the secrets) with the
        // hosts': rendered off this thread, the templates take a while.
        const ClusterPlan topology = located->topology.withoutFiles();
        runOffThread<Result<ClusterPlan>>(
            this, [cluster, topology] { return PlannedFiles::withoutSecrets(cluster, topology); },
            [this, generation, topology, located = std::move(located).value(),
             endpoint = std::move(endpoint).value()](const Result<ClusterPlan> &planned) {
                if (generation != m_generation)
                    return;
                connectTo(planned ? *planned : topology, located, endpoint);
            });
    });
}

void LiveCluster::connectTo(const ClusterPlan &planned, const ClusterSession::Located &located,
                            const SlurmEndpoint &endpoint)
{
    m_connecting = false;
    if (!m_session)
        return; // closing
    m_user = located.loginUsers.value(endpoint.controllerHost);
    m_hostChecks = m_session->operation<HostChecks>(planned, located.targets, this);
    m_serviceControl =
        m_session->operation<ServiceControl>(located.topology.withoutFiles(), located.targets, this);
    m_monitor = m_session->monitor(endpoint, this);
    if (m_interval.count() > 0)
        m_monitor->setInterval(m_interval);
    m_actions = new SlurmActions(m_monitor, this);
    m_operations = std::make_shared<SlurmOperations>(m_monitor, m_actions);
    connect(m_monitor, &SlurmMonitor::snapshotUpdated, this, &LiveCluster::snapshotUpdated);
    connect(m_actions, &SlurmActions::actionFinished, this, &LiveCluster::actionFinished);
    emit connected();
    m_monitor->start();
}

void LiveCluster::stop()
{
    ++m_generation;
    const bool was = m_monitor || m_connecting;
    m_connecting = false;
    m_operations.reset();
    if (m_actions) {
        m_actions->disconnect(this);
        m_actions->deleteLater();
    }
    if (m_monitor) {
        m_monitor->stop();
        m_monitor->disconnect(this);
        m_monitor->deleteLater();
    }
    delete m_hostChecks;     // cancels what runs; its answers are dropped
    delete m_serviceControl; // a locate() under way is ignored (generation)
    m_actions = nullptr;
    m_monitor = nullptr;
    m_user.clear();
    if (was)
        emit disconnected();
}

} // namespace SlurmDeck::Ui
