// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fingerprint/HostFingerprint.h"
#include "ssh/HostKey.h"

#include <QString>

#include <optional>

namespace SlurmDeck {

// What discovery learned about one host, or why it could not.
struct DiscoveredHost
{
    enum class Status {
        Fingerprinted,
        Unreachable,          // no TCP connection / SSH handshake
        HostKeyUnknown,       // the user (or --accept-new-host-keys absent) did not trust it
        HostKeyChanged,       // refused: the recorded key differs
        AuthenticationFailed, // reachable, but no credential was accepted
        ProbeFailed,          // logged in, but the probe did not run or its output is unusable
        Cancelled,
    };

    QString target;  // what the user gave: an address or a ~/.ssh/config alias
    QString address; // where SSH actually connected (config applied)
    QString user;    // who logged in
    int port = 22;
    Status status = Status::Unreachable;
    QString message; // for the user: what happened and what to do next
    HostKeyInfo hostKey;
    std::optional<HostFingerprint> fingerprint;
    std::optional<double> clockOffsetSeconds; // remote minus local

    [[nodiscard]] bool ok() const { return status == Status::Fingerprinted; }
};

// "alice@ws1" -> {"alice", "ws1"}; "ws1" -> {"", "ws1"}: the user a host was named with.
struct UserAtHost
{
    QString user; // empty: the login's default (~/.ssh/config, --user, your name)
    QString host;
};
[[nodiscard]] UserAtHost splitUserAtHost(const QString &target);

[[nodiscard]] QString statusId(DiscoveredHost::Status status); // "ok", "unreachable", ...
[[nodiscard]] QString statusText(DiscoveredHost::Status status);

} // namespace SlurmDeck
