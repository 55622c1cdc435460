// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/HostTaskQueue.h"

#include "common/Executor.h"

#include "deploy/HostDeployer.h"
#include "ssh/SshConnection.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

namespace SlurmDeck {

// A host's connection and whether it has been checked. Used by one task at a time.
struct HostTaskQueue::Link
{
    std::shared_ptr<HostDeployer> deployer;
    bool checked = false;
};

HostTaskQueue::HostTaskQueue(ClusterPlan plan, QHash<QString, SshTarget> targets,
                             std::shared_ptr<HostKeyPrompt> hostKeys,
                             std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_targets(std::move(targets))
    , m_hostKeys(std::move(hostKeys))
    , m_credentials(std::move(credentials))
{}

HostTaskQueue::~HostTaskQueue()
{
    m_cancel.cancel();
}

QThreadPool *HostTaskQueue::pool()
{
    return Executor::pool(Executor::Lane::Hosts);
}

const HostPlan *HostTaskQueue::hostPlan(const QString &host) const
{
    for (const HostPlan &plan : m_plan.hosts) {
        if (plan.hostName == host)
            return &plan;
    }
    return nullptr;
}

QStringList HostTaskQueue::hosts() const
{
    QStringList names;
    for (const HostPlan &plan : m_plan.hosts)
        names << plan.hostName;
    return names;
}

std::shared_ptr<HostDeployer> HostTaskQueue::makeDeployer(const QString &host,
                                                          const CancelToken &cancel) const
{
    const HostPlan *plan = hostPlan(host);
    if (!plan)
        return nullptr;
    return std::make_shared<HostDeployer>(*plan, m_targets.value(host), m_hostKeys.get(), m_credentials.get(),
                                          cancel, [](const QString &) {});
}

int HostTaskQueue::pending() const
{
    int count = 0;
    for (const Slot &slot : m_slots)
        count += static_cast<int>(slot.queue.size()) + (slot.busy ? 1 : 0);
    return count;
}

void HostTaskQueue::enqueue(const QString &host, QObject *context, Work work)
{
    Slot &slot = m_slots[host];
    slot.queue.append({QPointer<QObject>(context), std::move(work)});
    if (!slot.busy)
        startNext(host);
}

void HostTaskQueue::startNext(const QString &host)
{
    Slot &slot = m_slots[host];
    if (slot.queue.isEmpty()) {
        slot.busy = false;
        return;
    }
    auto [context, work] = slot.queue.takeFirst();
    if (!context) { // its receiver is gone: skip it
        startNext(host);
        return;
    }
    slot.busy = true;
    if (!slot.link) {
        slot.link = std::make_shared<Link>();
        slot.link->deployer = makeDeployer(host, m_cancel);
    }
    const QString name = host;
    using Delivery = std::function<void()>;
    auto *watcher = new QFutureWatcher<std::pair<Delivery, bool>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name, context = context] {
        const auto [deliver, broken] = watcher->result();
        watcher->deleteLater();
        if (broken)
            m_slots[name].link.reset(); // connect afresh next time
        if (context && deliver)
            deliver();
        startNext(name);
    });
    watcher->setFuture(
        QtConcurrent::run(pool(), [shared = slot.link, name, work = std::move(work)]() mutable {
            // Drop this task's share of the link before the result is reported, so the
            // connection is never closed here after the owner has moved on (or the process
            // has begun to exit).
            const std::shared_ptr<Link> link = std::move(shared);
            if (!link->deployer) {
                const Error unknown = makeError(Error::Code::InvalidArgument,
                                                QObject::tr("%1 is not a host of this cluster.").arg(name));
                return std::make_pair(work(nullptr, &unknown), true);
            }
            if (!link->checked) {
                if (Result<void> checked = link->deployer->connectAndCheck(true); !checked)
                    return std::make_pair(work(nullptr, &checked.error()), true);
                link->checked = true;
            }
            Delivery deliver = work(link->deployer.get(), nullptr);
            return std::make_pair(std::move(deliver), !link->deployer->connection().isConnected());
        }));
}

} // namespace SlurmDeck
