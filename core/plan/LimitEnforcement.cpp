// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/LimitEnforcement.h"

#include "plan/SlurmConfig.h"

#include <QObject>

#include <algorithm>

namespace SlurmDeck {

LimitEnforcement LimitEnforcement::of(const Cluster &cluster)
{
    LimitEnforcement enforcement;
    if (!cluster.settings.enforceLimits)
        return enforcement;
    enforcement.cpus = true;
    std::optional<qint64> smallest;
    for (const Host &host : cluster.hostsWithRole(HostRole::Compute)) {
        const DetectedFacts &facts = host.detected;
        const std::optional<qint64> memory = facts.engineMemoryMib ? facts.engineMemoryMib : facts.memoryMib;
        const std::optional<int> cpus = facts.engineCpus ? facts.engineCpus : facts.cpus;
        if (!memory || !cpus || *cpus <= 0) {
            enforcement.unknownHosts << host.name;
            continue;
        }
        const qint64 perCpu = std::max<qint64>(1, realMemoryFor(*memory) / *cpus);
        smallest = smallest ? std::min(*smallest, perCpu) : perCpu;
    }
    enforcement.memory = smallest.has_value() && enforcement.unknownHosts.isEmpty();
    enforcement.defaultMbPerCpu = enforcement.memory ? smallest.value_or(0) : 0;
    return enforcement;
}

QString LimitEnforcement::note(const Cluster &cluster) const
{
    const QList<Host> compute = cluster.hostsWithRole(HostRole::Compute);
    if (compute.isEmpty())
        return {};
    if (!cluster.settings.enforceLimits) {
        return QObject::tr("Limits: a job's CPUs and --mem are scheduled but not enforced on any node "
                           "(settings.enforce_limits: false). Remove that setting to bind each job to its "
                           "CPUs and stop a job over its --mem (OUT_OF_MEMORY); the daemons restart once to "
                           "take it.");
    }
    QStringList nodes;
    for (const Host &host : compute)
        nodes << host.name;
    const QString cpuText = QObject::tr("Limits on %1: each job's tasks are bound to the CPUs it was given.")
                                .arg(nodes.join(u", "));
    if (!memory) {
        return cpuText + u' ' +
               QObject::tr("Memory is not enforced: the memory or CPUs of %1 are not known. Fingerprint them "
                           "again (Hosts > Discover, or slurmdeck-cli discover).")
                   .arg(unknownHosts.join(u", "));
    }
    return cpuText + u' ' +
           QObject::tr("A job over its --mem is stopped by Slurm's sampler every %1 s and shown as "
                       "OUT_OF_MEMORY (the Slurm containers have no cgroup containment, on cgroup v1 and v2 "
                       "engines alike); a spike shorter than that is not caught. A job that asks for no "
                       "memory gets %2 MB per CPU. Set settings.enforce_limits: false to schedule without "
                       "enforcing.")
               .arg(sampleSeconds)
               .arg(defaultMbPerCpu);
}

} // namespace SlurmDeck
