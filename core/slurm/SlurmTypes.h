// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What SlurmDeck knows about a running Slurm cluster: nodes, partitions, jobs, and how
// fresh each part is. Plain values, filled by the parsers in SlurmQueries and carried by
// SlurmMonitor's snapshots to the CLI and the GUI models.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// "22.05.8" -> {22, 5, 8}. Parsers take it where output differs between versions.
struct SlurmVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    [[nodiscard]] bool isKnown() const { return major > 0; }
    [[nodiscard]] QString toString() const
    {
        return QStringLiteral("%1.%2.%3").arg(major).arg(minor, 2, 10, QLatin1Char('0')).arg(patch);
    }
    friend auto operator<=>(const SlurmVersion &, const SlurmVersion &) = default;
};

struct SlurmNode
{
    QString name;
    QString address;   // NodeAddr
    QString state;     // base state, upper case as Slurm prints it: IDLE, ALLOCATED, MIXED, DOWN, ...
    QStringList flags; // DRAIN, NOT_RESPONDING, COMPLETING, RESERVED, POWERED_DOWN, ...
    QStringList partitions;
    int cpusTotal = 0;
    int cpusAllocated = 0;
    qint64 memoryTotalMb = 0;
    qint64 memoryAllocatedMb = 0;
    qint64 memoryFreeMb = -1; // -1: not reported
    double cpuLoad = -1;      // -1: not reported
    QString gres;             // configured, e.g. "gpu:rtx3090:1"
    QString gresUsed;         // e.g. "gpu:rtx3090:1(IDX:0)"
    int gpusTotal = 0;
    int gpusAllocated = 0;
    QString reason; // why it is down/drained
    QString reasonUser;
    QDateTime reasonTime;

    [[nodiscard]] bool hasFlag(const QString &flag) const { return flags.contains(flag); }
    // "IDLE+DRAIN", "DOWN+NOT_RESPONDING": what sinfo's long state shows.
    [[nodiscard]] QString stateText() const
    {
        return flags.isEmpty() ? state : state + u'+' + flags.join(u'+');
    }
    friend bool operator==(const SlurmNode &, const SlurmNode &) = default;
};

struct SlurmPartition
{
    QString name;
    bool isDefault = false;
    QString state;     // UP, DOWN, DRAIN, INACTIVE
    QStringList nodes; // expanded node names
    int totalCpus = 0;
    int totalNodes = 0;
    qint64 maxTimeMinutes = -1;     // -1: UNLIMITED
    qint64 maxMemoryPerNodeMb = -1; // -1: UNLIMITED

    friend bool operator==(const SlurmPartition &, const SlurmPartition &) = default;
};

// A job in the queue (squeue) or in the accounting history (sacct).
struct SlurmJob
{
    QString id;       // as Slurm shows it: "42", "42_3" (array task), "42+1" (het job)
    qint64 jobId = 0; // the unique numeric id actions use
    QString name;
    QString user;
    QString account;
    QString partition;
    QString state;    // PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
    QString reason;   // pending reason ("Resources", "Priority", ...), or "None"
    QString nodeList; // compressed host list expression, e.g. "node[1-3]"
    int nodeCount = 0;
    int cpus = 0;
    int gpus = 0;
    qint64 timeUsedSeconds = 0;
    qint64 timeLimitMinutes = -1; // -1: UNLIMITED / not set
    QDateTime submitTime;
    QDateTime startTime;
    QDateTime endTime;
    QString exitCode; // "0:0" (sacct) or empty
    QString workDir;
    QString stdOut;
    QString stdErr;

    friend bool operator==(const SlurmJob &, const SlurmJob &) = default;
};

// Everything `scontrol show job -d ID` tells beyond the queue line.
struct SlurmJobDetails
{
    SlurmJob job;
    QString command; // the batch script's path, or the command
    QString batchHost;
    // The job's owner as numbers (scontrol's UserId=alice(1000) GroupId=alice(1000)): files
    // of the job are read as them, never as root.
    std::optional<qint64> userId;
    std::optional<qint64> groupId;
    QString tres;            // "cpu=4,mem=8G,node=1,billing=4,gres/gpu=1"
    QStringList gpuIndices;  // per node "node1: 0,1"
    QString reasonExplained; // readable explanation of `job.reason`
};

// One source of live state and whether it answered the last time it was asked.
struct SourceHealth
{
    QString name; // "ssh", "slurmctld", "slurmdbd"
    bool ok = false;
    QString error;         // the last failure, what to do next
    QDateTime lastSuccess; // invalid: never
    QDateTime lastAttempt;

    // Milliseconds since it last answered, or -1 if it never did.
    [[nodiscard]] qint64 ageMs(const QDateTime &now) const
    {
        return lastSuccess.isValid() ? lastSuccess.msecsTo(now) : -1;
    }
    friend bool operator==(const SourceHealth &, const SourceHealth &) = default;
};

// What the monitor knows at one moment. When a source fails, its part keeps the last known
// state and the source is marked unhealthy with the age of that state.
struct ClusterSnapshot
{
    QDateTime takenAt; // when the nodes/jobs below were last read successfully
    SlurmVersion version;
    QList<SlurmNode> nodes;
    QList<SlurmPartition> partitions;
    QList<SlurmJob> jobs; // the queue
    SourceHealth ssh{QStringLiteral("ssh"), false, {}, {}, {}};
    SourceHealth controller{QStringLiteral("slurmctld"), false, {}, {}, {}};
    SourceHealth accounting{QStringLiteral("slurmdbd"), false, {}, {}, {}};

    [[nodiscard]] bool isStale() const { return !ssh.ok || !controller.ok; }
};

} // namespace SlurmDeck

Q_DECLARE_METATYPE(SlurmDeck::ClusterSnapshot)
