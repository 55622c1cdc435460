// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/ClusterUpgradeRun.h"

#include "common/Executor.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostTaskQueue.h"
#include "slurm/NodeLifecycle.h"
#include "ssh/SshConnection.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <algorithm>

namespace SlurmDeck {

namespace {

// mariadb before slurmdbd before slurmctld, the rest after them.
void inSlurmOrder(QStringList &services)
{
    static const QStringList order{QStringLiteral("mariadb"), QStringLiteral("slurmdbd"),
                                   QStringLiteral("slurmctld")};
    const auto rank = [](const QString &service) {
        const qsizetype at = order.indexOf(service);
        return at < 0 ? order.size() : at;
    };
    std::stable_sort(services.begin(), services.end(),
                     [&rank](const QString &a, const QString &b) { return rank(a) < rank(b); });
}

// The outcome of one node: empty when upgraded, else why not; `skipped` when its jobs ran on.
struct NodeOutcome
{
    QString error;
    bool skipped = false;
};

} // namespace

ClusterUpgradeRun::ClusterUpgradeRun(ClusterPlan plan, QHash<QString, SshTarget> targets,
                                     std::shared_ptr<HostKeyPrompt> hostKeys,
                                     std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_targets(targets)
    , m_hostKeys(hostKeys)
    , m_credentials(credentials)
    , m_queue(new HostTaskQueue(std::move(plan), std::move(targets), std::move(hostKeys),
                                std::move(credentials), this))
{}

ClusterUpgradeRun::~ClusterUpgradeRun() = default;

QString ClusterUpgradeRun::hostRunning(const QString &service) const
{
    for (const HostPlan &host : m_plan.hosts) {
        if (host.services.contains(service))
            return host.hostName;
    }
    return {};
}

void ClusterUpgradeRun::cancel()
{
    m_cancelled = true;
}

void ClusterUpgradeRun::start(std::chrono::seconds jobWait)
{
    m_jobWait = jobWait;
    const QStringList hosts = m_queue->hosts();
    m_waiting = int(hosts.size());
    if (hosts.isEmpty())
        return upgradeNextNode(); // nothing to do: says so
    for (const QString &host : hosts) {
        m_queue->run<QStringList>(
            host, this, [](HostDeployer &deployer) { return deployer.outdatedServices(); },
            [this, host](Result<QStringList> outdated) {
                if (!outdated) {
                    m_failed = true;
                    emit progress(host, outdated.error().toString());
                } else {
                    QStringList services = *outdated;
                    if (services.removeAll(QStringLiteral("slurmd")) > 0)
                        m_nodes << host;
                    if (!services.isEmpty())
                        m_outdated.insert(host, services);
                }
                if (--m_waiting > 0)
                    return;
                std::sort(m_nodes.begin(), m_nodes.end());
                emit progress({}, m_outdated.isEmpty() && m_nodes.isEmpty()
                                      ? tr("Every container runs its current image and settings.")
                                      : tr("To recreate: %1 node(s), and services on %2.")
                                            .arg(m_nodes.size())
                                            .arg(m_outdated.isEmpty()
                                                     ? tr("no host")
                                                     : QStringList(m_outdated.keys()).join(u", ")));
                // Each host once: the database host's services, then the controller's, then the rest.
                const QString database = hostRunning(QStringLiteral("slurmdbd"));
                const QString controller = hostRunning(QStringLiteral("slurmctld"));
                QStringList first;
                QStringList second;
                QStringList rest = m_outdated.keys();
                rest.removeAll(database);
                rest.removeAll(controller);
                if (m_outdated.contains(database))
                    first << database;
                if (m_outdated.contains(controller) && controller != database)
                    second << controller;
                restartServices(first, [this, second, rest] {
                    restartServices(second,
                                    [this, rest] { restartServices(rest, [this] { upgradeNextNode(); }); });
                });
            });
    }
}

void ClusterUpgradeRun::restartServices(const QStringList &hosts, std::function<void()> next)
{
    if (hosts.isEmpty() || m_cancelled) {
        next();
        return;
    }
    auto remaining = std::make_shared<int>(int(hosts.size()));
    for (const QString &host : hosts) {
        QStringList services = m_outdated.value(host);
        inSlurmOrder(services);
        emit progress(host, tr("recreating %1 on the new image").arg(services.join(QStringLiteral(", "))));
        m_queue->run<QString>(
            host, this,
            [services](HostDeployer &deployer) -> Result<QString> {
                for (const QString &service : services) {
                    const Result<ExecResult> up =
                        deployer.runArgv(deployer.compose().up({service}), std::chrono::seconds(300));
                    if (!up)
                        return up.error();
                    if (!up->succeeded()) {
                        return makeError(
                            Error::Code::RemoteCommandFailed,
                            tr("Compose could not recreate %1 on %2.").arg(service, deployer.plan().hostName),
                            QString::fromUtf8(up->standardError).trimmed().right(1500));
                    }
                }
                return tr("%1 on the new image").arg(services.join(QStringLiteral(", ")));
            },
            [this, host, remaining, next](Result<QString> done) {
                if (!done)
                    m_failed = true;
                emit progress(host, done ? *done : done.error().toString());
                if (--*remaining == 0)
                    next();
            });
    }
}

void ClusterUpgradeRun::upgradeNextNode()
{
    if (m_nodes.isEmpty() || m_cancelled) {
        const bool ok = !m_failed && m_skipped.isEmpty() && m_nodes.isEmpty();
        QString summary;
        if (m_cancelled && !m_nodes.isEmpty())
            summary =
                tr("Cancelled; not upgraded yet: %1. Upgrading again continues.").arg(m_nodes.join(u", "));
        else if (m_failed)
            summary =
                tr("The upgrade did not complete; see the messages above. Upgrading again continues it.");
        else if (!m_skipped.isEmpty())
            summary = tr("Still on their old slurmd, their jobs running after the wait: %1. Upgrade again "
                         "later (or "
                         "wait longer).")
                          .arg(m_skipped.join(u", "));
        else
            summary = tr("The cluster %1 runs on the new images.").arg(m_plan.clusterName);
        emit finished(ok, m_skipped, summary);
        return;
    }
    const QString node = m_nodes.takeFirst();
    const Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(m_plan, m_targets);
    if (!endpoint) {
        m_failed = true;
        emit progress(node, endpoint.error().toString());
        return upgradeNextNode();
    }
    NodeLifecycle::Access access;
    access.endpoint = *endpoint;
    access.hostKeys = m_hostKeys;
    access.credentials = m_credentials;
    const QPointer<ClusterUpgradeRun> self(this);
    access.progress = [self, node](const QString &line) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, node, line] {
                if (self)
                    emit self->progress(node, line);
            },
            Qt::QueuedConnection);
    };
    emit progress(node, tr("upgrading slurmd (drain, wait for its jobs, recreate, resume)"));
    auto *watcher = new QFutureWatcher<NodeOutcome>(this);
    connect(watcher, &QFutureWatcher<NodeOutcome>::finished, this, [this, watcher, node] {
        const NodeOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (outcome.skipped)
            m_skipped << node;
        else if (!outcome.error.isEmpty())
            m_failed = true;
        emit progress(node,
                      outcome.error.isEmpty() ? tr("slurmd on its new image, node resumed") : outcome.error);
        upgradeNextNode();
    });
    const std::chrono::seconds wait = m_jobWait;
    watcher->setFuture(
        QtConcurrent::run(Executor::pool(Executor::Lane::Hosts), [access, node, wait]() -> NodeOutcome {
            const Result<QString> stopped =
                NodeLifecycle::drainAndStop(access, node, QStringLiteral("slurmdeck: upgrade"), wait);
            if (!stopped) {
                if (stopped.error().code != Error::Code::Timeout)
                    return {stopped.error().toString(), false};
                // Its jobs ran past the wait: back into service on its old slurmd.
                const Result<QString> resumed =
                    NodeLifecycle::startAndResume(access, node, std::chrono::seconds(120));
                return {tr("its jobs still run after the wait; it keeps its old slurmd%1")
                            .arg(resumed ? QString()
                                         : tr(" and stays drained (%1)").arg(resumed.error().toString())),
                        true};
            }
            const Result<QString> started =
                NodeLifecycle::startAndResume(access, node, std::chrono::seconds(180));
            return {started ? QString() : started.error().toString(), false};
        }));
}

} // namespace SlurmDeck
