// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How slurmdeck-cli prints live cluster state: aligned tables for a terminal, and JSON
// whose field names are stable (documented in README.md, "slurmdeck-cli JSON"). Pure.
#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace SlurmDeck::SlurmCliFormat {

// Columns padded to the widest cell (cells cut at `maxWidth` with "…"); the last column
// is never padded.
[[nodiscard]] QString table(const QStringList &headers, const QList<QStringList> &rows, int maxWidth = 40);

[[nodiscard]] QString sourcesTable(const ClusterSnapshot &snapshot, const QDateTime &now);
[[nodiscard]] QString nodesTable(const QList<SlurmNode> &nodes);
[[nodiscard]] QString partitionsTable(const QList<SlurmPartition> &partitions);
[[nodiscard]] QString jobsTable(const QList<SlurmJob> &jobs);
[[nodiscard]] QString historyTable(const QList<SlurmJob> &jobs);
[[nodiscard]] QString jobDetailsText(const SlurmJobDetails &details);
// "4 nodes: 3 idle, 1 allocated"; "5 jobs: 2 running, 3 pending".
[[nodiscard]] QString nodeCountsLine(const QList<SlurmNode> &nodes);
[[nodiscard]] QString jobCountsLine(const QList<SlurmJob> &jobs);
// The status command's whole text.
[[nodiscard]] QString statusText(const QString &cluster, const QString &controller,
                                 const ClusterSnapshot &snapshot, const QDateTime &now);

// JSON. Times are ISO 8601 UTC strings or null; "unknown" numbers are null.
[[nodiscard]] QJsonObject toJson(const SlurmNode &node);
[[nodiscard]] QJsonObject toJson(const SlurmPartition &partition);
[[nodiscard]] QJsonObject toJson(const SlurmJob &job);
[[nodiscard]] QJsonObject toJson(const SlurmJobDetails &details);
[[nodiscard]] QJsonObject toJson(const SourceHealth &source, const QDateTime &now);
[[nodiscard]] QJsonArray sourcesJson(const ClusterSnapshot &snapshot, const QDateTime &now);
// Counts by state: {"IDLE": 3, ...} for nodes (base state; "DRAIN" flag counted as
// "DRAINED" apart), {"RUNNING": 2, ...} for jobs.
[[nodiscard]] QJsonObject nodeCounts(const QList<SlurmNode> &nodes);
[[nodiscard]] QJsonObject jobCounts(const QList<SlurmJob> &jobs);
[[nodiscard]] QJsonObject statusJson(const QString &cluster, const QString &controller,
                                     const ClusterSnapshot &snapshot, const QDateTime &now);

} // namespace SlurmDeck::SlurmCliFormat
