// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveryMerge.h"

#include "discovery/DiscoveryToCluster.h"
#include "inventory/ClusterDocument.h"

namespace SlurmDeck {

namespace {

const Host *hostAt(const ClusterDocument &document, const DiscoveredHost &found)
{
    for (const Host &host : document.hosts()) {
        if (host.address == found.target || (!found.address.isEmpty() && host.address == found.address))
            return &host;
    }
    return nullptr;
}

bool nameTaken(const ClusterDocument &document, const QString &name)
{
    for (const Host &host : document.hosts()) {
        if (host.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

Result<MergeOutcome> mergeDiscoveredHosts(ClusterDocument &document, const QList<DiscoveredHost> &found,
                                          const SshTarget &login, HostRoles roles)
{
    const bool hadController = document.hasController();
    MergeOutcome outcome;
    QList<DiscoveredHost> fresh;
    for (const DiscoveredHost &host : found) {
        if (!host.ok())
            continue;
        if (const Host *existing = hostAt(document, host)) {
            Host updated = *existing;
            updated.detected = detectedFacts(*host.fingerprint);
            if (Result<void> set = document.setHost(existing->name, updated); !set)
                return set.error();
            outcome.refreshed.append(updated.name);
        } else {
            fresh.append(host);
        }
    }

    QList<Host> added = clusterFromDiscovery(document.cluster().name, fresh, login).hosts;
    QStringList taken;
    for (Host &host : added) {
        const QString base = host.name;
        for (int suffix = 2; nameTaken(document, host.name) || taken.contains(host.name, Qt::CaseInsensitive);
             ++suffix)
            host.name = base + u'-' + QString::number(suffix);
        taken.append(host.name);
        host.roles = roles;
        outcome.added.append(host.name);
    }
    if (Result<void> appended = document.addHosts(added); !appended)
        return appended.error();
    if (!hadController && !document.hosts().isEmpty())
        document.resetRolesToDefaults();
    return outcome;
}

} // namespace SlurmDeck
