// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace SlurmDeck {

// An IPv4 subnet to scan for SSH servers.
struct Subnet
{
    QHostAddress network;
    int prefixLength = 24;

    [[nodiscard]] QString toString() const;
    // The usable host addresses: without the network and broadcast addresses for
    // prefixes up to /30; /31 and /32 as they are.
    [[nodiscard]] QList<QHostAddress> hostAddresses() const;
    [[nodiscard]] quint32 hostCount() const;
};

// Scanning more than this many addresses at once is refused: a /20 is already 4094 probes.
inline constexpr int smallestScannablePrefix = 20;

// Parses "192.168.1.0/24" (also "192.168.1.17/24", normalised to the network, and a bare
// address as /32). IPv4 only.
[[nodiscard]] Result<Subnet> parseSubnet(const QString &text);

// The subnets of this machine's up, non-loopback IPv4 interfaces; an interface on a larger
// network contributes the /24 around its address (scanning a /16 is rarely what a user wants).
[[nodiscard]] QList<Subnet> localSubnets();

} // namespace SlurmDeck
