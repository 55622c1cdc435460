// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/KeychainCredentialPrompt.h"

namespace SlurmDeck {

// Asks for a passphrase or password on the controlling terminal (/dev/tty) with echo off,
// and whether to keep it in the OS keychain. Without a terminal (scripts, CI) it answers
// "no secret", so the login fails with a message instead of hanging.
class TerminalSecretAsker final : public SecretAsker
{
public:
    void askUser(const CredentialRequest &request,
                 std::function<void(std::optional<SecretAnswer>)> answer) override;
};

} // namespace SlurmDeck
