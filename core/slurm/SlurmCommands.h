// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Slurm command lines of node and job actions, checked before anything runs: a node
// or job id that is not one, or a drain without a reason, is an error saying what to give.
// Pure; run inside the slurmctld container.
#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace SlurmDeck::SlurmCommands {

enum class JobAction {
    Cancel,
    Hold,
    Release,
    Requeue,
};

[[nodiscard]] QString toString(JobAction action); // "cancel", "hold", ...

// Slurm node names: letters, digits, '-', '_', '.'.
[[nodiscard]] bool isValidNodeName(const QString &name);
// "42", "42_7" (an array task), "42+1" (a het job component).
[[nodiscard]] bool isValidJobId(const QString &id);

// scontrol update NodeName=N State=DRAIN Reason=R; the reason is required.
[[nodiscard]] Result<QStringList> drainNode(const QString &node, const QString &reason);
[[nodiscard]] Result<QStringList> resumeNode(const QString &node);
// scontrol update NodeName=N State=DOWN Reason=R; the reason is required.
[[nodiscard]] Result<QStringList> downNode(const QString &node, const QString &reason);
// scancel ID | scontrol hold|release|requeue ID
[[nodiscard]] Result<QStringList> jobAction(JobAction action, const QString &jobId);
// Running jobs on a node (to wait for a drain): squeue -h -w NODE -t R,CG,S -o %A
[[nodiscard]] QStringList jobsOnNodeArgv(const QString &node);

} // namespace SlurmDeck::SlurmCommands
