// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "discovery/DiscoveredHost.h"
#include "ssh/SshTarget.h"

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;

// Logs in to one host and runs the fingerprint probe: blocking, for a worker thread.
// Every failure becomes a status with a message; it never throws and never stops others.
[[nodiscard]] DiscoveredHost fingerprintHost(const SshTarget &target, HostKeyPrompt *hostKeyPrompt,
                                             CredentialPrompt *credentialPrompt, const CancelToken &cancel);

} // namespace SlurmDeck
