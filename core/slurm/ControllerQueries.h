// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The monitor's and the actions' blocking work on the controller, on the thread that owns
// the ControllerShell: one poll, history, job details, one Slurm command. Errors say what
// to do next.
#include "common/Result.h"
#include "slurm/ControllerShell.h"
#include "slurm/SlurmTypes.h"
#include "slurm/SnapshotUpdate.h"

#include <QDateTime>
#include <QStringList>

#include <chrono>

namespace SlurmDeck::ControllerQueries {

struct PollRequest
{
    bool checkAccounting = false;
    std::chrono::seconds commandTimeout{20};
};

// Reads the version first when the shell does not know it yet (then caches it there).
[[nodiscard]] Result<SlurmVersion> version(ControllerShell &shell, std::chrono::seconds timeout);

// One SSH exec, one `docker exec`: version, nodes, partitions, queue (and sacctmgr for
// slurmdbd's health) as one script. `outcome.at` is when the poll ended.
[[nodiscard]] PollOutcome poll(ControllerShell &shell, const PollRequest &request);

[[nodiscard]] Result<QList<SlurmJob>> history(ControllerShell &shell, const QDateTime &since,
                                              std::chrono::seconds timeout);
[[nodiscard]] Result<SlurmJobDetails> jobDetails(ControllerShell &shell, qint64 jobId,
                                                 std::chrono::seconds timeout);

// Runs a Slurm command (an action); its stdout on success, else an Error carrying what
// Slurm said. `what` names the action for the message ("drain node1").
[[nodiscard]] Result<QString> command(ControllerShell &shell, const QStringList &argv, const QString &what,
                                      std::chrono::seconds timeout);

// Submits a batch job (JobRequests::submitArgv, the script on standard input); the new
// job's id, else an Error carrying sbatch's own words.
[[nodiscard]] Result<QString> submit(ControllerShell &shell, const QStringList &argv, const QByteArray &input,
                                     std::chrono::seconds timeout);

} // namespace SlurmDeck::ControllerQueries
