// SPDX-License-Identifier: GPL-3.0-or-later
// Job requests: the parsers of memory, time and GPU options, validation against the
// partitions and nodes of a snapshot read from captured Slurm output (tests/data/slurm/),
// and the sbatch command (script and environment on stdin, never in the argv).
#include "ResultTesting.h"
#include "slurm/JobRequest.h"
#include "slurm/SlurmQueries.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::JobRequests;

namespace {

QByteArray fixture(const QString &version, const QString &name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/slurm/") + version + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// debug (default, MaxTime 1 h, node01-05,07: 4 CPUs/3000 MB/2 tesla GPUs at most),
// gpu (MaxTime 2 days, node01 and node06: 8 CPUs, 16000 MB, 4 rtx3090), long (UNLIMITED,
// MaxMemPerNode 900).
ClusterSnapshot snapshotFrom(const QString &version)
{
    ClusterSnapshot snapshot;
    snapshot.version =
        SlurmQueries::parseVersion(fixture(version, QStringLiteral("version.txt"))).value_or({});
    snapshot.nodes = SlurmQueries::parseNodes(fixture(version, QStringLiteral("nodes.txt")), snapshot.version)
                         .value_or({})
                         .items;
    snapshot.partitions =
        SlurmQueries::parsePartitions(fixture(version, QStringLiteral("partitions.txt")), snapshot.version)
            .value_or({})
            .items;
    return snapshot;
}

JobRequest plain()
{
    JobRequest request;
    request.script = QStringLiteral("#!/bin/bash\nhostname\n");
    return request;
}

} // namespace

Q_DECLARE_METATYPE(SlurmDeck::JobRequest)

class TestJobRequest : public QObject
{
    Q_OBJECT

private slots:
    void memory_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("megabytes"); // -1: refused
        QTest::newRow("plain MB") << QStringLiteral("4096") << qint64(4096);
        QTest::newRow("M") << QStringLiteral("512M") << qint64(512);
        QTest::newRow("G") << QStringLiteral("4G") << qint64(4096);
        QTest::newRow("lower g") << QStringLiteral("2g") << qint64(2048);
        QTest::newRow("GB") << QStringLiteral("1GB") << qint64(1024);
        QTest::newRow("T") << QStringLiteral("1T") << qint64(1024 * 1024);
        QTest::newRow("K rounds up") << QStringLiteral("1500K") << qint64(2);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-4G") << qint64(-1);
        QTest::newRow("word") << QStringLiteral("lots") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
    }
    void memory()
    {
        QFETCH(QString, text);
        QFETCH(qint64, megabytes);
        const Result<qint64> parsed = parseMemory(text);
        if (megabytes < 0) {
            QVERIFY(!parsed);
            QVERIFY(parsed.error().message.contains(u"4G"));
        } else {
            SLURMDECK_VERIFY_OK(parsed);
            QCOMPARE(*parsed, megabytes);
        }
    }

