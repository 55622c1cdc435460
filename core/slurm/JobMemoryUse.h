// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which finished jobs were stopped for using more memory than they asked for. SlurmDeck's
// containers enforce --mem with Slurm's sampler (JobAcctGatherParams=OverMemoryKill), which
// kills the step with SIGKILL: Slurm records such a job as FAILED, not OUT_OF_MEMORY as cgroup
// enforcement would. The evidence is in accounting: a step whose MaxRSS passed the job's
// ReqMem. This reads it (sacct of the jobs' steps) and reports those jobs as OUT_OF_MEMORY.
#include "common/Result.h"
#include "slurm/SlurmTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace SlurmDeck::JobMemoryUse {

inline constexpr qsizetype maxJobsAsked = 500; // the newest candidates; older ones keep their state

struct Use
{
    qint64 requestedMb = 0; // ReqMem of the allocation (per node), 0 when none
    qint64 maxRssKb = 0;    // the largest MaxRSS of its steps
};

// Finished jobs that may have been killed for memory: FAILED or CANCELLED after they ran,
// newest first, at most maxJobsAsked.
[[nodiscard]] QList<qint64> candidates(const QList<SlurmJob> &jobs);
// sacct of these jobs with their steps (JobIDRaw, State, ReqMem, MaxRSS).
[[nodiscard]] QStringList argv(const QList<qint64> &jobIds);
// Per job id; lines it cannot read are skipped. Never fails on garbage.
[[nodiscard]] QHash<qint64, Use> parse(const QByteArray &output);
// Jobs over their request become OUT_OF_MEMORY, their reason saying by how much. Returns
// how many changed.
int markOutOfMemory(QList<SlurmJob> &jobs, const QHash<qint64, Use> &uses);

} // namespace SlurmDeck::JobMemoryUse
