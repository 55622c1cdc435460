// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Made-up but plausible cluster state for the Nodes/Jobs tests and the model benchmark:
// N nodes ("node0001"…, every 8th with GPUs, a few drained or down) and M jobs of four
// users in two partitions, and churn(): the next poll with a given fraction of rows changed.
#include "slurm/SlurmTypes.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <functional>

namespace SlurmDeck::Testing {

inline QString nodeName(int i)
{
    return QStringLiteral("node%1").arg(i, 4, 10, QLatin1Char('0'));
}

inline SlurmNode syntheticNode(int i)
{
    SlurmNode node;
    node.name = nodeName(i);
    node.address = QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1);
    const bool gpu = i % 8 == 0;
    node.state = i % 3 == 0   ? QStringLiteral("IDLE")
                 : i % 3 == 1 ? QStringLiteral("MIXED")
                              : QStringLiteral("ALLOCATED");
    if (i % 50 == 7) {
        node.flags = {QStringLiteral("DRAIN")};
        node.reason = QStringLiteral("disk check");
        node.reasonUser = QStringLiteral("root");
    } else if (i % 97 == 5) {
        node.state = QStringLiteral("DOWN");
        node.flags = {QStringLiteral("NOT_RESPONDING")};
        node.reason = QStringLiteral("Not responding");
    }
    node.partitions = gpu ? QStringList{QStringLiteral("gpu"), QStringLiteral("main")}
                          : QStringList{QStringLiteral("main")};
    node.cpusTotal = 32;
    node.cpusAllocated = node.state == QLatin1StringView("IDLE")    ? 0
                         : node.state == QLatin1StringView("MIXED") ? 16
                                                                    : 32;
    node.memoryTotalMb = 128000;
    node.memoryAllocatedMb = node.cpusAllocated * 4000;
    node.memoryFreeMb = 128000 - node.memoryAllocatedMb;
    node.cpuLoad = node.cpusAllocated * 0.9;
    if (gpu) {
        node.gres = QStringLiteral("gpu:a100:4");
        node.gpusTotal = 4;
        node.gpusAllocated = node.cpusAllocated / 8;
        node.gresUsed = QStringLiteral("gpu:a100:%1(IDX:0-%2)")
                            .arg(node.gpusAllocated)
                            .arg(std::max(0, node.gpusAllocated - 1));
    }
    return node;
}

inline SlurmJob syntheticJob(int id, int nodes = 1000)
{
    static const QStringList users{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                   QStringLiteral("dave")};
    SlurmJob job;
    job.jobId = id;
    job.id = QString::number(id);
    job.name = QStringLiteral("train-%1").arg(id % 37);
    job.user = users.at(id % users.size());
    job.account = QStringLiteral("research");
    job.partition = id % 5 == 0 ? QStringLiteral("gpu") : QStringLiteral("main");
    const bool running = id % 3 != 0;
    job.state = running ? QStringLiteral("RUNNING") : QStringLiteral("PENDING");
    job.reason = running ? QStringLiteral("None")
                         : (id % 9 == 0 ? QStringLiteral("Priority") : QStringLiteral("Resources"));
    job.nodeCount = 1 + id % 2;
    job.nodeList = running ? nodeName(id % std::max(1, nodes)) : QString();
    job.cpus = 4 * job.nodeCount;
    job.gpus = job.partition == QLatin1StringView("gpu") ? 1 : 0;
    job.timeUsedSeconds = running ? (id * 37) % 7200 : 0;
    job.timeLimitMinutes = 240;
    job.submitTime = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(id);
    job.startTime = running ? job.submitTime.addSecs(60) : QDateTime();
    job.workDir = QStringLiteral("/home/%1/runs").arg(job.user);
    job.stdOut = QStringLiteral("/home/%1/runs/slurm-%2.out").arg(job.user).arg(id);
    job.stdErr = job.stdOut;
    return job;
}

