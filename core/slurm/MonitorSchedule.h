// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace SlurmDeck {

// When the monitor polls next: every `interval` while polls succeed; after failures it
// backs off, doubling from the interval (at least `minimumBackoff`) up to `cap`, so a dead
// controller is not hammered; the first success returns to the interval. Pure.
class MonitorSchedule final
{
public:
    static constexpr std::chrono::milliseconds defaultInterval{5000};
    static constexpr std::chrono::milliseconds defaultCap{30000};
    static constexpr std::chrono::milliseconds minimumInterval{500};
    static constexpr std::chrono::milliseconds minimumBackoff{2000};

    explicit MonitorSchedule(std::chrono::milliseconds interval = defaultInterval,
                             std::chrono::milliseconds cap = defaultCap);

    // Clamped to at least minimumInterval; the cap is never below the interval.
    void setInterval(std::chrono::milliseconds interval);
    void setCap(std::chrono::milliseconds cap);
    [[nodiscard]] std::chrono::milliseconds interval() const { return m_interval; }
    [[nodiscard]] std::chrono::milliseconds cap() const { return m_cap; }

    void recordSuccess() { m_failures = 0; }
    void recordFailure() { ++m_failures; }
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }

    // The wait before the next poll after the outcomes recorded so far.
    [[nodiscard]] std::chrono::milliseconds nextDelay() const { return delayAfterFailures(m_failures); }
    // 0 failures: the interval; n: max(interval, minimumBackoff) * 2^(n-1), capped.
    [[nodiscard]] std::chrono::milliseconds delayAfterFailures(int failures) const;

private:
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_cap;
    int m_failures = 0;
};

} // namespace SlurmDeck
