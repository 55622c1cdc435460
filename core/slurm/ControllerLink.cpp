// SPDX-License-Identifier: GPL-3.0-or-later
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
}

ControllerLink::~ControllerLink()
{
    // The request in flight returns Cancelled; queued ones are skipped. One blocked in
    // ssh_connect finishes on the worker thread; the task holds the state it needs.
    m_cancel.cancel();
}

} // namespace SlurmDeck
