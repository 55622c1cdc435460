// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ServiceControl.h"

#include "deploy/DeployRunner.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostTaskQueue.h"
#include "deploy/ServiceOperations.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QPointer>
#include <QtConcurrent>

namespace SlurmDeck {

namespace {

std::optional<Error> errorOf(const Result<QString> &result)
{
    return result ? std::nullopt : std::optional<Error>(result.error());
}

} // namespace

// Forwards followed log lines from worker threads while the controller lives.
struct ServiceControl::FollowSink
{
    QMutex mutex;
    QPointer<ServiceControl> control;

    void post(int id, const QString &host, const QStringList &lines)
    {
        QMutexLocker lock(&mutex);
        if (ServiceControl *target = control.data()) {
            QMetaObject::invokeMethod(
                target,
                [target, id, host, lines] {
                    if (target->m_follows.contains(id))
                        emit target->logLinesArrived(id, host, lines);
                },
                Qt::QueuedConnection);
        }
    }
};

// A cluster operation in flight.
struct ServiceControl::Operation
{
    ClusterOperation operation = ClusterOperation::Stop;
    bool purgeData = false;
    QStringList hosts;                // plan order
    QHash<QString, QStringList> done; // what each host did
    QHash<QString, Error> failures;   // hosts that failed, and why
    int remaining = 0;                // hosts still working
};

ServiceControl::ServiceControl(ClusterPlan plan, QHash<QString, SshTarget> targets,
                               std::shared_ptr<HostKeyPrompt> hostKeys,
                               std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_queue(new HostTaskQueue(std::move(plan), std::move(targets), std::move(hostKeys),
                                std::move(credentials), this))
    , m_followSink(std::make_shared<FollowSink>())
{
    m_followSink->control = this;
}

ServiceControl::~ServiceControl()
{
    stopAllFollowing();
    QMutexLocker lock(&m_followSink->mutex);
    m_followSink->control = nullptr;
}

const ClusterPlan &ServiceControl::plan() const
{
    return m_queue->plan();
}

QStringList ServiceControl::hosts() const
{
    return m_queue->hosts();
}

const HostPlan *ServiceControl::hostPlan(const QString &host) const
{
    return m_queue->hostPlan(host);
}

bool ServiceControl::isBusy() const
{
    return m_queue->pending() > 0;
}

void ServiceControl::listServices(const QString &host)
{
    m_queue->run<QList<ServiceStatus>>(
        host, this, [](HostDeployer &deployer) { return ServiceOperations::list(deployer); },
        [this, host](Result<QList<ServiceStatus>> listed) {
            HostServices report{host, std::nullopt, {}};
            if (listed)
                report.services = *listed;
            else
                report.error = listed.error();
            emit servicesListed(report);
        });
}

void ServiceControl::runAction(const QString &host, ServiceAction action, const QStringList &services)
{
    m_queue->run<QString>(
        host, this,
        [action, services](HostDeployer &deployer) {
            return ServiceOperations::act(deployer, action, services);
        },
        [this, host, action, services](Result<QString> acted) {
            emit actionFinished(
                ServiceActionReport{host, action, services, errorOf(acted), acted ? *acted : QString()});
        });
}

void ServiceControl::readLogs(const QString &host, const QString &service, int lines)
{
    m_queue->run<QStringList>(
        host, this,
        [service, lines](HostDeployer &deployer) {
            return ServiceOperations::logs(deployer, service, lines);
        },
        [this, host, service](Result<QStringList> read) {
            ServiceLogs logs{host, service, std::nullopt, {}};
            if (read)
                logs.lines = *read;
            else
                logs.error = read.error();
            emit logsRead(logs);
        });
}

int ServiceControl::followLogs(const QString &host, const QString &service, int tail)
{
    const int id = ++m_nextFollowId;
    const CancelToken cancel;
    m_follows.insert(id, cancel);
    const std::shared_ptr<HostDeployer> deployer = m_queue->makeDeployer(host, cancel);
    const std::shared_ptr<FollowSink> sink = m_followSink;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, host] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_follows.remove(id);
        emit followFinished(id, host, error);
    });
    watcher->setFuture(QtConcurrent::run(HostTaskQueue::pool(), [=]() -> QString {
        if (!deployer)
            return QObject::tr("%1 is not a host of this cluster.").arg(host);
        if (Result<void> checked = deployer->connectAndCheck(true); !checked)
            return cancel.isCancelled() ? QString() : checked.error().toString();
        const Result<void> followed = ServiceOperations::follow(
            *deployer, service, tail,
            [sink, id, host](const QStringList &lines) { sink->post(id, host, lines); }, cancel);
        return followed ? QString() : followed.error().toString();
    }));
    return id;
}

