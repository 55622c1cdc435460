// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/PlannedFiles.h"

#include "plan/ClusterPlanner.h"

namespace SlurmDeck::PlannedFiles {

Result<ClusterPlan> withoutSecrets(const Cluster &cluster, const ClusterPlan &located)
{
    PlanInputs inputs;
    inputs.mungeKey = QByteArray(1024, '\0'); // placeholders: their files are dropped below
    inputs.databasePassword = QByteArrayLiteral("placeholder");
    for (const HostPlan &host : located.hosts)
        inputs.networkAddresses.insert(host.hostName, host.networkAddress);
    Result<ClusterPlan> plan = ClusterPlanner().plan(cluster, inputs);
    if (!plan)
        return plan.error();
    for (HostPlan &host : plan->hosts) {
        host.files.removeIf([](const RenderedFile &file) { return file.secret; });
        // Where the host really is reached: the located plan's SSH address.
        for (const HostPlan &where : located.hosts) {
            if (where.hostName == host.hostName)
                host.address = where.address;
        }
    }
    return plan;
}

} // namespace SlurmDeck::PlannedFiles
