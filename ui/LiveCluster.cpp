#include "LiveCluster.h"

#include "SlurmOperations.h"
#include "common/Executor.h"
#include "deploy/DeploySession.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"
#include "ssh/SshConnection.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace SlurmDeck::Ui {

namespace {

struct Located
{
    SlurmEndpoint endpoint;
    QString user;
};

// Pool thread. The Topology says which host runs slurmctld and which services each host
// has; no secret is needed (the keychain is not touched, nothing is created there for a
// cluster never deployed).
Result<Located> locate(const Cluster &cluster, const SshTarget &ssh)
{
    const DeploySession session(cluster, ssh);
    const Result<DeploySession::Located> where = session.locate();
    if (!where)
        return where.error();
    Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromTopology(where->topology, where->targets);
    if (!endpoint)
        return endpoint.error();
    Located located{std::move(endpoint).value(), {}};
    const SshTarget controller = located.endpoint.target(located.endpoint.controllerHost);
    located.user = controller.user;
    if (located.user.isEmpty()) {
        SshConnection resolver(controller, nullptr);
        if (resolver.resolve())
            located.user = resolver.resolvedUser();
    }
    return located;
}

} // namespace

LiveCluster::LiveCluster(QObject *parent) : QObject(parent)
{}

LiveCluster::~LiveCluster()
{
    // No signal from here: whoever listened may be half destroyed (the window owning us).
    ++m_generation;
    m_operations.reset();
    delete m_actions;
    delete m_monitor;
}

void LiveCluster::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_monitor && interval.count() > 0)
        m_monitor->setInterval(interval);
}

void LiveCluster::start(const Cluster &cluster)
{
    stop();
    const quint64 generation = ++m_generation;
    m_connecting = true;
    m_clusterName = cluster.name;
    auto *watcher = new QFutureWatcher<Result<Located>>(this);
    connect(watcher, &QFutureWatcher<Result<Located>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another cluster was opened meanwhile
        m_connecting = false;
        Result<Located> located = watcher->result();
        if (!located) {
            emit failed(located.error().toString());
            return;
        }
        m_user = located->user;
        m_monitor = new SlurmMonitor(located->endpoint, m_hostKeys, m_credentials, this);
        if (m_interval.count() > 0)
            m_monitor->setInterval(m_interval);
        m_actions = new SlurmActions(m_monitor, this);
        m_operations = std::make_shared<SlurmOperations>(m_monitor, m_actions);
        connect(m_monitor, &SlurmMonitor::snapshotUpdated, this, &LiveCluster::snapshotUpdated);
        connect(m_actions, &SlurmActions::actionFinished, this, &LiveCluster::actionFinished);
        emit connected();
        m_monitor->start();
    });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Hosts),
                                         [cluster, ssh = m_ssh] { return locate(cluster, ssh); }));
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
    m_actions = nullptr;
    m_monitor = nullptr;
    m_user.clear();
    if (was)
        emit disconnected();
}

} // namespace SlurmDeck::Ui