void ServiceControl::stopFollowing(int followId)
{
    const auto found = m_follows.constFind(followId);
    if (found != m_follows.cend())
        found->cancel();
}

void ServiceControl::stopAllFollowing()
{
    for (const CancelToken &cancel : std::as_const(m_follows))
        cancel.cancel();
}

QStringList ServiceControl::helperImages(const HostPlan &host) const
{
    return DeployRunner::imagesFor(host.services, plan().slurmImage, plan().monitoringImage,
                                   plan().databaseImage);
}

void ServiceControl::runClusterOperation(ClusterOperation operation, bool purgeData)
{
    if (m_clusterOperation)
        return;
    m_clusterOperation = std::make_unique<Operation>();
    m_clusterOperation->operation = operation;
    m_clusterOperation->purgeData = operation == ClusterOperation::Remove && purgeData;
    m_clusterOperation->hosts = hosts();
    m_clusterOperation->remaining = static_cast<int>(m_clusterOperation->hosts.size());
    if (m_clusterOperation->remaining == 0) {
        QMetaObject::invokeMethod(this, &ServiceControl::finishClusterOperation, Qt::QueuedConnection);
        return;
    }
    for (const QString &host : std::as_const(m_clusterOperation->hosts)) {
        const bool purge = m_clusterOperation->purgeData;
        const QStringList images = helperImages(*hostPlan(host));
        m_queue->run<QString>(
            host, this,
            [operation, purge, images](HostDeployer &deployer) {
                switch (operation) {
                case ClusterOperation::Start:
                    return ServiceOperations::startAll(deployer);
                case ClusterOperation::Stop:
                    return ServiceOperations::takeDown(deployer);
                case ClusterOperation::Remove:
                    break;
                }
                return ServiceOperations::remove(deployer, purge, images);
            },
            [this, host](Result<QString> result) {
                finishHost(HostReport{host, errorOf(result), result ? *result : QString()});
                if (--m_clusterOperation->remaining == 0)
                    finishClusterOperation();
            });
    }
}

void ServiceControl::finishHost(const HostReport &report)
{
    if (m_clusterOperation && report.error)
        m_clusterOperation->failures.insert(report.host, *report.error);
    if (m_clusterOperation && !report.error)
        m_clusterOperation->done[report.host] = QStringList{report.message};
    emit clusterHostFinished(m_clusterOperation ? m_clusterOperation->operation : ClusterOperation::Stop,
                             report);
}

void ServiceControl::finishClusterOperation()
{
    if (!m_clusterOperation)
        return;
    const std::unique_ptr<Operation> op = std::move(m_clusterOperation);
    ClusterOperationReport report;
    report.operation = op->operation;
    report.purgeData = op->purgeData;
    for (const QString &host : op->hosts) {
        const auto failure = op->failures.constFind(host);
        report.hosts << HostReport{
            host, failure != op->failures.cend() ? std::optional<Error>(*failure) : std::nullopt,
            op->done.value(host).join(QStringLiteral("; "))};
    }
    emit clusterOperationFinished(report);
}

} // namespace SlurmDeck
