// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/Topology.h"

#include "inventory/ClusterRules.h"
#include "plan/ClusterPlanner.h"
#include "plan/PlanInputs.h"
#include "plan/SharedMounts.h"

#include <QObject>

namespace SlurmDeck {

Result<Topology> Topology::of(const Cluster &cluster, const QHash<QString, QString> &networkAddresses)
{
    if (Result<void> valid = ClusterRules::check(cluster); !valid)
        return valid.error();
    if (cluster.hosts.isEmpty()) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("The cluster has no hosts yet. Discover or add hosts first."));
    }
    if (cluster.hostsWithRole(HostRole::Controller).isEmpty()) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("No host has the controller role. Give one host the controller role "
                                     "(or reset roles to the defaults)."));
    }
    Topology topology;
    topology.clusterName = cluster.name;
    topology.projectName = ClusterPlanner::projectName(cluster);
    topology.slurmImage = PlanInputs().slurmImageFor(cluster);
    for (const ClusterUser &user : ClusterUsers::effective(cluster))
        topology.users << user.name;
    for (const Host &host : cluster.hosts) {
        HostPlan plan;
        plan.hostName = host.name;
        plan.address = host.address;
        plan.networkAddress = networkAddresses.value(host.name, host.address);
        plan.platform =
            host.effectivePlatform() == Platform::Unknown ? Platform::Linux : host.effectivePlatform();
        plan.directory = ClusterPlanner::projectDirectory(cluster, host);
        plan.profiles = ClusterPlanner::profilesFor(host, false);
        plan.services = ClusterPlanner::servicesFor(host, false);
        QStringList composeFiles{QStringLiteral("compose.yml"), QStringLiteral("compose.override.yml")};
        if (host.detected.hasGpu() && host.hasRole(HostRole::Compute))
            composeFiles << QStringLiteral("compose.gpu.yml");
        if (!SharedMounts::servicesMounting(plan.services).isEmpty()) {
            plan.sharedMounts = SharedMounts::of(cluster, host.name);
            if (!plan.sharedMounts.isEmpty())
                composeFiles << SharedMounts::composeFileName();
        }
        plan.project = ComposeProject{topology.projectName, plan.directory, composeFiles, plan.profiles};
        if (plan.services.contains(QStringLiteral("slurmctld")) && topology.controllerHost.isEmpty())
            topology.controllerHost = host.name;
        if (plan.services.contains(QStringLiteral("prometheus")) && topology.prometheusHost.isEmpty())
            topology.prometheusHost = host.name;
        topology.accounting = topology.accounting || plan.services.contains(QStringLiteral("slurmdbd"));
        topology.hosts << plan;
    }
    return topology;
}

const HostPlan *Topology::host(const QString &name) const
{
    for (const HostPlan &candidate : hosts) {
        if (candidate.hostName == name)
            return &candidate;
    }
    return nullptr;
}

ClusterPlan Topology::withoutFiles() const
{
    ClusterPlan plan;
    plan.clusterName = clusterName;
    plan.projectName = projectName;
    plan.hosts = hosts;
    plan.users = users;
    const PlanInputs images; // the images every plan uses
    plan.slurmImage = slurmImage;
    plan.monitoringImage = images.monitoringImage;
    plan.databaseImage = images.databaseImage;
    return plan;
}

} // namespace SlurmDeck
