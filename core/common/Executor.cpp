// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Executor.h"

#include <QDeadlineTimer>
#include <QThreadPool>

#include <array>

namespace SlurmDeck {

namespace {

constexpr std::size_t laneCount = 5;

int maxThreads(Executor::Lane lane)
{
    switch (lane) {
    case Executor::Lane::Hosts:
        return 48; // one per busy host, plus one per followed log: the work is blocking SSH
    case Executor::Lane::Deploy:
        return 16;
    case Executor::Lane::Actions:
        return 8;
    case Executor::Lane::Discovery:
        return 16; // I/O bound: more threads than cores
    case Executor::Lane::Gpu:
        return 2;
    }
    return 4;
}

std::array<QThreadPool *, laneCount> &lanes()
{
    // Created once, never destroyed: see the class comment.
    static std::array<QThreadPool *, laneCount> pools = [] {
        std::array<QThreadPool *, laneCount> made{};
        for (std::size_t i = 0; i < laneCount; ++i) {
            made[i] = new QThreadPool;
            made[i]->setMaxThreadCount(maxThreads(static_cast<Executor::Lane>(i)));
        }
        return made;
    }();
    return pools;
}

} // namespace

QThreadPool *Executor::pool(Lane lane)
{
    return lanes()[static_cast<std::size_t>(lane)];
}

bool Executor::shutdown(std::chrono::milliseconds grace)
{
    const QDeadlineTimer deadline(grace);
    bool finished = true;
    for (QThreadPool *pool : lanes()) {
        pool->clear(); // work not started yet is dropped
        finished =
            pool->waitForDone(static_cast<int>(std::max<qint64>(deadline.remainingTime(), 0))) && finished;
    }
    return finished;
}

} // namespace SlurmDeck
