// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/KeychainCredentialPrompt.h"

#include <QPointer>
#include <QWidget>

namespace SlurmDeck::Ui {

// SecretAsker for the GUI: a SecretDialog over `parent`, never blocking the GUI thread.
// Called on the GUI thread (KeychainCredentialPrompt asks on the thread that created it).
class GuiSecretAsker final : public SecretAsker
{
public:
    explicit GuiSecretAsker(QWidget *parent) : m_parent(parent) {}
    void askUser(const CredentialRequest &request,
                 std::function<void(std::optional<SecretAnswer>)> answer) override;

private:
    QPointer<QWidget> m_parent;
};

} // namespace SlurmDeck::Ui
