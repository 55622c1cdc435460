// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "plan/HostPlan.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThreadPool;

namespace SlurmDeck {

class CredentialPrompt;
class HostDeployer;
class HostKeyPrompt;

// Runs blocking work on the hosts of a deployed cluster without blocking the thread that
// owns it. Each host keeps one SSH connection (connected and checked on first use, made
// again after it breaks) and runs one task at a time, in the order they were queued; hosts
// work in parallel on a thread pool. Results come back on the owner thread through the
// `context` object given with each task, and are dropped when it is gone.
class HostTaskQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostTaskQueue)

public:
    HostTaskQueue(ClusterPlan plan, QHash<QString, SshTarget> targets,
                  std::shared_ptr<HostKeyPrompt> hostKeys, std::shared_ptr<CredentialPrompt> credentials,
                  QObject *parent = nullptr);
    // Cancels what runs (the remote commands end at their next check); results are dropped.
    ~HostTaskQueue() override;

    [[nodiscard]] const ClusterPlan &plan() const { return m_plan; }
    [[nodiscard]] const HostPlan *hostPlan(const QString &host) const;
    [[nodiscard]] QStringList hosts() const;

    // Work on a worker thread with `host`'s checked deployer; `done` on this thread.
    template<typename T>
    void run(const QString &host, QObject *context, std::function<Result<T>(HostDeployer &)> work,
             std::function<void(Result<T>)> done)
    {
        enqueue(
            host, context,
            [work = std::move(work), done = std::move(done)](HostDeployer *deployer, const Error *failure) {
                auto result = std::make_shared<Result<T>>(failure ? Result<T>(*failure) : work(*deployer));
                return std::function<void()>([done, result] { done(std::move(*result)); });
            });
    }

    // A deployer of its own (its own connection, not yet connected) for long work such as
    // following a log, cancelled through `cancel`.
    [[nodiscard]] std::shared_ptr<HostDeployer> makeDeployer(const QString &host,
                                                             const CancelToken &cancel) const;
    // How many tasks are queued or running.
    [[nodiscard]] int pending() const;

    // The pool the tasks run on; long work (follow) may run there too.
    [[nodiscard]] static QThreadPool *pool();

private:
    // Runs on the worker: the deployer, or why it could not connect; returns what to call
    // on this thread.
    using Work = std::function<std::function<void()>(HostDeployer *deployer, const Error *failure)>;
    struct Link;
    struct Slot
    {
        std::shared_ptr<Link> link;
        QList<std::pair<QPointer<QObject>, Work>> queue;
        bool busy = false;
    };

    void enqueue(const QString &host, QObject *context, Work work);
    void startNext(const QString &host);

    ClusterPlan m_plan;
    QHash<QString, SshTarget> m_targets;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    CancelToken m_cancel;
    QHash<QString, Slot> m_slots;
};

} // namespace SlurmDeck
