// The commands SlurmDeck runs on the controller, chosen by what they cost there.
//
// Measured on a real slurmctld (Slurm 22.05.8) with 1,000 configured nodes and 10,000 jobs,
// client CPU (user+sys) of the bare command and its output size; tests/lab/scale/scale.sh
// measures it again, tests/data/slurm/README.md has the full table:
//   squeue --json                      see README   (JSON: every field of every job)
//   squeue -h -O <17 fields>           see README   <- jobsArgv
//   sinfo --json                       see README
//   scontrol -d -o show nodes          see README   <- nodesArgv
//   scontrol -o show partitions        tiny         <- partitionsArgv
// So the periodic poll is the formatted squeue and `scontrol -o show nodes`; JSON is
// nowhere needed: the formats below carry every field SlurmNode/SlurmJob hold.
//
// Delimiters: Slurm accepts any byte in a job name (even newline, \x1f and \x1e, checked on
// 22.05), so no delimiter alone is safe. The job name is therefore the only free-text field
// of each formatted query, and always the last: separators inside it stay part of it, and
// a newline or record separator inside it is glued back by the parser (a piece without
// field separators continues the previous record's name). Other fields (ids, states, node
// lists, times, TRES) never contain \x1f. scontrol's Key=Value lines are cut at known keys
// (see SlurmText::splitKeyValues) so reasons, comments and paths with spaces survive.
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
