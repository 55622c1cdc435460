#pragma once

#include "common/CancelToken.h"
#include "slurm/ControllerShell.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

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
    // Cancels the request in flight, drops the queued ones, closes the connection.
    ~ControllerLink();
    ControllerLink(const ControllerLink &) = delete;
    ControllerLink &operator=(const ControllerLink &) = delete;

    template<typename T>
    void submit(std::function<T(ControllerShell &)> task, QObject *context, std::function<void(T)> done)
    {
        const QPointer<QObject> receiver(context);
        ControllerShell *shell = m_shell.get();
        const CancelToken cancel = m_cancel;
        QMetaObject::invokeMethod(
            m_worker,
            [shell, cancel, receiver, task = std::move(task), done = std::move(done)]() mutable {
                if (cancel.isCancelled())
                    return;
                T result = task(*shell);
                if (!receiver)
                    return;
                QMetaObject::invokeMethod(
                    receiver.data(),
                    [receiver, result = std::move(result), done = std::move(done)]() mutable {
                        if (receiver)
                            done(std::move(result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    [[nodiscard]] const SshTarget &target() const { return m_shell->target(); }
    [[nodiscard]] QString projectName() const { return m_project; }
    [[nodiscard]] std::shared_ptr<HostKeyPrompt> hostKeys() const { return m_hostKeys; }
    [[nodiscard]] std::shared_ptr<CredentialPrompt> credentials() const { return m_credentials; }

private:
    QString m_project;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    CancelToken m_cancel;
    std::unique_ptr<ControllerShell> m_shell;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
};

} // namespace SlurmDeck
