// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/DetectedFacts.h"
#include "inventory/HostRole.h"
#include "inventory/Platform.h"

#include <QString>

namespace SlurmDeck {

// One machine of the cluster, as the cluster file describes it.
struct Host final
{
    static constexpr int defaultSshPort = 22;

    QString name;    // unique; becomes the Slurm NodeName, so [A-Za-z0-9-]+
    QString address; // IP, DNS name or an ~/.ssh/config alias
    QString user;    // empty: ssh's default (~/.ssh/config or the local user)
    int port = defaultSshPort;
    QString identity;                              // private key file; empty: ssh's default
    Platform platformOverride = Platform::Unknown; // Unknown: no override
    HostRoles roles;
    DetectedFacts detected;

    // The override if set, else what fingerprinting detected, else Unknown.
    [[nodiscard]] Platform effectivePlatform() const;
    [[nodiscard]] bool hasRole(HostRole role) const { return roles.testFlag(role); }

    // Whether `name` can be a Slurm NodeName ([A-Za-z0-9-]+).
    [[nodiscard]] static bool isValidName(const QString &name);

    bool operator==(const Host &) const = default;
};

} // namespace SlurmDeck
