// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/SlurmTypes.h"

#include <QLatin1StringView>

// What the Jobs view asks of a job's state, shared by its table and its actions.
namespace SlurmDeck::Ui::JobStates {

inline bool stateIs(const SlurmJob &job, QLatin1StringView state)
{
    return job.state.compare(state, Qt::CaseInsensitive) == 0;
}

inline bool isHeld(const SlurmJob &job)
{
    return stateIs(job, QLatin1StringView("PENDING")) && job.reason.startsWith(QLatin1StringView("JobHeld"));
}

} // namespace SlurmDeck::Ui::JobStates
