// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/CredentialPrompt.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace SlurmDeck {

class SecretStore;

// What the user typed, and whether SlurmDeck may keep it in the OS keychain.
struct SecretAnswer
{
    QString secret;
    bool remember = false;
};

// Asks the user for a passphrase or password: a dialog in the GUI, the terminal in the CLI,
// a script in tests. Called on the thread the KeychainCredentialPrompt was created on.
class SecretAsker
{
public:
    virtual ~SecretAsker() = default;
    virtual void askUser(const CredentialRequest &request,
                         std::function<void(std::optional<SecretAnswer>)> answer) = 0;
};

// A CredentialPrompt that looks in the OS keychain first, asks the user only when nothing
// is stored, and stores the answer when the user agrees: a key's passphrase is asked once.
// Created on a thread with an event loop (the GUI or CLI main thread); askForSecret() may be
// called from any worker thread.
class KeychainCredentialPrompt final : public CredentialPrompt
{
public:
    KeychainCredentialPrompt(const QString &keychainService, std::shared_ptr<SecretAsker> asker);
    ~KeychainCredentialPrompt() override;
    KeychainCredentialPrompt(const KeychainCredentialPrompt &) = delete;
    KeychainCredentialPrompt &operator=(const KeychainCredentialPrompt &) = delete;

    void askForSecret(const CredentialRequest &request,
                      std::function<void(std::optional<QString>)> answer) override;
    void forgetSecret(const CredentialRequest &request) override;

private:
    SecretStore *m_store; // lives on the creating thread; deleted with deleteLater()
    std::shared_ptr<SecretAsker> m_asker;
};

} // namespace SlurmDeck
