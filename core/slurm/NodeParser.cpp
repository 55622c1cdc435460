// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers of `scontrol -d -o show nodes` and `scontrol -o show partitions`: one record per
// line of Key=Value pairs (see SlurmQueries.cpp for why these and not sinfo or --json).
#include "slurm/SlurmQueries.h"
#include "slurm/SlurmText.h"

namespace SlurmDeck::SlurmQueries {

using namespace SlurmText;

namespace {

QSet<QString> keySet(std::initializer_list<const char16_t *> keys)
{
    QSet<QString> set;
    for (const char16_t *key : keys)
        set.insert(QString::fromUtf16(key));
    return set;
}

// Keys of `scontrol show node` in Slurm 22.05 to 24.11. Only free-text values (OS, Comment,
// Extra, Reason) need them: such a value ends at the next known key not yet seen.
const KeyValueGrammar &nodeGrammar()
{
    static const KeyValueGrammar grammar{
        keySet({u"NodeName",
                u"Arch",
                u"CoresPerSocket",
                u"CPUAlloc",
                u"CPUEfctv",
                u"CPUTot",
                u"CPULoad",
                u"AvailableFeatures",
                u"ActiveFeatures",
                u"Gres",
                u"GresDrain",
                u"GresUsed",
                u"NodeAddr",
                u"NodeHostName",
                u"Port",
                u"Version",
                u"OS",
                u"RealMemory",
                u"AllocMem",
                u"FreeMem",
                u"Sockets",
                u"Boards",
                u"MemSpecLimit",
                u"CPUSpecList",
                u"CoreSpecCount",
                u"State",
                u"ThreadsPerCore",
                u"TmpDisk",
                u"Weight",
                u"Owner",
                u"MCS_label",
                u"NextState",
                u"Partitions",
                u"BootTime",
                u"SlurmdStartTime",
                u"LastBusyTime",
                u"ResumeAfterTime",
                u"CfgTRES",
                u"AllocTRES",
                u"CapWatts",
                u"CurrentWatts",
                u"AveWatts",
                u"LowestJoules",
                u"ConsumedJoules",
                u"ExtSensorsJoules",
                u"ExtSensorsWatts",
                u"ExtSensorsTemp",
                u"Comment",
                u"Extra",
                u"Reason",
                u"InstanceId",
                u"InstanceType",
                u"ReservationName",
                u"RestrictedCoresPerGPU",
                u"Topology",
                u"GresDrain"}),
        {QStringLiteral("OS"), QStringLiteral("Comment"), QStringLiteral("Extra"), QStringLiteral("Reason")},
    };
    return grammar;
}

const KeyValueGrammar &partitionGrammar()
{
    // Partition values hold no free text.
    static const KeyValueGrammar grammar{{}, {}};
    return grammar;
}

int toInt(QStringView text, int fallback = 0)
{
    const std::optional<qint64> value = integer(text);
    return value && *value >= 0 && *value <= std::numeric_limits<int>::max() ? int(*value) : fallback;
}

// "IDLE+DRAIN" -> IDLE, [DRAIN]. Slurm 22.05 prints the flags joined to the base state.
void splitState(QStringView text, SlurmNode &node)
{
    const QList<QStringView> parts = text.split(u'+', Qt::SkipEmptyParts);
    node.state = parts.value(0).trimmed().toString().toUpper();
    for (qsizetype i = 1; i < parts.size(); ++i)
        node.flags.append(parts[i].trimmed().toString().toUpper());
    // Older sinfo-style suffixes: "IDLE*" = not responding, "IDLE~" = powered down.
    if (node.state.endsWith(u'*')) {
        node.state.chop(1);
        if (!node.flags.contains(QStringLiteral("NOT_RESPONDING")))
            node.flags.append(QStringLiteral("NOT_RESPONDING"));
    }
}

std::optional<SlurmNode> nodeFrom(const KeyValues &values)
{
    SlurmNode node;
    node.name = values.value(u"NodeName").trimmed().toString();
    const QStringView state = values.value(u"State");
    if (node.name.isEmpty() || state.isEmpty() || !values.contains(u"CPUTot"))
        return std::nullopt;
    splitState(state, node);
    node.address = valueOrEmpty(values.value(u"NodeAddr"));
    node.partitions = valueOrEmpty(values.value(u"Partitions")).split(u',', Qt::SkipEmptyParts);
    node.cpusTotal = toInt(values.value(u"CPUTot"));
    node.cpusAllocated = toInt(values.value(u"CPUAlloc"));
    node.memoryTotalMb = megabytes(values.value(u"RealMemory")).value_or(0);
    node.memoryAllocatedMb = megabytes(values.value(u"AllocMem")).value_or(0);
    node.memoryFreeMb = megabytes(values.value(u"FreeMem")).value_or(-1);
    node.cpuLoad = decimal(values.value(u"CPULoad")).value_or(-1);
    node.gres = valueOrEmpty(values.value(u"Gres"));
    node.gresUsed = valueOrEmpty(values.value(u"GresUsed"));
    // GPUs: the configured GRES, else the configured TRES; allocated from AllocTRES, which
    // `scontrol show nodes` prints with or without -d.
    node.gpusTotal = int(qMin<qint64>(gresGpuCount(node.gres), std::numeric_limits<int>::max()));
    if (node.gpusTotal == 0)
        node.gpusTotal = int(qMin<qint64>(tresCount(values.value(u"CfgTRES"), u"gres/gpu"), 1 << 20));
    node.gpusAllocated = int(qMin<qint64>(tresCount(values.value(u"AllocTRES"), u"gres/gpu"), 1 << 20));
    if (node.gpusAllocated == 0 && !node.gresUsed.isEmpty())
        node.gpusAllocated = int(qMin<qint64>(gresGpuCount(node.gresUsed), 1 << 20));
    const ReasonParts reason = splitReason(values.value(u"Reason"));
    node.reason = reason.text;
    node.reasonUser = reason.user;
    node.reasonTime = reason.time;
    return node;
}

std::optional<SlurmPartition> partitionFrom(const KeyValues &values)
{
    SlurmPartition partition;
    partition.name = values.value(u"PartitionName").trimmed().toString();
    partition.state = values.value(u"State").trimmed().toString().toUpper();
    if (partition.name.isEmpty() || partition.state.isEmpty())
        return std::nullopt;
    partition.isDefault = values.value(u"Default") == u"YES";
    partition.nodes = expandHostList(valueOrEmpty(values.value(u"Nodes")));
    partition.totalCpus = toInt(values.value(u"TotalCPUs"));
    partition.totalNodes = toInt(values.value(u"TotalNodes"));
    partition.maxTimeMinutes = limitMinutes(values.value(u"MaxTime")).value_or(-1);
    partition.maxMemoryPerNodeMb = megabytes(values.value(u"MaxMemPerNode")).value_or(-1);
    return partition;
}

template<typename T, typename Build>
Result<Parsed<T>> parseRecords(const QByteArray &output, QStringView firstKey, const KeyValueGrammar &grammar,
                               Build build, const QString &what)
{
    const QString text = QString::fromUtf8(output);
    const Records records = splitScontrolRecords(text, firstKey);
    Parsed<T> parsed;
    parsed.skippedLines = records.skipped;
    int firstBadRecord = -1;
    for (qsizetype i = 0; i < records.records.size(); ++i) {
        if (std::optional<T> item = build(splitKeyValues(records.records[i], grammar)))
            parsed.items.append(std::move(*item));
        else {
            ++parsed.skippedLines;
            if (firstBadRecord < 0)
                firstBadRecord = int(i);
        }
    }
    if (parsed.items.isEmpty() && parsed.skippedLines > 0) {
        const QString bad =
            records.firstBadLine > 0
                ? describeBadLine(records.firstBadLine, records.firstBadText)
                : describeBadLine(firstBadRecord + 1, records.records.value(firstBadRecord).left(200));
        return makeError(
            Error::Code::Parse,
            QStringLiteral("Could not read the %1 Slurm reported; check that the controller runs a "
                           "supported Slurm version (22.05 or newer).")
                .arg(what),
            bad);
    }
    return parsed;
}

} // namespace

Result<Parsed<SlurmNode>> parseNodes(const QByteArray &output, const SlurmVersion &version)
{
    // 22.05 and 24.11 print the same keys for what SlurmNode holds (24.11 omits GresUsed on
    // nodes without GRES and adds keys such as ResumeAfterTime, which the grammar knows).
    Q_UNUSED(version)
    return parseRecords<SlurmNode>(output, u"NodeName", nodeGrammar(), nodeFrom, QStringLiteral("nodes"));
}

Result<Parsed<SlurmPartition>> parsePartitions(const QByteArray &output, const SlurmVersion &version)
{
    Q_UNUSED(version)
    return parseRecords<SlurmPartition>(output, u"PartitionName", partitionGrammar(), partitionFrom,
                                        QStringLiteral("partitions"));
}

} // namespace SlurmDeck::SlurmQueries
