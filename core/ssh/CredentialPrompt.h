// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace SlurmDeck {

struct CredentialRequest
{
    enum class Kind {
        KeyPassphrase,
        Password
    };
    Kind kind = Kind::Password;
    QString target;  // user@host, for the question
    QString keyFile; // for KeyPassphrase, when known
    QString prompt;  // libssh's own question, e.g. naming the key file

    // A stable name for this secret in the keychain: "passphrase:/path/key" or
    // "password:user@host". SshConnection always names the key file of a passphrase.
    [[nodiscard]] QString keychainKey() const
    {
        if (kind == Kind::Password)
            return QStringLiteral("password:") + target;
        return QStringLiteral("passphrase:") + (keyFile.isEmpty() ? prompt.trimmed() : keyFile);
    }
};

// How the core asks for a key passphrase or a password. Called on a worker thread; answer
// with std::nullopt when the user declines. Implementations decide whether to look in the
// OS keychain first and whether to remember the answer there; secrets never reach logs.
class CredentialPrompt
{
public:
    virtual ~CredentialPrompt() = default;
    virtual void askForSecret(const CredentialRequest &request,
                              std::function<void(std::optional<QString>)> answer) = 0;
    // The secret given for `request` did not work (a wrong passphrase, a refused password):
    // an implementation that stored it removes it, so the next ask goes to the user.
    virtual void forgetSecret(const CredentialRequest &request) { Q_UNUSED(request); }
};

} // namespace SlurmDeck
