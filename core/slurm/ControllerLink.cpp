#include "slurm/ControllerLink.h"

namespace SlurmDeck {

ControllerLink::ControllerLink(SshTarget target, QString projectName, std::shared_ptr<HostKeyPrompt> hostKeys,
                               std::shared_ptr<CredentialPrompt> credentials)
    : m_project(std::move(projectName)), m_state(std::make_shared<State>())
{
    m_state->hostKeys = std::move(hostKeys);
    m_state->credentials = std::move(credentials);
    m_state->shell = std::make_unique<ControllerShell>(std::move(target), m_project, m_state->hostKeys.get(),
                                                       m_state->credentials.get(), m_cancel);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("slurmdeck-controller-link"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ControllerLink::~ControllerLink()
{
    m_cancel.cancel(); // the request in flight returns Cancelled; queued ones are skipped
    m_thread->quit();
    // Most requests notice the cancel at once. One blocked in ssh_connect does not: the
    // thread is left to end by itself, and deletes itself then (it holds the state the
    // request needs), so the GUI thread never waits for a connect timeout.
    if (m_thread->wait(std::chrono::milliseconds(200))) {
        delete m_thread;
        return;
    }
    QThread *thread = m_thread;
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        delete thread;
}

} // namespace SlurmDeck
