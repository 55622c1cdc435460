// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/GpuParsers.h"
#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

// What the GPU source knows at one moment: the GPUs of every host it reached, where they
// came from and whether that source answered. On failure the last known GPUs stay, marked
// stale (health not ok), like the Slurm snapshot.
struct GpuSnapshot
{
    enum class Source {
        None,
        Prometheus, // the GPU exporter's series (nvidia_gpu_exporter or dcgm-exporter names)
        NvidiaSmi,  // `nvidia-smi --query-gpu` over SSH on the GPU hosts
    };
    QList<GpuReading> gpus; // host: the cluster file's host name where it is known
    Source source = Source::None;
    QDateTime takenAt; // when the GPUs above were last read successfully
    SourceHealth health{QStringLiteral("gpus"), false, {}, {}, {}};
    QStringList warnings; // skipped lines or series, hosts that did not answer

    [[nodiscard]] bool isStale() const { return !health.ok; }
};

// One GPU and the Slurm jobs that hold it.
struct GpuUsage
{
    GpuReading gpu;
    QString node;           // the Slurm node of gpu.host; empty when Slurm does not know the host
    QStringList jobIds;     // empty: Slurm has not allocated this GPU
    QStringList users;      // the jobs' users, in jobIds' order (deduplicated)
    QStringList jobNames;   // the jobs' names, in jobIds' order
    bool ambiguous = false; // several GPU jobs on the node, Slurm's snapshot does not say which one

    // Stable identity of the row: host and UUID (or index).
    [[nodiscard]] QString key() const;
    friend bool operator==(const GpuUsage &, const GpuUsage &) = default;
};

// "0-1,3" (the IDX part of GresUsed) -> 0 1 3. Garbage items are skipped; ranges are capped
// at 1024 GPUs so "0-999999999" cannot exhaust memory.
[[nodiscard]] QList<int> expandGpuIndices(QStringView text);

// The GPU indices Slurm has allocated on a node: from GresUsed ("gpu:a100:2(IDX:0-1)",
// "gpu:a:1(IDX:0),gpu:b:1(IDX:2)", "gpu:0(IDX:N/A)"). Non-GPU GRES are ignored.
[[nodiscard]] QList<int> allocatedGpuIndices(const SlurmNode &node);

// The Slurm node a GPU reading's host belongs to: by name (exact, then case-insensitive, then
// without a domain), then by NodeAddr. Null when none matches.
[[nodiscard]] const SlurmNode *nodeForHost(const QString &host, const QList<SlurmNode> &nodes);

// Which running job holds each GPU. A GPU whose index Slurm lists as used on its node is held
// by the node's running GPU job; with several such jobs, `details` (scontrol show job -d,
// "node1: 0,1") decides, else all of them are listed and the row is marked ambiguous. A GPU
// on a host Slurm does not know, or not in GresUsed, has no job.
[[nodiscard]] QList<GpuUsage> assignGpuJobs(const QList<GpuReading> &gpus, const ClusterSnapshot &cluster,
                                            const QList<SlurmJobDetails> &details = {});

[[nodiscard]] QString toString(GpuSnapshot::Source source);

} // namespace SlurmDeck

Q_DECLARE_METATYPE(SlurmDeck::GpuSnapshot)
