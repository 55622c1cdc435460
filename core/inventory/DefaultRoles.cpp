// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/DefaultRoles.h"

#include <algorithm>

namespace SlurmDeck {

namespace {

qsizetype pickServiceHost(const QList<Host> &hosts)
{
    const auto isLinux = [](const Host &host) { return host.effectivePlatform() == Platform::Linux; };
    const auto first = [&hosts](auto predicate) -> qsizetype {
        const auto it = std::find_if(hosts.cbegin(), hosts.cend(), predicate);
        return it == hosts.cend() ? -1 : it - hosts.cbegin();
    };
    if (const qsizetype gpuLinux = first([&](const Host &h) { return isLinux(h) && h.detected.hasGpu(); });
        gpuLinux >= 0)
        return gpuLinux;
    if (const qsizetype anyLinux = first(isLinux); anyLinux >= 0)
        return anyLinux;
    return 0;
}

} // namespace

void assignDefaultRoles(Cluster &cluster)
{
    cluster.partitions.clear();
    if (cluster.hosts.isEmpty())
        return;

    const qsizetype serviceHost = pickServiceHost(cluster.hosts);
    QStringList gpuHosts;
    for (qsizetype i = 0; i < cluster.hosts.size(); ++i) {
        Host &host = cluster.hosts[i];
        host.roles = HostRole::Compute;
        if (i == serviceHost)
            host.roles |= HostRole::Controller | HostRole::Database | HostRole::Monitoring;
        if (host.detected.hasGpu())
            gpuHosts.append(host.name);
    }

    cluster.partitions.append({QStringLiteral("main"), {Partition::allNodesKeyword()}, true, {}});
    if (!gpuHosts.isEmpty())
        cluster.partitions.append({QStringLiteral("gpu"), gpuHosts, false, {}});
}

} // namespace SlurmDeck
