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

} // namespace SlurmDeck::Ui
