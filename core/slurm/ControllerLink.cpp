#include "slurm/ControllerLink.h"

namespace SlurmDeck {

ControllerLink::ControllerLink(SshTarget target, QString projectName, std::shared_ptr<HostKeyPrompt> hostKeys,
                               std::shared_ptr<CredentialPrompt> credentials)
    : m_project(std::move(projectName))
    , m_hostKeys(std::move(hostKeys))
    , m_credentials(std::move(credentials))
{
    m_shell = std::make_unique<ControllerShell>(std::move(target), m_project, m_hostKeys.get(),
                                                m_credentials.get(), m_cancel);
    m_thread.setObjectName(QStringLiteral("slurmdeck-controller-link"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ControllerLink::~ControllerLink()
{
    m_cancel.cancel(); // the request in flight returns Cancelled; queued ones are skipped
    m_thread.quit();
    m_thread.wait();
    m_shell.reset(); // the thread is gone: nothing else uses the connection
}

} // namespace SlurmDeck
