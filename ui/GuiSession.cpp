// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiSession.h"

#include "GuiHostKeyPrompt.h"
#include "GuiSecretAsker.h"
#include "session/ClusterSession.h"

namespace SlurmDeck::Ui {

ClusterSession *makeGuiSession(const ClusterDocument *document, QWidget *owner)
{
    auto *session =
        new ClusterSession({}, {}, std::make_shared<GuiHostKeyPrompt>(owner),
                           std::make_shared<KeychainCredentialPrompt>(
                               QStringLiteral("slurmdeck"), std::make_shared<GuiSecretAsker>(owner)),
                           owner);
    session->followDocument(document);
    return session;
}

ViewSession::ViewSession(const ClusterDocument *document, QWidget *owner)
    : m_session(makeGuiSession(document, owner))
{}

void ViewSession::set(ClusterSession *session)
{
    if (m_session == session)
        return;
    if (m_owned)
        delete m_session.data();
    m_owned = false;
    m_session = session;
}

void ViewSession::rejectHostKeyQuestions() const
{
    if (!m_session)
        return;
    if (auto prompt = std::dynamic_pointer_cast<GuiHostKeyPrompt>(m_session->hostKeys()))
        prompt->rejectAll();
}

} // namespace SlurmDeck::Ui
