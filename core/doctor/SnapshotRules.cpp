// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/SnapshotRules.h"

#include <QObject>

#include <algorithm>

namespace SlurmDeck::SnapshotRules {

namespace {

QString stateEvidence(const SlurmNode &node)
{
    QString text = QObject::tr("state %1").arg(node.stateText());
    if (!node.reason.isEmpty()) {
        text += QObject::tr(", reason \"%1\"").arg(node.reason);
        if (!node.reasonUser.isEmpty())
            text +=
                QObject::tr(" (set by %1%2)")
                    .arg(node.reasonUser, node.reasonTime.isValid()
                                              ? QStringLiteral(" at ") + node.reasonTime.toString(Qt::ISODate)
                                              : QString());
    }
    return text;
}

bool isUnavailable(const SlurmNode &node)
{
    return node.state == u"DOWN" || node.state == u"UNKNOWN" || node.hasFlag(QStringLiteral("DRAIN")) ||
           node.hasFlag(QStringLiteral("NOT_RESPONDING")) || node.hasFlag(QStringLiteral("INVALID_REG")) ||
           node.state.startsWith(QLatin1String("INVAL"));
}

// Slurm's registration check: "Low RealMemory (reported:3934 < 100.00% of configured:4000)",
// "Low CPUs", "Low socket*core*thread count", or the INVALID_REG flag.
bool isTooSmall(const SlurmNode &node)
{
    return node.reason.startsWith(QLatin1String("Low ")) || node.hasFlag(QStringLiteral("INVALID_REG")) ||
           node.state.startsWith(QLatin1String("INVAL"));
}

Finding nodeFinding(const SlurmNode &node)
{
    Finding finding;
    finding.host = node.name;
    finding.node = node.name;
    finding.evidence = stateEvidence(node);
    if (isTooSmall(node)) {
        finding.rule = QStringLiteral("node-size");
        finding.cause =
            QObject::tr("%1 is configured with more memory or CPUs than slurmd finds there (a Docker "
                        "VM smaller than the machine, e.g. on a Mac), so Slurm refuses it.")
                .arg(node.name);
        finding.fix =
            QObject::tr("slurmdeck-cli doctor --fix reads %1's figures from its engine into the "
                        "cluster file, deploys and resumes the node. By hand: set its detected cpus "
                        "and memory_mib to what slurmd reports (slurmd -C on %1), then slurmdeck-cli "
                        "deploy, then slurmdeck-cli nodes resume %1")
                .arg(node.name);
        finding.autoFix = Finding::AutoFix::Replan;
    } else if (node.hasFlag(QStringLiteral("NOT_RESPONDING"))) {
        finding.rule = QStringLiteral("node-not-responding");
        finding.cause =
            QObject::tr("slurmctld hears nothing from slurmd on %1: its container is stopped or "
                        "restarting, the host is unreachable, or port 6818 is blocked between them.")
                .arg(node.name);
        finding.fix =
            QObject::tr("slurmdeck-cli services %1 (is slurmd running? its log: slurmdeck-cli services "
                        "%1 logs slurmd), then slurmdeck-cli nodes start %1")
                .arg(node.name);
    } else {
        const bool down = node.state == u"DOWN";
        finding.rule = down ? QStringLiteral("node-down") : QStringLiteral("node-drained");
        finding.severity = down ? Finding::Severity::Error : Finding::Severity::Warning;
        finding.cause = down ? QObject::tr("%1 is down: Slurm runs nothing there.").arg(node.name)
                             : QObject::tr("%1 is drained: Slurm starts no new job there.").arg(node.name);
        finding.fix =
            QObject::tr("Once the reason is dealt with: slurmdeck-cli nodes resume %1").arg(node.name);
    }
    return finding;
}

// The CPUs and GPUs a pending job asks for on each node.
std::pair<int, int> perNode(const SlurmJob &job)
{
    const int nodes = std::max(1, job.nodeCount);
    return {(job.cpus + nodes - 1) / nodes, (job.gpus + nodes - 1) / nodes};
}

QString jobName(const SlurmJob &job)
{
    return job.name.isEmpty() ? job.id : QStringLiteral("%1 (%2)").arg(job.id, job.name);
}

std::optional<Finding> pendingJobFinding(const SlurmJob &job, const ClusterSnapshot &snapshot)
{
    const auto partition = std::find_if(snapshot.partitions.cbegin(), snapshot.partitions.cend(),
                                        [&](const SlurmPartition &p) { return p.name == job.partition; });
    Finding finding;
    finding.severity = Finding::Severity::Warning;
    finding.evidence = QObject::tr("pending, reason \"%1\"").arg(job.reason);
    const QString cancel = QObject::tr("slurmdeck-cli jobs cancel %1").arg(job.jobId);
    if (partition != snapshot.partitions.cend() && partition->state != u"UP" &&
        (job.reason.startsWith(QLatin1String("PartitionDown")) ||
         job.reason.startsWith(QLatin1String("PartitionInactive")))) {
        finding.rule = QStringLiteral("job-partition-down");
        finding.cause = QObject::tr("Job %1 waits for partition %2, which is %3: it starts only when the "
                                    "partition is up again.")
                            .arg(jobName(job), partition->name, partition->state);
        finding.fix = QObject::tr("Set partition %1 up (scontrol update PartitionName=%1 State=UP on the "
                                  "controller), or: %2")
                          .arg(partition->name, cancel);
        return finding;
    }
    if (partition != snapshot.partitions.cend() && job.nodeCount <= partition->totalNodes) {
        const auto [cpus, gpus] = perNode(job);
        int largestCpus = 0;
        int largestGpus = 0;
        bool fits = false;
        for (const SlurmNode &node : snapshot.nodes) {
            if (!node.partitions.contains(partition->name))
                continue;
            largestCpus = std::max(largestCpus, node.cpusTotal);
            largestGpus = std::max(largestGpus, node.gpusTotal);
            fits = fits || (node.cpusTotal >= cpus && node.gpusTotal >= gpus);
        }
        if (!fits) {
            finding.rule = QStringLiteral("job-too-large");
            finding.cause =
                QObject::tr("Job %1 asks for %2 CPUs and %3 GPUs per node; no node of partition %4 "
                            "has that (the most: %5 CPUs, %6 GPUs). It will never start.")
                    .arg(jobName(job))
                    .arg(cpus)
                    .arg(gpus)
                    .arg(partition->name)
                    .arg(largestCpus)
                    .arg(largestGpus);
            finding.fix = QObject::tr("%1, then submit it smaller").arg(cancel);
            return finding;
        }
    }
    if (job.reason.startsWith(QLatin1String("ReqNodeNotAvail"))) {
        const qsizetype at = job.reason.indexOf(QLatin1String("UnavailableNodes:"));
        const QString nodes = at < 0 ? QString() : job.reason.mid(at + 17).trimmed();
        finding.rule = QStringLiteral("job-waits-for-unavailable-nodes");
        finding.node = nodes;
        finding.cause =
            QObject::tr("Job %1 can run only on nodes that are down, drained or not responding%2: "
                        "it waits until they are back.")
                .arg(jobName(job), nodes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(nodes));
        finding.fix = QObject::tr("Bring %1 back (see its finding), or: %2")
                          .arg(nodes.isEmpty() ? QObject::tr("the nodes") : nodes, cancel);
        return finding;
    }
    return std::nullopt;
}

} // namespace

QList<Finding> diagnose(const ClusterSnapshot &snapshot, bool hasAccounting)
{
    QList<Finding> findings;
    if (!snapshot.ssh.ok || !snapshot.controller.ok) {
        const SourceHealth &source = !snapshot.ssh.ok ? snapshot.ssh : snapshot.controller;
        Finding finding;
        finding.rule =
            !snapshot.ssh.ok ? QStringLiteral("controller-unreachable") : QStringLiteral("slurmctld-silent");
        finding.cause = !snapshot.ssh.ok
                            ? QObject::tr("SlurmDeck cannot reach the controller host over SSH, so "
                                          "nothing else can be checked.")
                            : QObject::tr("slurmctld does not answer: no job can be submitted or "
                                          "scheduled.");
        finding.evidence = source.error;
        finding.fix = QObject::tr("slurmdeck-cli services (is the host reachable, does slurmctld run?), then "
                                  "slurmdeck-cli deploy");
        return {finding};
    }
    if (hasAccounting && !snapshot.accounting.ok) {
        Finding finding;
        finding.rule = QStringLiteral("accounting-missing");
        finding.cause =
            QObject::tr("slurmdbd does not answer: finished jobs are not recorded, and history and "
                        "sacct show nothing new.");
        finding.evidence = snapshot.accounting.error;
        finding.fix =
            QObject::tr("slurmdeck-cli services (are mariadb and slurmdbd running? their logs: "
                        "slurmdeck-cli services HOST logs slurmdbd), then slurmdeck-cli services HOST "
                        "start slurmdbd");
        findings << finding;
    }
    QList<SlurmNode> nodes = snapshot.nodes;
    std::sort(nodes.begin(), nodes.end(),
              [](const SlurmNode &a, const SlurmNode &b) { return a.name < b.name; });
    for (const SlurmNode &node : std::as_const(nodes)) {
        if (isUnavailable(node) || isTooSmall(node))
            findings << nodeFinding(node);
    }
    QList<SlurmJob> jobs = snapshot.jobs;
    std::sort(jobs.begin(), jobs.end(),
              [](const SlurmJob &a, const SlurmJob &b) { return a.jobId < b.jobId; });
    for (const SlurmJob &job : std::as_const(jobs)) {
        if (job.state != u"PENDING")
            continue;
        if (std::optional<Finding> finding = pendingJobFinding(job, snapshot))
            findings << *finding;
    }
    return findings;
}

} // namespace SlurmDeck::SnapshotRules
