// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "discovery/Discovery.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace SlurmDeck {

// The options `discover` and `init` share: where to look and how to log in.
class DiscoveryOptions final
{
public:
    DiscoveryOptions();

    void addTo(QCommandLineParser &parser) const;
    // HOSTs are the positional arguments from `firstHostArgument` on. Without hosts and
    // without --subnet, the subnets of this machine's interfaces are scanned.
    [[nodiscard]] Result<DiscoveryRequest> request(const QCommandLineParser &parser,
                                                   int firstHostArgument) const;
    [[nodiscard]] bool acceptNewHostKeys(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_subnet;
    QCommandLineOption m_user;
    QCommandLineOption m_identity;
    QCommandLineOption m_port;
    QCommandLineOption m_sshConfig;
    QCommandLineOption m_acceptNew;
    QCommandLineOption m_timeout;
};

} // namespace SlurmDeck
