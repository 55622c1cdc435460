// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small pure helpers shared by the Slurm output parsers: values as Slurm prints them
// (durations, times, memory sizes, TRES and GRES strings) and the `Key=Value ...` lines of
// `scontrol -o show ...`. Every function accepts any input: garbage gives the "unknown"
// value (-1, 0, an invalid QDateTime), never a crash.
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace SlurmDeck::SlurmText {

// The index of `c` in `text` at or after `from`, or -1. Qt 6.4's QStringView::indexOf(QChar)
// goes through its general substring search: this plain loop is several times faster in
// the parsers' hot loops.
[[nodiscard]] inline qsizetype findChar(QStringView text, char16_t c, qsizetype from = 0)
{
    const char16_t *data = text.utf16();
    for (qsizetype i = qMax<qsizetype>(from, 0); i < text.size(); ++i) {
        if (data[i] == c)
            return i;
    }
    return -1;
}

// "(null)", "N/A", "None", "n/a", "Unknown", "" -> true: Slurm's ways of printing "no value".
[[nodiscard]] bool isNoValue(QStringView text);
// The text, or empty when it is one of Slurm's "no value" spellings.
[[nodiscard]] QString valueOrEmpty(QStringView text);

// "[days-]hours:minutes:seconds", "minutes:seconds", "minutes" -> seconds.
// "UNLIMITED", "INFINITE", "Partition_Limit", "N/A", "NONE", "NOT_SET" -> -1; garbage -> nullopt.
[[nodiscard]] std::optional<qint64> durationSeconds(QStringView text);
// Slurm prints time limits as durations (a bare number is minutes): -> minutes, -1 unlimited.
[[nodiscard]] std::optional<qint64> limitMinutes(QStringView text);

// "2026-11-25T22:15:15" -> QDateTime in UTC; "N/A", "None", "Unknown" or garbage -> invalid.
// Slurm prints the controller's local time, and SlurmDeck's Slurm containers run in UTC
// (the images set no TZ and mount no /etc/localtime). Reading it as UTC is also what keeps
// parsing 10,000 jobs fast: no time-zone lookups.
[[nodiscard]] QDateTime timestamp(QStringView text);

// "3000", "3000M", "16G", "2T", "512K" -> megabytes; "UNLIMITED" -> -1; garbage -> nullopt.
[[nodiscard]] std::optional<qint64> megabytes(QStringView text);

[[nodiscard]] std::optional<qint64> integer(QStringView text);
[[nodiscard]] std::optional<double> decimal(QStringView text);

// Splits at `separator` outside parentheses: "gpu:a:2(IDX:0,1),mps:1" -> 2 parts.
[[nodiscard]] QList<QStringView> splitOutsideParens(QStringView text, QChar separator);

// The count of `key` in a TRES string ("cpu=4,mem=8G,gres/gpu=2" with "gres/gpu" -> 2). When
// only typed entries exist ("gres/gpu:a100=2") their counts are summed. Absent -> 0.
[[nodiscard]] qint64 tresCount(QStringView tres, QStringView key);

// GPUs in a GRES string: "gpu:tesla:2", "gpu:2", "gres:gpu:1" (squeue's tres-per-node),
// "gpu:a:1(IDX:0),gpu:b:2(S:0-1)" -> 3; "(null)", "N/A", other GRES -> 0.
[[nodiscard]] qint64 gresGpuCount(QStringView gres);
// The "IDX:" part of used GRES: "gpu:tesla:2(IDX:0-1)" -> "0-1"; none -> empty.
[[nodiscard]] QString gresIndices(QStringView gres);

// One `scontrol -o show ...` record: its Key=Value pairs in order (a key may repeat, as
// the per-node `Nodes=... GRES=...` parts of `scontrol -d show job` do). Views into the
// record text, which must outlive them.
struct KeyValues
{
    QList<std::pair<QStringView, QStringView>> pairs;

    [[nodiscard]] bool contains(QStringView key) const;
    [[nodiscard]] QStringView value(QStringView key) const; // the first, or empty
};

// How to cut a record into pairs. A pair starts at whitespace followed by `Key=` where Key
// looks like a Slurm key ([A-Za-z_][A-Za-z0-9_:/]*). Free-text values (a job's name, a
// node's reason, a path) may themselves contain " Word=": such a value only ends at a
// known key not yet seen in this record, so "Reason=PSU failed: Reason=x" stays one value.
struct KeyValueGrammar
{
    QSet<QString> knownKeys;
    QStringList freeTextKeys;
};

[[nodiscard]] KeyValues splitKeyValues(QStringView record, const KeyValueGrammar &grammar);

// `scontrol -o show nodes|partitions|job` output cut into records: one per line starting
// with `firstKey=`; a line that does not is the continuation of the record before it (a
// reason or a name with a newline in it), or unreadable when no record came before.
struct Records
{
    QStringList records;
    int skipped = 0;
    int firstBadLine = 0; // 1-based, 0: none
    QString firstBadText; // its first 200 characters
};
[[nodiscard]] Records splitScontrolRecords(QStringView output, QStringView firstKey);

// An Error for output where nothing could be read.
[[nodiscard]] QString describeBadLine(int line, const QString &text);

// "disk replaced [root@2026-11-25T22:15:19]" -> text, user, time (of scontrol's Reason).
struct ReasonParts
{
    QString text;
    QString user;
    QDateTime time;
};
[[nodiscard]] ReasonParts splitReason(QStringView reason);

// "alice(2001)" -> "alice".
[[nodiscard]] QString nameWithoutId(QStringView text);
// "alice(2001)" -> 2001; nullopt without a numeric id in 0..2^32-1.
[[nodiscard]] std::optional<qint64> idInParentheses(QStringView text);

} // namespace SlurmDeck::SlurmText
