// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The field lists of the formatted queries, shared by the argv builders (SlurmQueries.cpp)
// and the parsers (JobParser.cpp), so a format and its parser cannot drift apart.
#include <QChar>
#include <QString>
#include <QStringList>

namespace SlurmDeck::SlurmFormats {

// Between fields: ASCII unit separator. At the end of a squeue record: record separator
// (then squeue's newline). Slurm accepts both in job names (so do the parsers: the name is
// always the last field, see SlurmQueries.cpp), but no other field can contain them.
inline constexpr QChar fieldSeparator = QChar(0x1f);
inline constexpr QChar recordSeparator = QChar(0x1e);

// squeue -O fields, in output order; the free-text name must stay last.
enum class QueueField {
    JobId,
    DisplayId,
    Partition,
    User,
    Account,
    State,
    Reason,
    NodeList,
    NodeCount,
    Cpus,
    TresAlloc,
    TimeUsed,
    TimeLimit,
    SubmitTime,
    StartTime,
    EndTime,
    Name,
    Count
};

inline QStringList queueFieldNames()
{
    return {QStringLiteral("JobID"),     QStringLiteral("JobArrayID"), QStringLiteral("Partition"),
            QStringLiteral("UserName"),  QStringLiteral("Account"),    QStringLiteral("State"),
            QStringLiteral("Reason"),    QStringLiteral("NodeList"),   QStringLiteral("NumNodes"),
            QStringLiteral("NumCPUs"),   QStringLiteral("tres-alloc"), QStringLiteral("TimeUsed"),
            QStringLiteral("TimeLimit"), QStringLiteral("SubmitTime"), QStringLiteral("StartTime"),
            QStringLiteral("EndTime"),   QStringLiteral("Name")};
}

// sacct -o fields, in output order; the free-text name must stay last.
enum class HistoryField {
    JobId,
    DisplayId,
    User,
    Account,
    Partition,
    State,
    Reason,
    ExitCode,
    NodeList,
    NodeCount,
    Cpus,
    TresAlloc,
    ElapsedSeconds,
    TimeLimitMinutes,
    SubmitTime,
    StartTime,
    EndTime,
    Name,
    Count
};

inline QStringList historyFieldNames()
{
    return {QStringLiteral("JobIDRaw"),   QStringLiteral("JobID"),        QStringLiteral("User"),
            QStringLiteral("Account"),    QStringLiteral("Partition"),    QStringLiteral("State"),
            QStringLiteral("Reason"),     QStringLiteral("ExitCode"),     QStringLiteral("NodeList"),
            QStringLiteral("NNodes"),     QStringLiteral("NCPUS"),        QStringLiteral("AllocTRES"),
            QStringLiteral("ElapsedRaw"), QStringLiteral("TimelimitRaw"), QStringLiteral("Submit"),
            QStringLiteral("Start"),      QStringLiteral("End"),          QStringLiteral("JobName")};
}

} // namespace SlurmDeck::SlurmFormats
