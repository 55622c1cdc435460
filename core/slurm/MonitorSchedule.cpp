// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/MonitorSchedule.h"

#include <algorithm>

namespace SlurmDeck {

using std::chrono::milliseconds;

MonitorSchedule::MonitorSchedule(milliseconds interval, milliseconds cap)
    : m_interval(std::max(interval, minimumInterval)), m_cap(std::max(cap, m_interval))
{}

void MonitorSchedule::setInterval(milliseconds interval)
{
    m_interval = std::max(interval, minimumInterval);
    m_cap = std::max(m_cap, m_interval);
}

void MonitorSchedule::setCap(milliseconds cap)
{
    m_cap = std::max(cap, m_interval);
}

milliseconds MonitorSchedule::delayAfterFailures(int failures) const
{
    if (failures <= 0)
        return m_interval;
    milliseconds delay = std::max(m_interval, minimumBackoff);
    for (int i = 1; i < failures && delay < m_cap; ++i)
        delay *= 2;
    return std::min(delay, m_cap);
}

} // namespace SlurmDeck
