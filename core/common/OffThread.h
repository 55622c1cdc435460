// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Executor.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

#include <functional>

namespace SlurmDeck {

// Runs `work` on the Executor's Hosts lane and then `done` with its result on `context`'s
// thread; `done` does not run when `context` is destroyed first. For one blocking step of a
// session operation (an SSH round trip, packing a file) that a QObject waits for.
template<typename T>
void runOffThread(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Hosts), std::move(work)));
}

} // namespace SlurmDeck
