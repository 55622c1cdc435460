// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/Cluster.h"

#include <algorithm>

namespace SlurmDeck {

const Host *Cluster::findHost(const QString &hostName) const
{
    const auto it =
        std::find_if(hosts.cbegin(), hosts.cend(), [&](const Host &host) { return host.name == hostName; });
    return it == hosts.cend() ? nullptr : &*it;
}

Host *Cluster::findHost(const QString &hostName)
{
    const auto it =
        std::find_if(hosts.begin(), hosts.end(), [&](const Host &host) { return host.name == hostName; });
    return it == hosts.end() ? nullptr : &*it;
}

QList<Host> Cluster::hostsWithRole(HostRole role) const
{
    QList<Host> result;
    std::copy_if(hosts.cbegin(), hosts.cend(), std::back_inserter(result),
                 [role](const Host &host) { return host.hasRole(role); });
    return result;
}

QString Cluster::keychainService() const
{
    return settings.keychainService.isEmpty() ? QStringLiteral("slurmdeck/") + name
                                              : settings.keychainService;
}

} // namespace SlurmDeck
