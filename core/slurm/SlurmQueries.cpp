// SPDX-License-Identifier: GPL-3.0-or-later
// The commands SlurmDeck runs on the controller, chosen by what they cost there.
//
// Measured with tests/lab/scale/scale.sh on a real slurmctld (Slurm 22.05.8, this machine)
// with 1,000 configured nodes and 10,000 jobs; median of 5 runs of the bare command:
//   query                            client CPU  output  slurmctld CPU/call
//   squeue --json                       1.42 s    30 MB    28 ms
//   squeue -h -o (17 fields)            0.08 s   1.2 MB    22 ms
//   squeue -h -O (17 fields, \x1f)      0.08 s   1.5 MB    28 ms   <- jobsArgv
//   scontrol -o show jobs               0.24 s   9.5 MB    22 ms
//   sinfo --json                        0.05 s   1.2 MB     2 ms
//   sinfo -h -N -O (12 node fields)     0.04 s    79 KB     4 ms
//   scontrol -d -o show nodes           0.01 s   562 KB     2 ms   <- nodesArgv
//   scontrol -o show partitions        0.005 s   1.2 KB    ~0 ms   <- partitionsArgv
//   sacct --json (1 day)                0.13 s   2.5 MB    ~0 ms
//   sacct -P --delimiter (1 day)        0.02 s   120 KB    ~0 ms   <- historyArgv
// Slurm 24.11.5: squeue --json 4.38 s / 74 MB, squeue -O 0.063 s / 1.5 MB, scontrol -d -o
// show nodes 0.009 s (full tables: tests/data/slurm/README.md). So the periodic poll is
// `squeue -O` (18x less CPU than --json on 22.05, 70x on 24.11; -O rather than -o because
// only -O has tres-alloc, i.e. GPUs per job, at the same cost) and `scontrol -d -o show
// nodes` (the cheapest node query; -d adds the GPU indices in use for free). slurmctld's
// own cost is the same ~25 ms per job RPC whatever the format. JSON is not needed anywhere: these formats
// carry every field SlurmNode and SlurmJob hold. Parsing the 10,000 jobs takes ~25 ms and the 1,000 nodes ~5
// ms (-O2).
//
// Delimiters: Slurm accepts any byte in a job name (newline, \x1f and \x1e included: checked
// on 22.05 and 24.11), so no delimiter alone is safe. The job name is therefore the only free-text
// field of each formatted query, and always the last: separators inside it stay part of
// it, and a newline or record separator inside it is glued back by the parser (a piece
// without field separators continues the previous record's name). Other fields (ids,
// states, node lists, times, TRES) never contain \x1f. scontrol's Key=Value lines are cut
// at known keys (SlurmText::splitKeyValues), so reasons, comments and paths with spaces
// (and even "Key=" inside them) survive.
#include "slurm/SlurmQueries.h"

#include "slurm/SlurmFormats.h"
#include "slurm/SlurmText.h"

#include <QRegularExpression>

namespace SlurmDeck::SlurmQueries {

QStringList versionArgv()
{
    return {QStringLiteral("scontrol"), QStringLiteral("--version")};
}

Result<SlurmVersion> parseVersion(const QByteArray &output)
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:^|\\s)(\\d{1,4})\\.(\\d{1,2})(?:\\.(\\d{1,4}))?"));
    const QString text = QString::fromUtf8(output.left(4096)).trimmed();
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return makeError(
            Error::Code::Parse,
            QStringLiteral("Could not read the Slurm version; check that `scontrol --version` works in "
                           "the controller container."),
            text.left(200));
    }
    SlurmVersion version;
    version.major = match.captured(1).toInt();
    version.minor = match.captured(2).toInt();
    version.patch = match.captured(3).toInt();
    if (version.major <= 0)
        return makeError(Error::Code::Parse, QStringLiteral("Slurm reported no usable version."),
                         text.left(200));
    return version;
}

QStringList nodesArgv(const SlurmVersion &version)
{
    Q_UNUSED(version)
    // -d adds GresUsed (which GPU indices are in use) at no measurable cost.
    return {QStringLiteral("scontrol"), QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("show"),
            QStringLiteral("nodes")};
}

QStringList partitionsArgv(const SlurmVersion &version)
{
    Q_UNUSED(version)
    return {QStringLiteral("scontrol"), QStringLiteral("-o"), QStringLiteral("show"),
            QStringLiteral("partitions")};
}

QStringList jobsArgv(const SlurmVersion &version)
{
    Q_UNUSED(version)
    // -O "Field:0<suffix>": width 0 = no padding, the suffix is the separator after it.
    const QStringList names = SlurmFormats::queueFieldNames();
    QStringList fields;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QChar suffix =
            i + 1 < names.size() ? SlurmFormats::fieldSeparator : SlurmFormats::recordSeparator;
        fields.append(names[i] + QStringLiteral(":0") + suffix);
    }
    return {QStringLiteral("squeue"), QStringLiteral("--noheader"), QStringLiteral("--all"),
            QStringLiteral("-O"), fields.join(u',')};
}

QStringList historyArgv(const QDateTime &since, const SlurmVersion &version)
{
    Q_UNUSED(version)
    // Relative to the controller's clock: its time zone and ours need not agree.
    const qint64 seconds =
        since.isValid() ? qMax<qint64>(0, since.secsTo(QDateTime::currentDateTimeUtc())) : qint64(24 * 3600);
    return {QStringLiteral("sacct"),
            QStringLiteral("--allusers"),
            QStringLiteral("--allocations"),
            QStringLiteral("--noheader"),
            QStringLiteral("--parsable2"),
            QStringLiteral("--delimiter=") + SlurmFormats::fieldSeparator,
            QStringLiteral("--starttime=now-%1").arg(seconds),
            QStringLiteral("--endtime=now"),
            QStringLiteral("--format=") + SlurmFormats::historyFieldNames().join(u',')};
}

QStringList jobDetailsArgv(qint64 jobId, const SlurmVersion &version)
{
    Q_UNUSED(version)
    return {QStringLiteral("scontrol"), QStringLiteral("-d"),  QStringLiteral("-o"),
            QStringLiteral("show"),     QStringLiteral("job"), QString::number(jobId)};
}

} // namespace SlurmDeck::SlurmQueries
