// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SlurmCliFormat.h"

#include "common/DurationText.h"

#include <QJsonValue>
#include <QMap>

namespace SlurmDeck::SlurmCliFormat {

namespace {

QString cut(const QString &cell, int maxWidth)
{
    QString flat = cell;
    flat.replace(u'\n', u' ');
    if (flat.size() <= maxWidth)
        return flat;
    return flat.left(maxWidth - 1) + QChar(0x2026);
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(qint64 value, qint64 unknown = -1)
{
    return value == unknown ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("-");
}

QString limitText(qint64 minutes)
{
    return minutes < 0 ? QStringLiteral("UNLIMITED") : DurationText::formatElapsed(minutes * 60);
}

QString memoryText(qint64 megabytes)
{
    if (megabytes < 0)
        return QStringLiteral("-");
    if (megabytes >= 10 * 1024)
        return QStringLiteral("%1G").arg(megabytes / 1024);
    return QStringLiteral("%1M").arg(megabytes);
}

QString stateKey(const SlurmNode &node)
{
    if (node.hasFlag(QStringLiteral("DRAIN")))
        return node.state == u"IDLE" || node.state == u"DOWN" ? QStringLiteral("DRAINED")
                                                              : QStringLiteral("DRAINING");
    return node.state;
}

QString countsText(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key().toLower());
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString table(const QStringList &headers, const QList<QStringList> &rows, int maxWidth)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths << header.size();
    QList<QStringList> cells;
    for (const QStringList &row : rows) {
        QStringList cutRow;
        for (qsizetype i = 0; i < headers.size(); ++i) {
            cutRow << cut(row.value(i), i + 1 < headers.size() ? maxWidth : maxWidth * 3);
            widths[i] = std::max(widths[i], cutRow.last().size());
        }
        cells << cutRow;
    }
    const auto line = [&widths](const QStringList &row) -> QString {
        QString text;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                text += row.at(i).leftJustified(widths.at(i)) + QStringLiteral("  ");
            else
                text += row.at(i);
        }
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };
    QString text = line(headers);
    for (const QStringList &row : std::as_const(cells))
        text += line(row);
    return text;
}

QString sourcesTable(const ClusterSnapshot &snapshot, const QDateTime &now)
{
    QList<QStringList> rows;
    for (const SourceHealth *source : {&snapshot.ssh, &snapshot.controller, &snapshot.accounting}) {
        const qint64 age = source->ageMs(now);
        rows << QStringList{source->name, source->ok ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                            age < 0 ? QStringLiteral("never")
                                    : DurationText::formatAge(age) + QStringLiteral(" ago"),
                            source->ok ? QString() : source->error};
    }
    return table({QStringLiteral("SOURCE"), QStringLiteral("STATE"), QStringLiteral("LAST ANSWER"),
                  QStringLiteral("PROBLEM")},
                 rows, 200);
}

QString nodesTable(const QList<SlurmNode> &nodes)
{
    QList<QStringList> rows;
    for (const SlurmNode &node : nodes) {
        rows << QStringList{
            node.name,
            node.stateText(),
            QStringLiteral("%1/%2").arg(node.cpusAllocated).arg(node.cpusTotal),
            QStringLiteral("%1/%2").arg(memoryText(node.memoryAllocatedMb), memoryText(node.memoryTotalMb)),
            node.gpusTotal > 0 ? QStringLiteral("%1/%2").arg(node.gpusAllocated).arg(node.gpusTotal)
                               : QStringLiteral("-"),
            node.cpuLoad < 0 ? QStringLiteral("-") : QString::number(node.cpuLoad, 'f', 2),
            node.partitions.join(u','),
            node.reason};
    }
    return table({QStringLiteral("NODE"), QStringLiteral("STATE"), QStringLiteral("CPUS(A/T)"),
                  QStringLiteral("MEMORY(A/T)"), QStringLiteral("GPUS(A/T)"), QStringLiteral("LOAD"),
                  QStringLiteral("PARTITIONS"), QStringLiteral("REASON")},
                 rows);
}

QString partitionsTable(const QList<SlurmPartition> &partitions)
{
    QList<QStringList> rows;
    for (const SlurmPartition &partition : partitions) {
        rows << QStringList{partition.isDefault ? partition.name + u'*' : partition.name,
                            partition.state,
                            QString::number(partition.totalNodes),
                            QString::number(partition.totalCpus),
                            limitText(partition.maxTimeMinutes),
                            partition.nodes.join(u',')};
    }
    return table({QStringLiteral("PARTITION"), QStringLiteral("STATE"), QStringLiteral("NODES"),
                  QStringLiteral("CPUS"), QStringLiteral("TIMELIMIT"), QStringLiteral("NODELIST")},
                 rows);
}

QString jobsTable(const QList<SlurmJob> &jobs)
{
    QList<QStringList> rows;
    for (const SlurmJob &job : jobs) {
        const QString where = job.state == u"PENDING" ? u'(' + job.reason + u')' : job.nodeList;
        rows << QStringList{job.id,
                            job.partition,
                            job.name,
                            job.user,
                            job.state,
                            DurationText::formatElapsed(job.timeUsedSeconds),
                            limitText(job.timeLimitMinutes),
                            QString::number(job.nodeCount),
                            QString::number(job.cpus),
                            where};
    }
    return table({QStringLiteral("JOBID"), QStringLiteral("PARTITION"), QStringLiteral("NAME"),
                  QStringLiteral("USER"), QStringLiteral("STATE"), QStringLiteral("TIME"),
                  QStringLiteral("TIMELIMIT"), QStringLiteral("NODES"), QStringLiteral("CPUS"),
                  QStringLiteral("NODELIST(REASON)")},
                 rows);
}

QString historyTable(const QList<SlurmJob> &jobs)
{
    QList<QStringList> rows;
    for (const SlurmJob &job : jobs) {
        rows << QStringList{job.id,
                            job.name,
                            job.user,
                            job.partition,
                            job.state,
                            job.exitCode.isEmpty() ? QStringLiteral("-") : job.exitCode,
                            timeText(job.startTime),
                            timeText(job.endTime),
                            DurationText::formatElapsed(job.timeUsedSeconds),
                            job.nodeList.isEmpty() ? QStringLiteral("-") : job.nodeList};
    }
    return table({QStringLiteral("JOBID"), QStringLiteral("NAME"), QStringLiteral("USER"),
                  QStringLiteral("PARTITION"), QStringLiteral("STATE"), QStringLiteral("EXIT"),
                  QStringLiteral("START"), QStringLiteral("END"), QStringLiteral("ELAPSED"),
                  QStringLiteral("NODELIST")},
                 rows);
}

QString jobDetailsText(const SlurmJobDetails &details)
{
    const SlurmJob &job = details.job;
    QList<QStringList> rows{
        {QStringLiteral("Job"),
         job.id + (job.name.isEmpty() ? QString() : QStringLiteral(" (") + job.name + u')')},
        {QStringLiteral("User"),
         job.user + (job.account.isEmpty() ? QString() : QStringLiteral(", account ") + job.account)},
        {QStringLiteral("State"), job.state},
    };
    if (job.state == u"PENDING" || !details.reasonExplained.isEmpty())
        rows << QStringList{QStringLiteral("Reason"),
                            details.reasonExplained.isEmpty()
                                ? job.reason
                                : job.reason + QStringLiteral(": ") + details.reasonExplained};
    rows << QStringList{QStringLiteral("Partition"), job.partition}
         << QStringList{QStringLiteral("Nodes"), job.nodeList.isEmpty() ? QStringLiteral("-") : job.nodeList}
         << QStringList{QStringLiteral("Batch host"),
                        details.batchHost.isEmpty() ? QStringLiteral("-") : details.batchHost}
         << QStringList{QStringLiteral("CPUs"), QString::number(job.cpus)}
         << QStringList{QStringLiteral("GPUs"), details.gpuIndices.isEmpty()
                                                    ? QString::number(job.gpus)
                                                    : QString::number(job.gpus) + QStringLiteral(" (") +
                                                          details.gpuIndices.join(QStringLiteral("; ")) +
                                                          u')'}
         << QStringList{QStringLiteral("TRES"), details.tres}
         << QStringList{QStringLiteral("Time"), DurationText::formatElapsed(job.timeUsedSeconds) +
                                                    QStringLiteral(" of ") + limitText(job.timeLimitMinutes)}
         << QStringList{QStringLiteral("Submitted"), timeText(job.submitTime)}
         << QStringList{QStringLiteral("Started"), timeText(job.startTime)}
         << QStringList{QStringLiteral("Ended"), timeText(job.endTime)}
         << QStringList{QStringLiteral("Command"), details.command}
         << QStringList{QStringLiteral("Working dir"), job.workDir}
         << QStringList{QStringLiteral("Stdout"), job.stdOut}
         << QStringList{QStringLiteral("Stderr"), job.stdErr};
    QString text;
    for (const QStringList &row : std::as_const(rows))
        text += QString(row.at(0) + u':').leftJustified(13) + row.at(1) + u'\n';
    return text;
}

QString nodeCountsLine(const QList<SlurmNode> &nodes)
{
    QMap<QString, int> counts;
    for (const SlurmNode &node : nodes)
        ++counts[stateKey(node)];
    return QStringLiteral("%1 node(s)").arg(nodes.size()) +
           (counts.isEmpty() ? QString() : QStringLiteral(": ") + countsText(counts));
}

QString jobCountsLine(const QList<SlurmJob> &jobs)
{
    QMap<QString, int> counts;
    for (const SlurmJob &job : jobs)
        ++counts[job.state];
    return QStringLiteral("%1 job(s) in the queue").arg(jobs.size()) +
           (counts.isEmpty() ? QString() : QStringLiteral(": ") + countsText(counts));
}

QString statusText(const QString &cluster, const QString &controller, const ClusterSnapshot &snapshot,
                   const QDateTime &now)
{
    QString text = QStringLiteral("Cluster %1, controller %2").arg(cluster, controller);
    if (snapshot.version.isKnown())
        text += QStringLiteral(", Slurm ") + snapshot.version.toString();
    text += u'\n';
    if (snapshot.takenAt.isValid()) {
        text += QStringLiteral("State as of %1 (%2 ago)%3\n")
                    .arg(timeText(snapshot.takenAt), DurationText::formatAge(snapshot.takenAt.msecsTo(now)),
                         snapshot.isStale() ? QStringLiteral(", STALE") : QString());
    } else {
        text += QStringLiteral("No state read yet.\n");
    }
    text += u'\n' + sourcesTable(snapshot, now);
    if (!snapshot.takenAt.isValid())
        return text;
    text += u'\n' + nodeCountsLine(snapshot.nodes) + u'\n' + nodesTable(snapshot.nodes);
    text += u'\n' + partitionsTable(snapshot.partitions);
    text += u'\n' + jobCountsLine(snapshot.jobs) + u'\n';
    return text;
}

QJsonObject toJson(const SlurmNode &node)
{
    return QJsonObject{
        {QStringLiteral("name"), node.name},
        {QStringLiteral("address"), node.address},
        {QStringLiteral("state"), node.state},
        {QStringLiteral("flags"), QJsonArray::fromStringList(node.flags)},
        {QStringLiteral("state_text"), node.stateText()},
        {QStringLiteral("partitions"), QJsonArray::fromStringList(node.partitions)},
        {QStringLiteral("cpus_total"), node.cpusTotal},
        {QStringLiteral("cpus_allocated"), node.cpusAllocated},
        {QStringLiteral("memory_total_mb"), node.memoryTotalMb},
        {QStringLiteral("memory_allocated_mb"), node.memoryAllocatedMb},
        {QStringLiteral("memory_free_mb"), orNull(node.memoryFreeMb)},
        {QStringLiteral("cpu_load"),
         node.cpuLoad < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(node.cpuLoad)},
        {QStringLiteral("gres"), node.gres},
        {QStringLiteral("gres_used"), node.gresUsed},
        {QStringLiteral("gpus_total"), node.gpusTotal},
        {QStringLiteral("gpus_allocated"), node.gpusAllocated},
        {QStringLiteral("reason"), node.reason},
        {QStringLiteral("reason_user"), node.reasonUser},
        {QStringLiteral("reason_time"), timeJson(node.reasonTime)},
    };
}

QJsonObject toJson(const SlurmPartition &partition)
{
    return QJsonObject{
        {QStringLiteral("name"), partition.name},
        {QStringLiteral("default"), partition.isDefault},
        {QStringLiteral("state"), partition.state},
        {QStringLiteral("nodes"), QJsonArray::fromStringList(partition.nodes)},
        {QStringLiteral("total_cpus"), partition.totalCpus},
        {QStringLiteral("total_nodes"), partition.totalNodes},
        {QStringLiteral("max_time_minutes"), orNull(partition.maxTimeMinutes)},
        {QStringLiteral("max_memory_per_node_mb"), orNull(partition.maxMemoryPerNodeMb)},
    };
}

QJsonObject toJson(const SlurmJob &job)
{
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("job_id"), job.jobId},
        {QStringLiteral("name"), job.name},
        {QStringLiteral("user"), job.user},
        {QStringLiteral("account"), job.account},
        {QStringLiteral("partition"), job.partition},
        {QStringLiteral("state"), job.state},
        {QStringLiteral("reason"), job.reason},
        {QStringLiteral("node_list"), job.nodeList},
        {QStringLiteral("node_count"), job.nodeCount},
        {QStringLiteral("cpus"), job.cpus},
        {QStringLiteral("gpus"), job.gpus},
        {QStringLiteral("time_used_seconds"), job.timeUsedSeconds},
        {QStringLiteral("time_limit_minutes"), orNull(job.timeLimitMinutes)},
        {QStringLiteral("submit_time"), timeJson(job.submitTime)},
        {QStringLiteral("start_time"), timeJson(job.startTime)},
        {QStringLiteral("end_time"), timeJson(job.endTime)},
        {QStringLiteral("exit_code"), job.exitCode},
        {QStringLiteral("work_dir"), job.workDir},
        {QStringLiteral("stdout"), job.stdOut},
        {QStringLiteral("stderr"), job.stdErr},
    };
}

