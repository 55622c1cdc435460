// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"
#include "ssh/SshTarget.h"

#include <QString>

namespace SlurmDeck {

// A host's SSH key as a first contact sees it, before anything is trusted or sent.
struct HostKeyReading
{
    enum class State {
        New,     // not in any known_hosts: the user decides
        Known,   // already trusted (known_hosts)
        Changed, // differs from the recorded key: refused
        Failed,  // no key read (unreachable, ...)
    };
    QString target;
    State state = State::Failed;
    HostKeyInfo key;
    QString message; // why it failed or was refused
};

// Connects to `target` with `ssh`'s settings and no prompt and no credentials: an unknown
// key ends the handshake before any credential is sent; a known one may go on to a login
// that runs nothing. Blocking (SSH): call it off the GUI thread.
[[nodiscard]] HostKeyReading readHostKey(const QString &target, SshTarget ssh);

} // namespace SlurmDeck
