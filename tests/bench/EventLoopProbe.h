// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How long the thread's event loop was kept from running: a precise 1 ms timer notes the
// time between its ticks; any gap beyond the interval is time something else held the loop
// (a slot, a layout, painting). Figures only.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace SlurmDeck::Bench {

class EventLoopProbe final : public QObject
{
public:
    explicit EventLoopProbe(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 busy = m_busyNs ? m_busyNs() : 0;
            if (m_last >= 0) {
                m_gapsMs << (now - m_last) / 1e6;
                m_endsMs << now / 1e6;
                m_busyMs << (busy - m_lastBusy) / 1e6;
            }
            m_lastBusy = busy;
            m_last = now;
        });
    }

    void start()
    {
        m_gapsMs.clear();
        m_endsMs.clear();
        m_busyMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    // The longest the loop was held beyond the 1 ms tick.
    [[nodiscard]] double worstMs() const
    {
        return m_gapsMs.isEmpty() ? 0
                                  : std::max(0.0, *std::max_element(m_gapsMs.cbegin(), m_gapsMs.cend()) - 1);
    }
    [[nodiscard]] double percentileMs(double p) const
    {
        if (m_gapsMs.isEmpty())
            return 0;
        QList<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        const auto index = static_cast<qsizetype>(p * static_cast<double>(sorted.size() - 1));
        return std::max(0.0, sorted.at(index) - 1);
    }
    [[nodiscard]] qsizetype longerThan(double ms) const
    {
        return std::count_if(m_gapsMs.cbegin(), m_gapsMs.cend(), [ms](double gap) { return gap - 1 > ms; });
    }
    [[nodiscard]] qsizetype ticks() const { return m_gapsMs.size(); }
    // Milliseconds since start(), for lining up events with the gaps.
    [[nodiscard]] double nowMs() const { return m_clock.nsecsElapsed() / 1e6; }
    // Optional: a running total of nanoseconds spent delivering events (to tell a loop held by
    // our code from a thread that did not get the CPU).
    void setBusySource(std::function<qint64()> busyNs) { m_busyNs = std::move(busyNs); }

    struct Gap
    {
        double endMs = 0;  // when the loop ran again, since start()
        double heldMs = 0; // beyond the tick
        double busyMs = 0; // of which delivering events (with a busy source)
    };
    // The `count` longest gaps.
    [[nodiscard]] QList<Gap> longest(int count) const
    {
        QList<Gap> gaps;
        for (qsizetype i = 0; i < m_gapsMs.size(); ++i)
            gaps.append({m_endsMs.at(i), m_gapsMs.at(i) - 1, m_busyMs.value(i)});
        std::sort(gaps.begin(), gaps.end(), [](const Gap &a, const Gap &b) { return a.heldMs > b.heldMs; });
        return gaps.mid(0, count);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    QList<double> m_gapsMs;
    QList<double> m_endsMs;
    QList<double> m_busyMs;
    std::function<qint64()> m_busyNs;
    qint64 m_lastBusy = 0;
};

} // namespace SlurmDeck::Bench
