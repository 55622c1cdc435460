// SPDX-License-Identifier: GPL-3.0-or-later
// The process's Executor: lanes are separate pools, and shutting down waits for the work
// still running at most the grace given, so quitting never hangs on a blocked task.
#include "common/Executor.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace SlurmDeck;
using namespace std::chrono_literals;

class TestExecutor final : public QObject
{
    Q_OBJECT

private slots:
    void lanesAreSeparatePools()
    {
        QVERIFY(Executor::pool(Executor::Lane::Hosts) != Executor::pool(Executor::Lane::Deploy));
        QCOMPARE(Executor::pool(Executor::Lane::Hosts), Executor::pool(Executor::Lane::Hosts));
        QVERIFY(Executor::pool(Executor::Lane::Hosts) != QThreadPool::globalInstance());
        QCOMPARE(Executor::pool(Executor::Lane::Gpu)->maxThreadCount(), 2);
    }

    void finishedWorkShutsDownAtOnce()
    {
        std::atomic<bool> ran = false;
        QtConcurrent::run(Executor::pool(Executor::Lane::Deploy), [&ran] { ran = true; }).waitForFinished();
        QVERIFY(ran);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(Executor::shutdown(1s));
        QVERIFY(timer.elapsed() < 1000);
    }

    // A task blocked far longer than the grace (as in a connect to a host that drops
    // packets): shutdown returns after the grace, saying not everything finished, and drops
    // the work that had not started.
    void blockedWorkDoesNotHoldShutdown()
    {
        QSemaphore release;
        QSemaphore started;
        std::atomic<int> queuedRan = 0;
        QThreadPool *actions = Executor::pool(Executor::Lane::Actions);
        const int threads = actions->maxThreadCount();
        for (int i = 0; i < threads; ++i) {
            (void)QtConcurrent::run(actions, [&] {
                started.release();
                release.tryAcquire(1, 10000);
            });
        }
        (void)QtConcurrent::run(actions, [&queuedRan] { ++queuedRan; });
        QVERIFY(started.tryAcquire(threads, 5000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!Executor::shutdown(300ms));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        release.release(threads);
        QVERIFY(actions->waitForDone(5000));
        QCOMPARE(queuedRan.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
