// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A batch job to submit, checked against the running cluster before `sbatch` sees it, and
// the sbatch command that submits it. Pure: the GUI's submit dialog and `slurmdeck-cli
// submit` validate with the same function and build the same command.
//
// The script goes to sbatch on standard input, never in the argv; so do the environment
// variables (their values may be secrets): the command reads them from the first input line
// into SBATCH_EXPORT (sbatch's --export taken from its environment) and hands the rest of
// the input, the script, to sbatch.
#include "common/Result.h"
#include "slurm/SlurmTypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

struct JobRequest
{
    QString script; // the batch script; starts with "#!"
    QString name;
    QString partition; // empty: the cluster's default partition
    // 0: not given (Slurm's default).
    int nodes = 0;
    int tasks = 0;
    int cpusPerTask = 0;
    qint64 memoryMb = 0; // per node (--mem)
    QString gpuType;     // empty: any type
    int gpus = 0;        // per node (--gres=gpu[:TYPE]:N)
    qint64 timeLimitMinutes = 0;
    QString workingDirectory;
    QString outputPath;
    QString errorPath;
    QStringList environment; // "NAME=value" or "NAME" (passed on from sbatch's environment)
    QString array;           // "0-9", "1,3,5-7", "0-99%10"
    QString user;            // who the job runs as (one of the cluster's users); empty: root

    friend bool operator==(const JobRequest &, const JobRequest &) = default;
};

namespace JobRequests {

// "4G", "512M", "512" (MB), "1T", "2048K" -> megabytes.
[[nodiscard]] Result<qint64> parseMemory(const QString &text);
// Slurm's time formats: "MIN", "MIN:SEC", "H:MIN:SEC", "D-H", "D-H:MIN", "D-H:MIN:SEC",
// "UNLIMITED"/"INFINITE" (-1) -> minutes (seconds round up).
[[nodiscard]] Result<qint64> parseTimeLimit(const QString &text);
// Minutes -> "D-HH:MM:SS" or "HH:MM:SS" (what sbatch and scontrol print).
[[nodiscard]] QString formatTimeLimit(qint64 minutes);
struct GpuRequest
{
    QString type;
    int count = 0;
};
// "[TYPE:]N" -> type and count.
[[nodiscard]] Result<GpuRequest> parseGpus(const QString &text);
// GPUs of `type` (any type when empty) a node's configured GRES holds: "gpu:tesla:2" -> 2.
[[nodiscard]] int gpusInGres(const QString &gres, const QString &type);
// The GPU types a GRES string names ("gpu:a100:2,gpu:v100:1" -> a100, v100).
[[nodiscard]] QStringList gpuTypesInGres(const QString &gres);

// Everything wrong with `request` on the cluster `snapshot` shows, each a sentence saying
// what is possible instead; empty when it can be submitted. Checks the script, the
// partition (it exists; the default one when none is named), CPUs, memory and GPUs per node
// against the largest node of the partition, the node count, the time limit against the
// partition's MaxTime, the array spec and the environment.
[[nodiscard]] QStringList validateJobRequest(const JobRequest &request, const ClusterSnapshot &snapshot);
// validateJobRequest() as a Result: the problems in one InvalidArgument error.
[[nodiscard]] Result<void> checkJobRequest(const JobRequest &request, const ClusterSnapshot &snapshot);

// sbatch --parsable and the options of `request` (no script, no environment).
[[nodiscard]] QStringList sbatchArguments(const JobRequest &request);
// What SBATCH_EXPORT gets: "ALL,NAME=value,..." or empty when no environment is given.
[[nodiscard]] QString exportSpec(const JobRequest &request);
// The command run in the slurmctld container (`sh -c ...` around sbatchArguments) and its
// standard input (the export line, then the script).
[[nodiscard]] QStringList submitArgv(const JobRequest &request);
[[nodiscard]] QByteArray submitInput(const JobRequest &request);
// sbatch --parsable's answer ("42" or "42;cluster") -> "42".
[[nodiscard]] Result<QString> parseSubmitted(const QByteArray &output);

} // namespace JobRequests

} // namespace SlurmDeck
