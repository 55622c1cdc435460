// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/WorkerThread.h"

#include <QMetaObject>
#include <QObject>
#include <QThread>

namespace SlurmDeck {

WorkerThread::WorkerThread(const QString &name, std::chrono::milliseconds grace) : m_grace(grace)
{
    m_thread = new QThread;
    m_thread->setObjectName(name);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

WorkerThread::~WorkerThread()
{
    m_thread->quit(); // work still queued is dropped with the worker
    if (m_thread->wait(m_grace)) {
        delete m_thread;
        return;
    }
    // Still inside a blocking call: the thread ends by itself and is deleted then.
    QThread *thread = m_thread;
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        delete thread;
}

void WorkerThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_worker, std::move(work), Qt::QueuedConnection);
}

} // namespace SlurmDeck
