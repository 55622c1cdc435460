// SPDX-License-Identifier: GPL-3.0-or-later
// JobMemoryUse: jobs Slurm's memory sampler killed are told apart from other failures, on
// sacct output captured from the lab's cluster with memory enforced (tests/data/slurm/README.md).
#include "slurm/JobMemoryUse.h"
#include "slurm/SlurmFormats.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace SlurmDeck;

namespace {

QByteArray capture()
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/slurm/22.05/memory-use.txt"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The jobs of the capture as the history shows them: every one ran on a node.
QList<SlurmJob> capturedJobs()
{
    QList<SlurmJob> jobs;
    for (const QByteArray &line : capture().split('\n')) {
        const QList<QByteArray> fields = line.split('\x1f');
        if (fields.size() != 4 || fields.first().contains('.'))
            continue;
        SlurmJob job;
        job.jobId = fields.at(0).toLongLong();
        job.id = QString::number(job.jobId);
        job.state = QString::fromUtf8(fields.at(1));
        job.nodeList = QStringLiteral("nas1");
        job.startTime = QDateTime::currentDateTimeUtc();
        jobs << job;
    }
    return jobs;
}

} // namespace

class TestJobMemoryUse final : public QObject
{
    Q_OBJECT

private slots:
    // The exact query the capture was made with.
    void argvIsTheCapturedQuery()
    {
        QCOMPARE(JobMemoryUse::argv({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
                 (QStringList{QStringLiteral("sacct"), QStringLiteral("--allusers"),
                              QStringLiteral("--noheader"), QStringLiteral("--parsable2"),
                              QStringLiteral("--delimiter=") + SlurmFormats::fieldSeparator,
                              QStringLiteral("--jobs=1,2,3,4,5,6,7,8,9,10,11"),
                              QStringLiteral("--format=JobIDRaw,State,ReqMem,MaxRSS")}));
    }

    void parsesRequestsAndTheLargestStep()
    {
        const QHash<qint64, JobMemoryUse::Use> uses = JobMemoryUse::parse(capture());
        QCOMPARE(uses.size(), 11);
        QCOMPARE(uses.value(2).requestedMb, 150);
        QCOMPARE(uses.value(2).maxRssKb, 313252);
        QCOMPARE(uses.value(9).requestedMb, 200); // --mem-per-cpu=100M -n 2, per node
        // Job 11's srun step (313396K) was killed; its batch step held 10728K.
        QCOMPARE(uses.value(11).maxRssKb, 313396);
        QCOMPARE(uses.value(7).maxRssKb, 0); // killed by itself (kill -9 $$), used nothing
        QCOMPARE(uses.value(1).requestedMb, 45888);
    }

    // Killed by the sampler: OUT_OF_MEMORY with the figures. Exit 3, its own SIGKILL, a
    // failed srun and a completed job keep Slurm's state.
    void onlyJobsOverTheirRequestBecomeOutOfMemory()
    {
        QList<SlurmJob> jobs = capturedJobs();
        QCOMPARE(jobs.size(), 11);
        const QList<qint64> asked = JobMemoryUse::candidates(jobs);
        QCOMPARE(asked, (QList<qint64>{11, 10, 9, 7, 6, 5, 4, 3, 2}));
        QCOMPARE(JobMemoryUse::markOutOfMemory(jobs, JobMemoryUse::parse(capture())), 6);
        QStringList outOfMemory;
        for (const SlurmJob &job : std::as_const(jobs)) {
            if (job.state == u"OUT_OF_MEMORY")
                outOfMemory << job.id;
        }
        QCOMPARE(outOfMemory, (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                           QStringLiteral("5"), QStringLiteral("9"), QStringLiteral("11")}));
        QCOMPARE(jobs.at(1).reason, QStringLiteral("Stopped using 306 MB, over its --mem of 150 MB"));
        QCOMPARE(jobs.at(5).state, QStringLiteral("FAILED"));
        QCOMPARE(jobs.at(7).state, QStringLiteral("COMPLETED"));
    }

    // Jobs that never started (cancelled while pending) are not asked about; the newest 500 are.
    void candidatesAreJobsThatRanNewestFirstAndBounded()
    {
        QList<SlurmJob> jobs;
        for (qint64 id = 1; id <= 600; ++id) {
            SlurmJob job;
            job.jobId = id;
            job.state = id % 2 ? QStringLiteral("FAILED") : QStringLiteral("CANCELLED");
            job.nodeList = QStringLiteral("n1");
            job.startTime = QDateTime::currentDateTimeUtc();
            jobs << job;
        }
        jobs[599].startTime = QDateTime(); // 600: cancelled before it started
        const QList<qint64> asked = JobMemoryUse::candidates(jobs);
        QCOMPARE(asked.size(), JobMemoryUse::maxJobsAsked);
        QCOMPARE(asked.first(), 599);
        QCOMPARE(asked.last(), 100);
    }

    // Hostile output: odd sizes, NaN, huge numbers, wrong field counts, random bytes.
    void garbageIsSkipped()
    {
        const QByteArray odd = "5\x1f"
                               "FAILED\x1f"
                               "150Mn\x1fx\n"
                               "5.0\x1f"
                               "CANCELLED\x1f\x1f"
                               "nan\n"
                               "5.1\x1fX\x1f\x1f"
                               "1e400K\n"
                               "5.2\x1fX\x1f\x1f"
                               "1.5G\n"
                               "-3\x1f"
                               "FAILED\x1f"
                               "1M\x1f\n"
                               "no fields\n";
        const QHash<qint64, JobMemoryUse::Use> uses = JobMemoryUse::parse(odd);
        QCOMPARE(uses.size(), 1);
        QCOMPARE(uses.value(5).requestedMb, 150);
        QCOMPARE(uses.value(5).maxRssKb, 1572864);
        QRandomGenerator random(7);
        for (int i = 0; i < 200; ++i) {
            QByteArray bytes(int(random.bounded(400)), Qt::Uninitialized);
            for (char &c : bytes)
                c = "0123456789.KMG\x1f\nFAILED"[random.bounded(22)];
            QList<SlurmJob> jobs = capturedJobs();
            (void)JobMemoryUse::markOutOfMemory(jobs, JobMemoryUse::parse(bytes));
        }
    }
};

QTEST_GUILESS_MAIN(TestJobMemoryUse)
#include "tst_jobmemoryuse.moc"