QJsonObject toJson(const SlurmJobDetails &details)
{
    QJsonObject object = toJson(details.job);
    object.insert(QStringLiteral("command"), details.command);
    object.insert(QStringLiteral("batch_host"), details.batchHost);
    object.insert(QStringLiteral("tres"), details.tres);
    object.insert(QStringLiteral("gpu_indices"), QJsonArray::fromStringList(details.gpuIndices));
    object.insert(QStringLiteral("reason_explained"), details.reasonExplained);
    return object;
}

QJsonObject toJson(const SourceHealth &source, const QDateTime &now)
{
    const qint64 age = source.ageMs(now);
    return QJsonObject{
        {QStringLiteral("name"), source.name},
        {QStringLiteral("ok"), source.ok},
        {QStringLiteral("error"), source.error},
        {QStringLiteral("last_success"), timeJson(source.lastSuccess)},
        {QStringLiteral("last_attempt"), timeJson(source.lastAttempt)},
        {QStringLiteral("age_seconds"),
         age < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(age) / 1000.0)},
    };
}

QJsonArray sourcesJson(const ClusterSnapshot &snapshot, const QDateTime &now)
{
    return QJsonArray{toJson(snapshot.ssh, now), toJson(snapshot.controller, now),
                      toJson(snapshot.accounting, now)};
}