inline ClusterSnapshot syntheticSnapshot(int nodes, int jobs,
                                         const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    ClusterSnapshot snapshot;
    snapshot.takenAt = at;
    snapshot.version = SlurmVersion{22, 5, 8};
    for (SourceHealth *source : {&snapshot.ssh, &snapshot.controller, &snapshot.accounting}) {
        source->ok = true;
        source->lastSuccess = at;
        source->lastAttempt = at;
    }
    snapshot.nodes.reserve(nodes);
    for (int i = 1; i <= nodes; ++i)
        snapshot.nodes << syntheticNode(i);
    snapshot.jobs.reserve(jobs);
    for (int id = 1000; id < 1000 + jobs; ++id)
        snapshot.jobs << syntheticJob(id, nodes);
    SlurmPartition main;
    main.name = QStringLiteral("main");
    main.isDefault = true;
    SlurmPartition gpu;
    gpu.name = QStringLiteral("gpu");
    snapshot.partitions = {main, gpu};
    return snapshot;
}

// What churn() did, to check models against.
struct Churn
{
    QStringList changedNodes;
    QStringList changedJobs;
    QStringList removedJobs;
    QStringList addedJobs;
};

// The next poll: `fraction` of the nodes change in place (state, load, allocation) and
// `fraction` of the jobs change: half in place (state or time), a quarter leave the queue,
// a quarter arrive (new ids from `nextJobId`). Rows named in `keep` never leave.
inline Churn churn(ClusterSnapshot &snapshot, double fraction, quint32 seed, int &nextJobId,
                   const QStringList &keep = {})
{
    QRandomGenerator random(seed);
    Churn done;
    snapshot.takenAt = snapshot.takenAt.addSecs(5);
    for (SourceHealth *source : {&snapshot.ssh, &snapshot.controller, &snapshot.accounting})
        source->lastSuccess = source->lastAttempt = snapshot.takenAt;

    const int nodeChanges = static_cast<int>(snapshot.nodes.size() * fraction);
    QSet<int> picked;
    while (picked.size() < nodeChanges)
        picked.insert(random.bounded(static_cast<int>(snapshot.nodes.size())));
    for (int i : std::as_const(picked)) {
        SlurmNode &node = snapshot.nodes[i];
        node.cpuLoad += 0.5;
        node.cpusAllocated = (node.cpusAllocated + 8) % (node.cpusTotal + 1);
        node.state = node.cpusAllocated == 0 ? QStringLiteral("IDLE") : QStringLiteral("MIXED");
        done.changedNodes << node.name;
    }

    const int jobChanges = static_cast<int>(snapshot.jobs.size() * fraction);
    const int inPlace = jobChanges / 2;
    const int leaving = jobChanges / 4;
    const int arriving = jobChanges - inPlace - leaving;
    picked.clear();
    QSet<int> leavers;
    while (picked.size() + leavers.size() < inPlace + leaving) {
        const int i = random.bounded(static_cast<int>(snapshot.jobs.size()));
        if (picked.contains(i) || leavers.contains(i))
            continue;
        if (leavers.size() < leaving && !keep.contains(snapshot.jobs.at(i).id))
            leavers.insert(i);
        else if (picked.size() < inPlace)
            picked.insert(i);
    }
    for (int i : std::as_const(picked)) {
        SlurmJob &job = snapshot.jobs[i];
        if (job.state == QLatin1StringView("PENDING")) {
            job.state = QStringLiteral("RUNNING");
            job.reason = QStringLiteral("None");
            job.nodeList = nodeName(1 + i % 100);
        } else {
            job.timeUsedSeconds += 5;
        }
        done.changedJobs << job.id;
    }
    QList<int> sortedLeavers(leavers.begin(), leavers.end());
    std::sort(sortedLeavers.begin(), sortedLeavers.end(), std::greater<>());
    for (int i : std::as_const(sortedLeavers)) {
        done.removedJobs << snapshot.jobs.at(i).id;
        snapshot.jobs.removeAt(i);
    }
    for (int n = 0; n < arriving; ++n) {
        SlurmJob job = syntheticJob(nextJobId++, static_cast<int>(snapshot.nodes.size()));
        done.addedJobs << job.id;
        snapshot.jobs << job;
    }
    return done;
}

} // namespace SlurmDeck::Testing
