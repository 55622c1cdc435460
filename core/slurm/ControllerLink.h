// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/WorkerThread.h"
#include "slurm/ControllerShell.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;

// One ControllerShell (one SSH connection to the controller host) on its own worker
// thread. Requests run there one at a time, in the order submitted; each result comes
// back on its context object's thread, and is dropped if the context is gone. Shared by
// the monitor's polls and the simple actions, so they use one connection.
class ControllerLink final
{
public:
    ControllerLink(SshTarget target, QString projectName, std::shared_ptr<HostKeyPrompt> hostKeys,
                   std::shared_ptr<CredentialPrompt> credentials);
    // Cancels the request in flight and drops the queued ones, without waiting for a
    // blocking call (ssh_connect to an unreachable host takes its full timeout): such a
    // request finishes on its own thread, which then closes the connection and ends.
    ~ControllerLink();
    ControllerLink(const ControllerLink &) = delete;
    ControllerLink &operator=(const ControllerLink &) = delete;

    template<typename T>
    void submit(std::function<T(ControllerShell &)> task, QObject *context, std::function<void(T)> done)
    {
        const QPointer<QObject> receiver(context);
        // The task keeps the shell and its prompts alive: it may outlive this link.
        const std::shared_ptr<State> state = m_state;
        const CancelToken cancel = m_cancel;
        m_worker.post([state, cancel, receiver, task = std::move(task), done = std::move(done)]() mutable {
            if (cancel.isCancelled())
                return;
            T result = task(*state->shell);
            if (!receiver)
                return;
            QMetaObject::invokeMethod(
                receiver.data(),
                [receiver, result = std::move(result), done = std::move(done)]() mutable {
                    if (receiver)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    [[nodiscard]] const SshTarget &target() const { return m_state->shell->target(); }
    [[nodiscard]] QString projectName() const { return m_project; }
    [[nodiscard]] std::shared_ptr<HostKeyPrompt> hostKeys() const { return m_state->hostKeys; }
    [[nodiscard]] std::shared_ptr<CredentialPrompt> credentials() const { return m_state->credentials; }

private:
    // What a running request needs; shared with the requests so a request that outlives
    // the link still has it. The shell goes before the prompts it points to.
    struct State
    {
        std::shared_ptr<HostKeyPrompt> hostKeys;
        std::shared_ptr<CredentialPrompt> credentials;
        std::unique_ptr<ControllerShell> shell;
    };

    QString m_project;
    CancelToken m_cancel;
    std::shared_ptr<State> m_state;
    WorkerThread m_worker{QStringLiteral("slurmdeck-controller-link")};
};

} // namespace SlurmDeck