    void timeLimit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minutes"); // 0: refused
        QTest::newRow("minutes") << QStringLiteral("90") << qint64(90);
        QTest::newRow("min:sec rounds up") << QStringLiteral("10:30") << qint64(11);
        QTest::newRow("h:m:s") << QStringLiteral("1:30:00") << qint64(90);
        QTest::newRow("d-h") << QStringLiteral("2-12") << qint64(2 * 1440 + 12 * 60);
        QTest::newRow("d-h:m") << QStringLiteral("1-01:30") << qint64(1440 + 90);
        QTest::newRow("d-h:m:s") << QStringLiteral("2-00:00:00") << qint64(2880);
        QTest::newRow("unlimited") << QStringLiteral("UNLIMITED") << qint64(-1);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("garbage") << QStringLiteral("1h") << qint64(0);
        QTest::newRow("too many parts") << QStringLiteral("1:2:3:4") << qint64(0);
    }
    void timeLimit()
    {
        QFETCH(QString, text);
        QFETCH(qint64, minutes);
        const Result<qint64> parsed = parseTimeLimit(text);
        if (minutes == 0) {
            QVERIFY(!parsed);
        } else {
            SLURMDECK_VERIFY_OK(parsed);
            QCOMPARE(*parsed, minutes);
        }
    }

    void formatsTimeLimits()
    {
        QCOMPARE(formatTimeLimit(90), QStringLiteral("01:30:00"));
        QCOMPARE(formatTimeLimit(2880), QStringLiteral("2-00:00:00"));
        QCOMPARE(formatTimeLimit(-1), QStringLiteral("UNLIMITED"));
    }

    void gpus()
    {
        Result<GpuRequest> any = parseGpus(QStringLiteral("2"));
        SLURMDECK_VERIFY_OK(any);
        QCOMPARE(any->count, 2);
        QVERIFY(any->type.isEmpty());
        Result<GpuRequest> typed = parseGpus(QStringLiteral("a100:4"));
        SLURMDECK_VERIFY_OK(typed);
        QCOMPARE(typed->type, QStringLiteral("a100"));
        QCOMPARE(typed->count, 4);
        QVERIFY(!parseGpus(QStringLiteral("a100:")));
        QVERIFY(!parseGpus(QStringLiteral("many")));

        QCOMPARE(gpusInGres(QStringLiteral("gpu:tesla:2"), {}), 2);
        QCOMPARE(gpusInGres(QStringLiteral("gpu:tesla:2"), QStringLiteral("tesla")), 2);
        QCOMPARE(gpusInGres(QStringLiteral("gpu:tesla:2"), QStringLiteral("a100")), 0);
        QCOMPARE(gpusInGres(QStringLiteral("gpu:a100:2(S:0-1),gpu:v100:1"), QStringLiteral("v100")), 1);
        QCOMPARE(gpusInGres(QStringLiteral("gpu:a100:2(S:0-1),gpu:v100:1"), {}), 3);
        QCOMPARE(gpusInGres(QStringLiteral("gpu:4"), {}), 4);
        QCOMPARE(gpusInGres(QStringLiteral("(null)"), {}), 0);
        QCOMPARE(gpuTypesInGres(QStringLiteral("gpu:a100:2,gpu:v100:1")),
                 (QStringList{QStringLiteral("a100"), QStringLiteral("v100")}));
    }

    void fixturesGiveTheExpectedCluster()
    {
        const ClusterSnapshot snapshot = snapshotFrom(QStringLiteral("22.05"));
        QCOMPARE(snapshot.partitions.size(), 3);
        QCOMPARE(snapshot.nodes.size(), 7);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<JobRequest>("request");
        QTest::addColumn<QString>("problem"); // a part of the one expected problem; empty: valid

        for (const QString &version : {QStringLiteral("22.05"), QStringLiteral("24.11")}) {
            const auto row = [&version](const char *name) {
                return &QTest::newRow(qPrintable(version + u' ' + QLatin1String(name)));
            };
            JobRequest request = plain();
            *row("plain in the default partition") << version << request << QString();

            request = plain();
            request.partition = QStringLiteral("gpu");
            request.gpus = 4;
            request.gpuType = QStringLiteral("rtx3090");
            request.memoryMb = 16000;
            request.cpusPerTask = 8;
            request.timeLimitMinutes = 2880;
            *row("largest gpu node, MaxTime") << version << request << QString();

            request = plain();
            request.partition = QStringLiteral("nope");
            *row("unknown partition")
                << version << request
                << QStringLiteral("There is no partition 'nope'. The cluster has: debug, "
                                  "gpu, long.");

            request = plain();
            request.memoryMb = 3001;
            *row("memory above every node") << version << request << QStringLiteral("(at most 3000 MB)");

            request = plain();
            request.partition = QStringLiteral("long");
            request.memoryMb = 950;
            *row("memory above MaxMemPerNode") << version << request << QStringLiteral("(at most 900 MB)");

            request = plain();
            request.partition = QStringLiteral("gpu");
            request.gpus = 5;
            *row("more GPUs than a node has") << version << request
                                              << QStringLiteral("5 GPUs per node is more than any node in "
                                                                "partition gpu has (at most 4)");

            request = plain();
            request.partition = QStringLiteral("gpu");
            request.gpus = 1;
            request.gpuType = QStringLiteral("a100");
            *row("unknown GPU type") << version << request << QStringLiteral("types there: tesla, rtx3090");

            request = plain();
            request.partition = QStringLiteral("long");
            request.gpus = 1;
            *row("partition without GPUs")
                << version << request << QStringLiteral("No node in partition long has GPUs.");

            request = plain();
            request.cpusPerTask = 5;
            *row("cpus per task") << version << request << QStringLiteral("(at most 4)");

            request = plain();
            request.nodes = 2;
            request.tasks = 6;
            request.cpusPerTask = 2;
            *row("cpus per node") << version << request << QStringLiteral("need 6 CPUs per node");

            request = plain();
            request.nodes = 7;
            *row("more nodes than the partition") << version << request
                                                  << QStringLiteral("Partition debug has 6 node(s); 7 were "
                                                                    "asked for.");

            request = plain();
            request.timeLimitMinutes = 61;
            *row("above MaxTime") << version << request
                                  << QStringLiteral(
                                         "The time limit 01:01:00 is above partition debug's MaxTime "
                                         "of 01:00:00.");

            request = plain();
            request.timeLimitMinutes = -1;
            *row("unlimited above MaxTime") << version << request << QStringLiteral("UNLIMITED is above");

            request = plain();
            request.partition = QStringLiteral("long");
            request.timeLimitMinutes = 100000;
            *row("unlimited partition") << version << request << QString();

            request = plain();
            request.script = QStringLiteral("hostname\n");
            *row("no interpreter line") << version << request << QStringLiteral("#!/bin/bash");

            request = plain();
            request.script.clear();
            *row("empty script") << version << request << QStringLiteral("The script is empty");

            request = plain();
            request.array = QStringLiteral("0-9%2");
            *row("array") << version << request << QString();
            request.array = QStringLiteral("1-x");
            *row("bad array") << version << request << QStringLiteral("array spec '1-x'");

            request = plain();
            request.environment = {QStringLiteral("TOKEN=s3cret value"), QStringLiteral("HOME")};
            *row("environment") << version << request << QString();
            request.environment = {QStringLiteral("1X=2")};
            *row("bad variable") << version << request
                                 << QStringLiteral("'1X' is not an environment variable");
            request.environment = {QStringLiteral("A=1,2")};
            *row("comma in value") << version << request << QStringLiteral("comma");
        }
    }
    void validation()
    {
        QFETCH(QString, version);
        QFETCH(JobRequest, request);
        QFETCH(QString, problem);
        const QStringList problems = validateJobRequest(request, snapshotFrom(version));
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            SLURMDECK_VERIFY_OK(checkJobRequest(request, snapshotFrom(version)));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
        const Result<void> checked = checkJobRequest(request, snapshotFrom(version));
        QVERIFY(!checked);
        QVERIFY(checked.error().code == Error::Code::InvalidArgument);
        QCOMPARE(checked.error().message, problems.first());
    }

    void unknownClusterIsNotValid()
    {
        const QStringList problems = validateJobRequest(plain(), ClusterSnapshot{});
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(u"not known yet"));
    }

    void sbatchArgumentsCarryEveryOption()
    {
        JobRequest request = plain();
        request.name = QStringLiteral("train it");
        request.partition = QStringLiteral("gpu");
        request.nodes = 2;
        request.tasks = 4;
        request.cpusPerTask = 2;
        request.memoryMb = 4096;
        request.gpus = 2;
        request.gpuType = QStringLiteral("a100");
        request.timeLimitMinutes = 90;
        request.workingDirectory = QStringLiteral("/data/run 1");
        request.outputPath = QStringLiteral("out-%j.txt");
        request.errorPath = QStringLiteral("err-%j.txt");
        request.array = QStringLiteral("0-3");
        request.environment = {QStringLiteral("TOKEN=secret")};
        const QStringList expected{
            QStringLiteral("sbatch"),
            QStringLiteral("--parsable"),
            QStringLiteral("--job-name=train it"),
            QStringLiteral("--partition=gpu"),
            QStringLiteral("--nodes=2"),
            QStringLiteral("--ntasks=4"),
            QStringLiteral("--cpus-per-task=2"),
            QStringLiteral("--mem=4096M"),
            QStringLiteral("--gres=gpu:a100:2"),
            QStringLiteral("--time=01:30:00"),
            QStringLiteral("--chdir=/data/run 1"),
            QStringLiteral("--output=out-%j.txt"),
            QStringLiteral("--error=err-%j.txt"),
            QStringLiteral("--array=0-3"),
        };
        QCOMPARE(sbatchArguments(request), expected);
        QCOMPARE(sbatchArguments(plain()),
                 (QStringList{QStringLiteral("sbatch"), QStringLiteral("--parsable")}));

        // The script and the environment's values go on stdin, never in the argv.
        const QStringList argv = submitArgv(request);
        QCOMPARE(argv.size(), 3);
        QCOMPARE(argv.at(0), QStringLiteral("sh"));
        QVERIFY(argv.at(2).contains(u"exec sbatch --parsable '--job-name=train it'"));
        QVERIFY(!argv.join(u' ').contains(u"secret"));
        QVERIFY(!argv.join(u' ').contains(u"hostname"));
        QCOMPARE(submitInput(request), QByteArray("ALL,TOKEN=secret\n#!/bin/bash\nhostname\n"));
        QCOMPARE(submitInput(plain()), QByteArray("\n#!/bin/bash\nhostname\n"));
        request.environment = {QStringLiteral("NONE"), QStringLiteral("A=1")};
        QCOMPARE(exportSpec(request), QStringLiteral("NONE,A=1"));
    }

    void submittedId()
    {
        SLURMDECK_VERIFY_OK(parseSubmitted("42\n"));
        QCOMPARE(*parseSubmitted("42\n"), QStringLiteral("42"));
        QCOMPARE(*parseSubmitted("43;lab\n"), QStringLiteral("43"));
        QVERIFY(!parseSubmitted("sbatch: error: Batch job submission failed\n"));
        QVERIFY(!parseSubmitted(""));
    }
};

QTEST_GUILESS_MAIN(TestJobRequest)
#include "tst_jobrequest.moc"
