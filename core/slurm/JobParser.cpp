// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers of the queue (`squeue -O` with separators), the accounting history (`sacct -P`
// with a delimiter) and one job's details (`scontrol -d -o show job`).
#include "slurm/SlurmFormats.h"
#include "slurm/SlurmQueries.h"
#include "slurm/SlurmText.h"

#include <QHash>

#include <limits>

namespace SlurmDeck::SlurmQueries {

using namespace SlurmText;
using SlurmFormats::HistoryField;
using SlurmFormats::QueueField;

namespace {

// One record of a delimited query: views into the output, and the name when it had to be
// glued together from several pieces.
struct DelimitedRecord
{
    QList<QStringView> fields;
    QString gluedName;
    bool glued = false;
};

struct DelimitedRecords
{
    QList<DelimitedRecord> records;
    int skipped = 0;
    int firstBadLine = 0;
    QString firstBadText;
};

void noteBad(DelimitedRecords &result, int line, QStringView text)
{
    ++result.skipped;
    if (result.firstBadLine == 0 && line > 0) {
        result.firstBadLine = line;
        result.firstBadText = text.first(qMin<qsizetype>(text.size(), 200)).toString();
    }
}

// Cuts `output` into records ending with `terminator`, each of `fieldCount` fields split
// at the field separator. The last field is free text (a job name): separators in it stay
// part of it, and a chunk without any separator is the rest of the previous record's name
// (a name with a newline or the terminator in it). A chunk after the last terminator, or
// with too few fields, is skipped and counted.
DelimitedRecords splitDelimited(QStringView output, QStringView terminator, qsizetype fieldCount)
{
    DelimitedRecords result;
    const char16_t separator = SlurmFormats::fieldSeparator.unicode();
    // Line numbers only matter for the first unreadable record: counted then.
    const auto lineAt = [&output](qsizetype pos) { return 1 + int(output.first(pos).count(u'\n')); };
    qsizetype pos = 0;
    while (pos < output.size()) {
        qsizetype end = findChar(output, terminator.front().unicode(), pos);
        while (end >= 0 &&
               output.sliced(end).first(qMin(terminator.size(), output.size() - end)) != terminator)
            end = findChar(output, terminator.front().unicode(), end + 1);
        const qsizetype chunkStart = pos;
        const QStringView chunk = output.sliced(pos, (end < 0 ? output.size() : end) - pos);
        pos = end < 0 ? output.size() : end + terminator.size();
        if (end < 0) {
            if (!chunk.trimmed().isEmpty())
                noteBad(result, result.firstBadLine == 0 ? lineAt(chunkStart) : 0, chunk); // cut off
            break;
        }
        // Fields: up to fieldCount - 1 separators; the rest of the chunk is the name.
        DelimitedRecord record;
        record.fields.reserve(fieldCount);
        qsizetype start = 0;
        for (qsizetype i = 0; i < fieldCount - 1; ++i) {
            const qsizetype at = findChar(chunk, separator, start);
            if (at < 0)
                break;
            record.fields.append(chunk.sliced(start, at - start));
            start = at + 1;
        }
        if (record.fields.isEmpty()) {
            // No separator at all: the rest of the previous record's name.
            if (!result.records.isEmpty()) {
                DelimitedRecord &previous = result.records.last();
                if (!previous.glued)
                    previous.gluedName = previous.fields.last().toString();
                previous.glued = true;
                previous.gluedName += terminator.toString() + chunk.toString();
            } else if (!chunk.trimmed().isEmpty()) {
                noteBad(result, result.firstBadLine == 0 ? lineAt(chunkStart) : 0, chunk);
            }
            continue;
        }
        if (record.fields.size() != fieldCount - 1) {
            noteBad(result, result.firstBadLine == 0 ? lineAt(chunkStart) : 0, chunk);
            continue;
        }
        record.fields.append(chunk.sliced(start)); // the name, separators and all
        result.records.append(std::move(record));
    }
    return result;
}

template<typename Enum>
QStringView field(const DelimitedRecord &record, Enum which)
{
    return record.fields.at(qsizetype(which));
}

template<typename Enum>
QString nameOf(const DelimitedRecord &record, Enum which)
{
    return record.glued ? record.gluedName : record.fields.at(qsizetype(which)).toString();
}

int toInt(QStringView text)
{
    const std::optional<qint64> value = integer(text);
    return value && *value >= 0 && *value <= std::numeric_limits<int>::max() ? int(*value) : 0;
}

int gpusOf(QStringView tres)
{
    return int(qMin<qint64>(tresCount(tres, u"gres/gpu"), 1 << 20));
}

// Users, partitions, states and reasons repeat across thousands of jobs: one shared
// QString per distinct value saves an allocation per field and the memory of copies.
class Interner final
{
public:
    QString operator()(QStringView text)
    {
        auto it = m_strings.constFind(text);
        if (it == m_strings.constEnd())
            it = m_strings.insert(text, text.toString());
        return it.value();
    }
    QString noValue(QStringView text) { return isNoValue(text) ? QString() : (*this)(text.trimmed()); }

private:
    QHash<QStringView, QString> m_strings; // keys view into the output being parsed
};

std::optional<SlurmJob> queueJobFrom(const DelimitedRecord &f, Interner &intern)
{
    SlurmJob job;
    const std::optional<qint64> jobId = integer(field(f, QueueField::JobId));
    job.state = intern(field(f, QueueField::State).trimmed());
    if (!jobId || *jobId <= 0 || job.state.isEmpty())
        return std::nullopt;
    job.jobId = *jobId;
    job.id = field(f, QueueField::DisplayId).trimmed().toString();
    if (job.id.isEmpty())
        job.id = QString::number(job.jobId);
    job.name = nameOf(f, QueueField::Name);
    job.user = intern.noValue(field(f, QueueField::User));
    job.account = intern.noValue(field(f, QueueField::Account));
    job.partition = intern.noValue(field(f, QueueField::Partition));
    job.reason = intern(field(f, QueueField::Reason).trimmed());
    job.nodeList = intern.noValue(field(f, QueueField::NodeList));
    job.nodeCount = toInt(field(f, QueueField::NodeCount));
    job.cpus = toInt(field(f, QueueField::Cpus));
    job.gpus = gpusOf(field(f, QueueField::TresAlloc));
    job.timeUsedSeconds = qMax<qint64>(0, durationSeconds(field(f, QueueField::TimeUsed)).value_or(0));
    job.timeLimitMinutes = limitMinutes(field(f, QueueField::TimeLimit)).value_or(-1);
    job.submitTime = timestamp(field(f, QueueField::SubmitTime));
    job.startTime = timestamp(field(f, QueueField::StartTime));
    job.endTime = timestamp(field(f, QueueField::EndTime));
    return job;
}

std::optional<SlurmJob> historyJobFrom(const DelimitedRecord &f, Interner &intern)
{
    SlurmJob job;
    const std::optional<qint64> jobId = integer(field(f, HistoryField::JobId));
    // "CANCELLED by 2001" -> CANCELLED
    const QStringView state = field(f, HistoryField::State).trimmed();
    job.state = intern(state.first(state.indexOf(u' ') < 0 ? state.size() : state.indexOf(u' ')));
    if (!jobId || *jobId <= 0 || job.state.isEmpty())
        return std::nullopt;
    job.jobId = *jobId;
    job.id = field(f, HistoryField::DisplayId).trimmed().toString();
    if (job.id.isEmpty())
        job.id = QString::number(job.jobId);
    job.name = nameOf(f, HistoryField::Name);
    job.user = intern.noValue(field(f, HistoryField::User));
    job.account = intern.noValue(field(f, HistoryField::Account));
    job.partition = intern.noValue(field(f, HistoryField::Partition));
    job.reason = intern(field(f, HistoryField::Reason).trimmed());
    job.exitCode = intern(field(f, HistoryField::ExitCode).trimmed());
    const QStringView nodes = field(f, HistoryField::NodeList).trimmed();
    job.nodeList = nodes == u"None assigned" ? QString() : intern.noValue(nodes);
    job.nodeCount = toInt(field(f, HistoryField::NodeCount));
    job.cpus = toInt(field(f, HistoryField::Cpus));
    job.gpus = gpusOf(field(f, HistoryField::TresAlloc));
    job.timeUsedSeconds = qMax<qint64>(0, integer(field(f, HistoryField::ElapsedSeconds)).value_or(0));
    const std::optional<qint64> limit = integer(field(f, HistoryField::TimeLimitMinutes));
    job.timeLimitMinutes = limit && *limit >= 0 ? *limit : -1; // "Partition_Limit", "UNLIMITED"
    job.submitTime = timestamp(field(f, HistoryField::SubmitTime));
    job.startTime = timestamp(field(f, HistoryField::StartTime));
    job.endTime = timestamp(field(f, HistoryField::EndTime));
    return job;
}

template<typename Build>
Result<Parsed<SlurmJob>> parseDelimited(const QByteArray &output, QStringView terminator,
                                        qsizetype fieldCount, Build build, const QString &what)
{
    const QString text = QString::fromUtf8(output);
    const DelimitedRecords records = splitDelimited(text, terminator, fieldCount);
    Parsed<SlurmJob> parsed;
    parsed.skippedLines = records.skipped;
    parsed.items.reserve(records.records.size());
    Interner intern;
    int firstBad = -1;
    for (qsizetype i = 0; i < records.records.size(); ++i) {
        if (std::optional<SlurmJob> job = build(records.records[i], intern))
            parsed.items.append(std::move(*job));
        else {
            ++parsed.skippedLines;
            if (firstBad < 0)
                firstBad = int(i);
        }
    }
    if (parsed.items.isEmpty() && parsed.skippedLines > 0) {
        const QString bad =
            records.firstBadLine > 0
                ? describeBadLine(records.firstBadLine, records.firstBadText)
                : describeBadLine(firstBad + 1,
                                  records.records.at(firstBad).fields.first().left(200).toString());
        return makeError(
            Error::Code::Parse,
            QStringLiteral("Could not read the %1 Slurm reported; check that the controller runs a "
                           "supported Slurm version (22.05 or newer).")
                .arg(what),
            bad);
    }
    return parsed;
}

QSet<QString> keySet(std::initializer_list<const char16_t *> keys)
{
    QSet<QString> set;
    for (const char16_t *key : keys)
        set.insert(QString::fromUtf16(key));
    return set;
}

// Keys of `scontrol -d show job`, Slurm 22.05 to 24.11. Free-text values (names, paths,
// comments) end only at one of these not yet seen in the record.
const KeyValueGrammar &jobGrammar()
{
    static const KeyValueGrammar grammar{
        keySet({u"JobId",
                u"ArrayJobId",
                u"ArrayTaskId",
                u"ArrayTaskThrottle",
                u"HetJobId",
                u"HetJobOffset",
                u"HetJobIdSet",
                u"JobName",
                u"UserId",
                u"GroupId",
                u"MCS_label",
                u"Priority",
                u"Nice",
                u"Account",
                u"QOS",
                u"WCKey",
                u"JobState",
                u"Reason",
                u"Dependency",
                u"Requeue",
                u"Restarts",
                u"BatchFlag",
                u"Reboot",
                u"ExitCode",
                u"DerivedExitCode",
                u"RunTime",
                u"TimeLimit",
                u"TimeMin",
                u"SubmitTime",
                u"EligibleTime",
                u"AccrueTime",
                u"StartTime",
                u"EndTime",
                u"Deadline",
                u"PreemptEligibleTime",
                u"PreemptTime",
                u"SuspendTime",
                u"SecsPreSuspend",
                u"LastSchedEval",
                u"Scheduler",
                u"Partition",
                u"AllocNode:Sid",
                u"ReqNodeList",
                u"ExcNodeList",
                u"NodeList",
                u"SchedNodeList",
                u"BatchHost",
                u"NumNodes",
                u"NumCPUs",
                u"NumTasks",
                u"CPUs/Task",
                u"ReqB:S:C:T",
                u"TRES",
                u"ReqTRES",
                u"AllocTRES",
                u"Socks/Node",
                u"NtasksPerN:B:S:C",
                u"CoreSpec",
                u"JOB_GRES",
                u"Nodes",
                u"CPU_IDs",
                u"Mem",
                u"GRES",
                u"MinCPUsNode",
                u"MinMemoryNode",
                u"MinMemoryCPU",
                u"MinTmpDiskNode",
                u"Features",
                u"ClusterFeatures",
                u"DelayBoot",
                u"Reservation",
                u"OverSubscribe",
                u"Contiguous",
                u"Licenses",
                u"LicensesAlloc",
                u"Network",
                u"Command",
                u"WorkDir",
                u"AdminComment",
                u"SystemComment",
                u"Comment",
                u"StdErr",
                u"StdIn",
                u"StdOut",
                u"Power",
                u"TresPerNode",
                u"TresPerJob",
                u"TresPerSocket",
                u"TresPerTask",
                u"TresBind",
                u"TresFreq",
                u"CpusPerTres",
                u"MemPerTres",
                u"MailUser",
                u"MailType",
                u"NtasksPerTRES",
                u"BurstBuffer",
                u"BurstBufferState",
                u"CpuFreqMin",
                u"CpuFreqMax",
                u"CpuFreqGov",
                u"Switches",
                u"Wait-for-Switch",
                u"KillOnInvalidDependent",
                u"Container",
                u"ContainerID",
                u"ResvPorts",
                u"Prolog",
                u"Epilog",
                u"SLUID",
                u"Segment",
                u"StepMgrEnabled",
                u"Clusters",
                u"Tres",
                u"Array",
                u"OOMKillStep"}),
        {QStringLiteral("JobName"), QStringLiteral("Command"), QStringLiteral("WorkDir"),
         QStringLiteral("AdminComment"), QStringLiteral("SystemComment"), QStringLiteral("Comment"),
         QStringLiteral("StdErr"), QStringLiteral("StdIn"), QStringLiteral("StdOut"),
         QStringLiteral("MailUser"), QStringLiteral("Features")},
    };
    return grammar;
}

// "1-1" (pending jobs' NumNodes) -> 1
int leadingInt(QStringView text)
{
    const qsizetype dash = text.indexOf(u'-');
    return toInt(dash < 0 ? text : text.first(dash));
}

} // namespace

Result<Parsed<SlurmJob>> parseJobs(const QByteArray &output, const SlurmVersion &version)
{
    Q_UNUSED(version) // squeue -O prints these fields alike from 22.05 to 24.11
    const QString terminator = QString(SlurmFormats::recordSeparator) + u'\n';
    return parseDelimited(output, terminator, qsizetype(QueueField::Count), queueJobFrom,
                          QStringLiteral("job queue"));
}

Result<Parsed<SlurmJob>> parseHistory(const QByteArray &output, const SlurmVersion &version)
{
    Q_UNUSED(version) // alike in 22.05 and 24.11 (24.11: NCPUS=0, Start=None for jobs that never ran)
    return parseDelimited(output, u"\n", qsizetype(HistoryField::Count), historyJobFrom,
                          QStringLiteral("job history"));
}

Result<SlurmJobDetails> parseJobDetails(const QByteArray &output, const SlurmVersion &version)
{
    Q_UNUSED(version) // 22.05 and 24.11 differ only in the TRES keys, read below either way
    const QString text = QString::fromUtf8(output);
    const Records records = splitScontrolRecords(text, u"JobId");
    if (records.records.isEmpty()) {
        return makeError(Error::Code::Parse,
                         QStringLiteral("Slurm printed no job details; the job may have left the queue "
                                        "(look for it in the history)."),
                         records.firstBadLine > 0
                             ? describeBadLine(records.firstBadLine, records.firstBadText)
                             : QString());
    }
    const KeyValues values = splitKeyValues(records.records.first(), jobGrammar());
    SlurmJobDetails details;
    SlurmJob &job = details.job;
    const std::optional<qint64> jobId = integer(values.value(u"JobId"));
    job.state = values.value(u"JobState").trimmed().toString().toUpper();
    if (!jobId || *jobId <= 0 || job.state.isEmpty()) {
        return makeError(Error::Code::Parse, QStringLiteral("Could not read the job details Slurm reported."),
                         describeBadLine(1, records.records.first().left(200)));
    }
    job.jobId = *jobId;
    const QString arrayJob = values.value(u"ArrayJobId").toString();
    const QString arrayTask = values.value(u"ArrayTaskId").toString();
    job.id =
        !arrayJob.isEmpty() && !isNoValue(arrayTask)
            ? arrayJob + u'_' +
                  (arrayTask.contains(u'-') || arrayTask.contains(u',') ? u'[' + arrayTask + u']' : arrayTask)
            : QString::number(job.jobId);
    job.name = values.value(u"JobName").toString();
    job.user = nameWithoutId(values.value(u"UserId"));
    job.account = valueOrEmpty(values.value(u"Account"));
    job.partition = valueOrEmpty(values.value(u"Partition"));
    // scontrol writes "ReqNodeNotAvail,_UnavailableNodes:n1" where squeue has ", ".
    job.reason =
        values.value(u"Reason").trimmed().toString().replace(QStringLiteral(",_"), QStringLiteral(", "));
    job.nodeList = valueOrEmpty(values.value(u"NodeList"));
    job.nodeCount = leadingInt(values.value(u"NumNodes"));
    job.cpus = leadingInt(values.value(u"NumCPUs"));
    // 22.05 prints TRES=; 24.11 AllocTRES= (running) and ReqTRES= (always).
    for (const char16_t *key : {u"AllocTRES", u"TRES", u"ReqTRES"}) {
        if (details.tres.isEmpty())
            details.tres = valueOrEmpty(values.value(QStringView(key)));
    }
    job.gpus = gpusOf(details.tres);
    job.timeUsedSeconds = qMax<qint64>(0, durationSeconds(values.value(u"RunTime")).value_or(0));
    job.timeLimitMinutes = limitMinutes(values.value(u"TimeLimit")).value_or(-1);
    job.submitTime = timestamp(values.value(u"SubmitTime"));
    job.startTime = timestamp(values.value(u"StartTime"));
    job.endTime = timestamp(values.value(u"EndTime"));
    job.exitCode = valueOrEmpty(values.value(u"ExitCode"));
    job.workDir = valueOrEmpty(values.value(u"WorkDir"));
    job.stdOut = valueOrEmpty(values.value(u"StdOut"));
    job.stdErr = valueOrEmpty(values.value(u"StdErr"));
    details.command = valueOrEmpty(values.value(u"Command"));
    details.batchHost = valueOrEmpty(values.value(u"BatchHost"));
    details.userId = idInParentheses(values.value(u"UserId"));
    details.groupId = idInParentheses(values.value(u"GroupId"));
    // -d: per allocated node "Nodes=node01 CPU_IDs=3 Mem=1000 GRES=gpu:tesla:1(IDX:0)".
    QString nodes;
    for (const auto &[key, value] : values.pairs) {
        if (key == u"Nodes")
            nodes = value.trimmed().toString();
        else if (key == u"GRES" && !nodes.isEmpty()) {
            const QString indices = gresIndices(value);
            if (!indices.isEmpty())
                details.gpuIndices.append(nodes + QStringLiteral(": ") + indices);
        }
    }
    details.reasonExplained = job.state == u"PENDING" ? explainPendingReason(job.reason) : QString();
    return details;
}

QString explainPendingReason(const QString &reason)
{
    // "ReqNodeNotAvail, UnavailableNodes:node07" -> code "ReqNodeNotAvail", detail after it.
    const QString code = reason.section(u',', 0, 0).trimmed();
    const QString detail = reason.section(u',', 1).trimmed();
    struct Explanation
    {
        const char16_t *code;
        const char16_t *text;
    };
    static const Explanation explanations[] = {
        {u"None", u"No reason recorded yet: the scheduler has not looked at the job."},
        {u"Resources",
         u"Waiting for resources: the nodes it asks for are busy; it starts when enough are free."},
        {u"Priority", u"Waiting behind jobs of higher priority in the same partition."},
        {u"Dependency", u"Waiting for the jobs it depends on to finish."},
        {u"DependencyNeverSatisfied",
         u"Will never start: a job it depends on ended in a way the dependency does not allow. Cancel it."},
        {u"JobHeldUser", u"Held by its owner: release it to let it start."},
        {u"JobHeldAdmin", u"Held by an administrator: an administrator must release it."},
        {u"BeginTime", u"Waiting for its requested start time."},
        {u"PartitionDown", u"Its partition is down: an administrator must set the partition up."},
        {u"PartitionInactive", u"Its partition is inactive."},
        {u"PartitionNodeLimit", u"Asks for more nodes than its partition allows."},
        {u"PartitionTimeLimit", u"Asks for more time than its partition allows."},
        {u"ReqNodeNotAvail",
         u"A node it needs is not available (down, drained or reserved); it waits until the node returns."},
        {u"NodeDown", u"A node it needs is down."},
        {u"BadConstraints", u"Its constraints cannot be satisfied by any node."},
        {u"InvalidAccount", u"Its account is not valid; resubmit it with a valid account."},
        {u"InvalidQOS", u"Its QOS is not valid; resubmit it with a valid QOS."},
        {u"Reservation", u"Waiting for its advanced reservation to become available."},
        {u"JobArrayTaskLimit", u"The array's limit of tasks running at once is reached."},
        {u"launch failed requeued held",
         u"Launching it failed; it was requeued and held. Release it to retry."},
        {u"Prolog", u"Its prolog is running."},
        {u"Cleaning", u"Its previous run is being cleaned up before it can run again."},
        {u"PartitionConfig", u"Asks for something its partition's configuration does not allow."},
        {u"FrontEndDown", u"No front-end node is available."},
        {u"SystemFailure", u"Slurm, the file system or the network failed."},
    };
    QString text;
    for (const Explanation &e : explanations) {
        if (code == QStringView(e.code)) {
            text = QString::fromUtf16(e.text);
            break;
        }
    }
    if (text.isEmpty()) {
        if (code.startsWith(u"QOS"))
            text =
                QStringLiteral("A limit of its QOS is reached (%1); it starts when usage drops.").arg(code);
        else if (code.startsWith(u"Assoc"))
            text = QStringLiteral(
                       "A limit of its account/user association is reached (%1); it starts when usage "
                       "drops.")
                       .arg(code);
        else if (code.isEmpty())
            return {};
        else
            text = QStringLiteral("Slurm's reason: %1.").arg(code);
    }
    if (!detail.isEmpty())
        text += u' ' + QStringLiteral("(%1)").arg(detail);
    return text;
}

} // namespace SlurmDeck::SlurmQueries