QJsonObject nodeCounts(const QList<SlurmNode> &nodes)
{
    QJsonObject counts;
    for (const SlurmNode &node : nodes) {
        const QString key = stateKey(node);
        counts.insert(key, counts.value(key).toInt() + 1);
    }
    return counts;
}

QJsonObject jobCounts(const QList<SlurmJob> &jobs)
{
    QJsonObject counts;
    for (const SlurmJob &job : jobs)
        counts.insert(job.state, counts.value(job.state).toInt() + 1);
    return counts;
}

QJsonObject statusJson(const QString &cluster, const QString &controller, const ClusterSnapshot &snapshot,
                       const QDateTime &now)
{
    QJsonArray nodes;
    for (const SlurmNode &node : snapshot.nodes)
        nodes.append(toJson(node));
    QJsonArray partitions;
    for (const SlurmPartition &partition : snapshot.partitions)
        partitions.append(toJson(partition));
    return QJsonObject{
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("controller"), controller},
        {QStringLiteral("slurm_version"),
         snapshot.version.isKnown() ? QJsonValue(snapshot.version.toString()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("taken_at"), timeJson(snapshot.takenAt)},
        {QStringLiteral("age_seconds"), snapshot.takenAt.isValid()
                                            ? QJsonValue(double(snapshot.takenAt.msecsTo(now)) / 1000.0)
                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("stale"), snapshot.isStale()},
        {QStringLiteral("sources"), sourcesJson(snapshot, now)},
        {QStringLiteral("node_counts"), nodeCounts(snapshot.nodes)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("partitions"), partitions},
        {QStringLiteral("job_counts"), jobCounts(snapshot.jobs)},
    };
}

} // namespace SlurmDeck::SlurmCliFormat
