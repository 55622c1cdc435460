// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <functional>

class QObject;
class QThread;

namespace SlurmDeck {

// One owned thread that runs posted functions one at a time, in the order posted: the home
// of a blocking connection (libssh is blocking and a session is not thread-safe).
//
// The destructor never waits long on the calling (GUI) thread: it stops the queue, waits at
// most `grace`, and a function still running then (ssh_connect to an unreachable host takes
// its full timeout) finishes on its own; the thread ends after it and deletes itself. A
// posted function must therefore own (share) what it uses, never point into its poster.
class WorkerThread final
{
public:
    explicit WorkerThread(const QString &name,
                          std::chrono::milliseconds grace = std::chrono::milliseconds(200));
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    void post(std::function<void()> work);

private:
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives on m_thread; its events are the queue
    std::chrono::milliseconds m_grace;
};

} // namespace SlurmDeck
