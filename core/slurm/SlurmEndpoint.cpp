// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SlurmEndpoint.h"

#include <QObject>

namespace SlurmDeck {

Result<SlurmEndpoint> SlurmEndpoint::fromPlan(const ClusterPlan &plan,
                                              const QHash<QString, SshTarget> &targets)
{
    SlurmEndpoint endpoint;
    endpoint.clusterName = plan.clusterName;
    endpoint.projectName = plan.projectName;
    endpoint.users = plan.users;
    for (HostPlan host : plan.hosts) {
        host.files.clear(); // the munge key and the database password stay out of the monitor
        if (host.services.contains(QStringLiteral("slurmctld")) && endpoint.controllerHost.isEmpty())
            endpoint.controllerHost = host.hostName;
        if (host.services.contains(QStringLiteral("slurmdbd")))
            endpoint.accounting = true;
        endpoint.hosts << host;
    }
    if (endpoint.controllerHost.isEmpty()) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("No host of the cluster %1 runs slurmctld. Give one host the controller "
                                     "role in the cluster file and deploy.")
                             .arg(plan.clusterName));
    }
    if (!targets.contains(endpoint.controllerHost)) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("The controller %1 has no SSH login in the cluster file.")
                             .arg(endpoint.controllerHost));
    }
    endpoint.targets = targets;
    return endpoint;
}

Result<SlurmEndpoint> SlurmEndpoint::fromTopology(const Topology &topology,
                                                  const QHash<QString, SshTarget> &targets)
{
    return fromPlan(topology.withoutFiles(), targets);
}

const HostPlan *SlurmEndpoint::host(const QString &name) const
{
    for (const HostPlan &candidate : hosts) {
        if (candidate.hostName == name)
            return &candidate;
    }
    return nullptr;
}

QString SlurmEndpoint::sharedWorkingDirectory() const
{
    const HostPlan *plan = controller();
    return plan && !plan->sharedMounts.isEmpty() ? plan->sharedMounts.constFirst().mount : QString();
}

} // namespace SlurmDeck
