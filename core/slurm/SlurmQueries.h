// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Slurm commands SlurmDeck runs on the controller, and pure parsers of their output.
// Each query pairs the argv (run inside the slurmctld container) with the parser of exactly
// that output format, so the two never drift apart. Parsers never crash on garbage: a line
// they cannot read is skipped and counted, a wholly unreadable output is an Error naming the
// line. Tested on output captured from real Slurm (tests/data/slurm/).
#include "common/Result.h"
#include "slurm/SlurmTypes.h"

#include <QByteArray>
#include <QStringList>

namespace SlurmDeck::SlurmQueries {

template<typename T>
struct Parsed
{
    QList<T> items;
    int skippedLines = 0; // lines that could not be read
};

// `scontrol --version` -> "slurm 22.05.8"
[[nodiscard]] QStringList versionArgv();
[[nodiscard]] Result<SlurmVersion> parseVersion(const QByteArray &output);

// Every node with state, CPUs, memory, load, GRES and reason (the periodic poll).
[[nodiscard]] QStringList nodesArgv(const SlurmVersion &version);
[[nodiscard]] Result<Parsed<SlurmNode>> parseNodes(const QByteArray &output, const SlurmVersion &version);

[[nodiscard]] QStringList partitionsArgv(const SlurmVersion &version);
[[nodiscard]] Result<Parsed<SlurmPartition>> parsePartitions(const QByteArray &output,
                                                             const SlurmVersion &version);

// The queue (the periodic poll): cheap formatted output, a delimiter job names cannot break.
[[nodiscard]] QStringList jobsArgv(const SlurmVersion &version);
[[nodiscard]] Result<Parsed<SlurmJob>> parseJobs(const QByteArray &output, const SlurmVersion &version);

// Accounting history since `since` (sacct, on demand).
[[nodiscard]] QStringList historyArgv(const QDateTime &since, const SlurmVersion &version);
[[nodiscard]] Result<Parsed<SlurmJob>> parseHistory(const QByteArray &output, const SlurmVersion &version);

// One job's details (on demand).
[[nodiscard]] QStringList jobDetailsArgv(qint64 jobId, const SlurmVersion &version);
[[nodiscard]] Result<SlurmJobDetails> parseJobDetails(const QByteArray &output, const SlurmVersion &version);

// A readable sentence for a pending reason code ("Resources" -> "Waiting for resources: ...").
[[nodiscard]] QString explainPendingReason(const QString &reason);

// Expands a Slurm hostlist expression: "node[1-3,5],gpu1" -> node1 node2 node3 node5 gpu1.
[[nodiscard]] QStringList expandHostList(const QString &expression);

} // namespace SlurmDeck::SlurmQueries
