// SPDX-License-Identifier: GPL-3.0-or-later
// The Slurm job parsers (queue, history, details), the scale sample and the fuzzing of every
// Slurm parser; see tst_slurmparsers.cpp.
#include "tst_slurmparsers.h"

void TestSlurmParsers::jobs_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("jobId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("nodeList");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<qint64>("timeUsedSeconds");
    QTest::addColumn<qint64>("timeLimitMinutes");
    QTest::addColumn<QDateTime>("startTime");
    for (const Capture &c : captures()) {
        const QString &v = c.dir;
        QTest::newRow(rowName(c, "gpu job"))
            << v << QStringLiteral("7") << qint64(7) << QStringLiteral("train model v2")
            << QStringLiteral("RUNNING") << QStringLiteral("None") << QStringLiteral("gpu")
            << QStringLiteral("node01") << 1 << 1 << c.used7 << qint64(30) << c.start7;
        QTest::newRow(rowName(c, "exclusive"))
            << v << QStringLiteral("8") << qint64(8) << QStringLiteral("all of node02")
            << QStringLiteral("RUNNING") << QStringLiteral("None") << QStringLiteral("debug")
            << QStringLiteral("node02") << 2 << 0 << c.used7 << qint64(60) << c.start7;
        QTest::newRow(rowName(c, "pipe and unit separator"))
            << v << QStringLiteral("9") << qint64(9)
            << QStringLiteral("pipe|and") + unitSeparator + u"unit sep" << QStringLiteral("RUNNING")
            << QStringLiteral("None") << QStringLiteral("debug") << QStringLiteral("node07") << 1 << 0
            << c.used9 << qint64(60) << c.start9;
        QTest::newRow(rowName(c, "unicode"))
            << v << QStringLiteral("10") << qint64(10) << QStringLiteral("Ünïcødé λ ジョブ 🚀")
            << QStringLiteral("RUNNING") << QStringLiteral("None") << QStringLiteral("gpu")
            << QStringLiteral("node01") << 1 << 0 << c.used9 << qint64(2880) << c.start9;
        QTest::newRow(rowName(c, "pending for gpus"))
            << v << QStringLiteral("11") << qint64(11) << QStringLiteral("needs 4 gpus")
            << QStringLiteral("PENDING") << QStringLiteral("ReqNodeNotAvail, UnavailableNodes:node06")
            << QStringLiteral("gpu") << QString() << 1 << 4 << qint64(0) << qint64(2880) << QDateTime();
        QTest::newRow(rowName(c, "held"))
            << v << QStringLiteral("12") << qint64(12) << QStringLiteral("held job")
            << QStringLiteral("PENDING") << QStringLiteral("JobHeldUser") << QStringLiteral("debug")
            << QString() << 1 << 0 << qint64(0) << qint64(60) << QDateTime();
        QTest::newRow(rowName(c, "array pending"))
            << v << QStringLiteral("13_[2-6%2]") << qint64(13) << QStringLiteral("array")
            << QStringLiteral("PENDING") << c.arrayReason << QStringLiteral("debug") << QString() << 1 << 0
            << qint64(0) << qint64(60) << QDateTime();
        QTest::newRow(rowName(c, "array task"))
            << v << QStringLiteral("13_1") << qint64(18) << QStringLiteral("array")
            << QStringLiteral("RUNNING") << QStringLiteral("None") << QStringLiteral("debug")
            << QStringLiteral("node07") << 1 << 0 << c.used9 << qint64(60) << c.start9;
        QTest::newRow(rowName(c, "dependency"))
            << v << QStringLiteral("14") << qint64(14) << QStringLiteral("after array")
            << QStringLiteral("PENDING") << QStringLiteral("Dependency") << QStringLiteral("debug")
            << QString() << 1 << 0 << qint64(0) << qint64(60) << QDateTime();
        QTest::newRow(rowName(c, "tab and quotes"))
            << v << QStringLiteral("15") << qint64(15) << QStringLiteral("tab\tand \"quotes\" 'x' \\ back")
            << QStringLiteral("PENDING") << QStringLiteral("PartitionDown") << QStringLiteral("long")
            << QString() << 1 << 0 << qint64(0) << qint64(-1) << QDateTime();
        QTest::newRow(rowName(c, "newline in name"))
            << v << QStringLiteral("16") << qint64(16) << QStringLiteral("line1\nline2")
            << QStringLiteral("PENDING") << QStringLiteral("JobHeldUser") << QStringLiteral("debug")
            << QString() << 1 << 0 << qint64(0) << qint64(60) << QDateTime();
        QTest::newRow(rowName(c, "record separator in name"))
            << v << QStringLiteral("17") << qint64(17) << QStringLiteral("rs") + recordSeparator + u'x'
            << QStringLiteral("PENDING") << QStringLiteral("JobHeldUser") << QStringLiteral("debug")
            << QString() << 1 << 0 << qint64(0) << qint64(60) << QDateTime();
    }
}

void TestSlurmParsers::jobs()
{
    QFETCH(QString, dir);
    QFETCH(QString, id);
    const Result<Parsed<SlurmJob>> parsed =
        parseJobs(fixture(dir, QStringLiteral("jobs.txt")), versionOf(dir));
    SLURMDECK_VERIFY_OK(parsed);
    QCOMPARE(parsed->skippedLines, 0);
    QCOMPARE(parsed->items.size(), 12);
    const SlurmJob *job = findBy(parsed->items, &SlurmJob::id, id);
    QVERIFY(job);
    QTEST(job->jobId, "jobId");
    QTEST(job->name, "name");
    QTEST(job->state, "state");
    QTEST(job->reason, "reason");
    QTEST(job->partition, "partition");
    QTEST(job->nodeList, "nodeList");
    QTEST(job->cpus, "cpus");
    QTEST(job->gpus, "gpus");
    QTEST(job->timeUsedSeconds, "timeUsedSeconds");
    QTEST(job->timeLimitMinutes, "timeLimitMinutes");
    QTEST(job->startTime, "startTime");
    QCOMPARE(job->user, QStringLiteral("alice"));
    QCOMPARE(job->account, QString()); // "(null)": no accounts configured
    QCOMPARE(job->nodeCount, 1);
    QVERIFY(job->submitTime.isValid());
}

void TestSlurmParsers::history_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("jobId");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("exitCode");
    QTest::addColumn<QString>("nodeList");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<qint64>("timeUsedSeconds");
    QTest::addColumn<qint64>("timeLimitMinutes");
    QTest::addColumn<QDateTime>("endTime");
    const QString alice = QStringLiteral("alice");
    const QString node03 = QStringLiteral("node03");
    for (const Capture &c : captures()) {
        const QString &v = c.dir;
        QTest::newRow(rowName(c, "completed"))
            << v << QStringLiteral("1") << qint64(1) << alice << QStringLiteral("ok job")
            << QStringLiteral("COMPLETED") << QStringLiteral("0:0") << node03 << 0 << qint64(0) << qint64(60)
            << c.ends[0];
        QTest::newRow(rowName(c, "exit 3"))
            << v << QStringLiteral("2") << qint64(2) << alice << QStringLiteral("fails with 3")
            << QStringLiteral("FAILED") << QStringLiteral("3:0") << node03 << 0 << qint64(0) << qint64(60)
            << c.ends[1];
        QTest::newRow(rowName(c, "killed by signal 9"))
            << v << QStringLiteral("3") << qint64(3) << alice << QStringLiteral("killed")
            << QStringLiteral("FAILED") << QStringLiteral("0:9") << node03 << 0 << qint64(0) << qint64(60)
            << c.ends[2];
        QTest::newRow(rowName(c, "cancelled"))
            << v << QStringLiteral("4") << qint64(4) << alice << QStringLiteral("to cancel")
            << QStringLiteral("CANCELLED") << QStringLiteral("0:0") << QString() << 0 << qint64(0)
            << qint64(-1) << c.ends[3];
        QTest::newRow(rowName(c, "other user, pipe"))
            << v << QStringLiteral("5") << qint64(5) << QStringLiteral("bob") << QStringLiteral("bob's|pipe")
            << QStringLiteral("COMPLETED") << QStringLiteral("0:0") << node03 << 0 << qint64(0) << qint64(60)
            << c.ends[4];
        QTest::newRow(rowName(c, "timeout"))
            << v << QStringLiteral("6") << qint64(6) << alice << QStringLiteral("times out")
            << QStringLiteral("TIMEOUT") << QStringLiteral("0:0") << node03 << 0 << qint64(72) << qint64(1)
            << c.ends[5];
        QTest::newRow(rowName(c, "running gpu"))
            << v << QStringLiteral("7") << qint64(7) << alice << QStringLiteral("train model v2")
            << QStringLiteral("RUNNING") << QStringLiteral("0:0") << QStringLiteral("node01") << 1 << c.used7
            << qint64(30) << QDateTime();
        QTest::newRow(rowName(c, "unit separator"))
            << v << QStringLiteral("9") << qint64(9) << alice
            << QStringLiteral("pipe|and") + unitSeparator + u"unit sep" << QStringLiteral("RUNNING")
            << QStringLiteral("0:0") << QStringLiteral("node07") << 0 << c.used9 << qint64(60) << QDateTime();
        // sacct prints double quotes in names as backquotes.
        QTest::newRow(rowName(c, "tab and quotes"))
            << v << QStringLiteral("15") << qint64(15) << alice
            << QStringLiteral("tab\tand `quotes` 'x' \\ back") << QStringLiteral("PENDING")
            << QStringLiteral("0:0") << QString() << 0 << qint64(0) << qint64(-1) << QDateTime();
        QTest::newRow(rowName(c, "array task"))
            << v << QStringLiteral("13_1") << qint64(18) << alice << QStringLiteral("array")
            << QStringLiteral("RUNNING") << QStringLiteral("0:0") << QStringLiteral("node07") << 0 << c.used9
            << qint64(60) << QDateTime();
        QTest::newRow(rowName(c, "array pending"))
            << v << QStringLiteral("13_[2-6%2]") << qint64(13) << alice << QStringLiteral("array")
            << QStringLiteral("PENDING") << QStringLiteral("0:0") << QString() << 0 << qint64(0) << qint64(60)
            << QDateTime();
    }
}

void TestSlurmParsers::history()
{
    QFETCH(QString, dir);
    QFETCH(QString, id);
    const Result<Parsed<SlurmJob>> parsed =
        parseHistory(fixture(dir, QStringLiteral("history.txt")), versionOf(dir));
    SLURMDECK_VERIFY_OK(parsed);
    QCOMPARE(parsed->skippedLines, 0);
    QCOMPARE(parsed->items.size(), 14);
    const SlurmJob *job = findBy(parsed->items, &SlurmJob::id, id);
    QVERIFY(job);
    QTEST(job->jobId, "jobId");
    QTEST(job->user, "user");
    QTEST(job->name, "name");
    QTEST(job->state, "state");
    QTEST(job->exitCode, "exitCode");
    QTEST(job->nodeList, "nodeList");
    QTEST(job->gpus, "gpus");
    QTEST(job->timeUsedSeconds, "timeUsedSeconds");
    QTEST(job->timeLimitMinutes, "timeLimitMinutes");
    QTEST(job->endTime, "endTime");
}

void TestSlurmParsers::jobDetails_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("jobId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("stdOut");
    QTest::addColumn<QString>("batchHost");
    QTest::addColumn<QStringList>("gpuIndices");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<bool>("explained");
    for (const Capture &c : captures()) {
        QTest::newRow(rowName(c, "running gpu job"))
            << c.dir << QStringLiteral("job-details-running.txt") << QStringLiteral("7") << qint64(7)
            << QStringLiteral("train model v2") << QStringLiteral("RUNNING") << QStringLiteral("None")
            << QStringLiteral("/tmp/slurm-7.out") << QStringLiteral("node01")
            << QStringList{QStringLiteral("node01: 0")} << 1 << false;
        QTest::newRow(rowName(c, "pending gpu job"))
            << c.dir << QStringLiteral("job-details-pending.txt") << QStringLiteral("11") << qint64(11)
            << QStringLiteral("needs 4 gpus") << QStringLiteral("PENDING")
            << QStringLiteral("ReqNodeNotAvail, UnavailableNodes:node06")
            << QStringLiteral("/tmp/slurm-11.out") << QString() << QStringList{} << 4 << true;
        QTest::newRow(rowName(c, "array task"))
            << c.dir << QStringLiteral("job-details-array.txt") << QStringLiteral("13_1") << qint64(18)
            << QStringLiteral("array") << QStringLiteral("RUNNING") << QStringLiteral("None")
            << QStringLiteral("/tmp/slurm-13_1.out") << QStringLiteral("node07") << QStringList{} << 0
            << false;
        QTest::newRow(rowName(c, "newline in name"))
            << c.dir << QStringLiteral("job-details-newline.txt") << QStringLiteral("16") << qint64(16)
            << QStringLiteral("line1\nline2") << QStringLiteral("PENDING") << QStringLiteral("JobHeldUser")
            << QStringLiteral("/tmp/slurm-16.out") << QString() << QStringList{} << 0 << true;
    }
}

void TestSlurmParsers::jobDetails()
{
    QFETCH(QString, dir);
    QFETCH(QString, file);
    const Result<SlurmJobDetails> details = parseJobDetails(fixture(dir, file), versionOf(dir));
    SLURMDECK_VERIFY_OK(details);
    QTEST(details->job.id, "id");
    QTEST(details->job.jobId, "jobId");
    QTEST(details->job.name, "name");
    QTEST(details->job.state, "state");
    QTEST(details->job.reason, "reason");
    QTEST(details->job.stdOut, "stdOut");
    QTEST(details->batchHost, "batchHost");
    QTEST(details->gpuIndices, "gpuIndices");
    QTEST(details->job.gpus, "gpus");
    QFETCH(bool, explained);
    QCOMPARE(!details->reasonExplained.isEmpty(), explained);
    QCOMPARE(details->job.user, QStringLiteral("alice"));
    QCOMPARE(details->userId.value_or(-1), qint64(2001)); // the job's output is read as these
    QCOMPARE(details->groupId.value_or(-1), qint64(2001));
    QCOMPARE(details->job.workDir, QStringLiteral("/tmp"));
    QCOMPARE(details->job.stdErr, details->job.stdOut);
    QCOMPARE(details->command, QString()); // --wrap jobs: Command=(null)
}

// Trimmed output of tests/lab/scale/scale.sh (1,000 nodes without slurmd, 10,000 jobs).
void TestSlurmParsers::scaleSample()
{
    const QString dir = QStringLiteral("22.05/scale");
    const SlurmVersion v = versionOf(dir);
    const Result<Parsed<SlurmNode>> nodes = parseNodes(fixture(dir, QStringLiteral("nodes.txt")), v);
    SLURMDECK_VERIFY_OK(nodes);
    QCOMPARE(nodes->skippedLines, 0);
    QCOMPARE(nodes->items.size(), 30);
    const SlurmNode &drained = nodes->items.at(0);
    QCOMPARE(drained.name, QStringLiteral("n0001"));
    QCOMPARE(drained.state, QStringLiteral("UNKNOWN"));
    QCOMPARE(drained.flags, (QStringList{QStringLiteral("DRAIN"), QStringLiteral("NOT_RESPONDING")}));
    QCOMPARE(drained.reason, QStringLiteral("scale: drained for maintenance"));
    QCOMPARE(nodes->items.at(2).stateText(), QStringLiteral("DOWN+NOT_RESPONDING"));
    const SlurmNode &gpuNode = nodes->items.last();
    QCOMPARE(gpuNode.name, QStringLiteral("n1000"));
    QCOMPARE(gpuNode.gpusTotal, 8);
    QCOMPARE(gpuNode.memoryTotalMb, qint64(512000));
    QCOMPARE(gpuNode.partitions, (QStringList{QStringLiteral("batch"), QStringLiteral("gpu")}));

    const Result<Parsed<SlurmPartition>> partitions =
        parsePartitions(fixture(dir, QStringLiteral("partitions.txt")), v);
    SLURMDECK_VERIFY_OK(partitions);
    QCOMPARE(partitions->items.size(), 2);
    QCOMPARE(partitions->items.at(0).nodes.size(), 1000);
    QCOMPARE(partitions->items.at(0).nodes.first(), QStringLiteral("n0001"));
    QCOMPARE(partitions->items.at(0).nodes.last(), QStringLiteral("n1000"));
    QCOMPARE(partitions->items.at(1).nodes.size(), 100);
    QCOMPARE(partitions->items.at(1).maxTimeMinutes, qint64(1440));

    const Result<Parsed<SlurmJob>> jobs = parseJobs(fixture(dir, QStringLiteral("jobs.txt")), v);
    SLURMDECK_VERIFY_OK(jobs);
    QCOMPARE(jobs->skippedLines, 0);
    QCOMPARE(jobs->items.size(), 200);
    for (const SlurmJob &job : jobs->items) {
        QVERIFY(job.name.startsWith(QStringLiteral("scale job ")));
        QCOMPARE(job.state, QStringLiteral("PENDING"));
        QCOMPARE(job.reason, QStringLiteral("JobHeldUser"));
    }
    QCOMPARE(jobs->items.first().jobId, qint64(10000));
    QCOMPARE(jobs->items.first().cpus, 7);
}

void TestSlurmParsers::pendingReasonsAreExplained()
{
    QVERIFY(explainPendingReason(QStringLiteral("Resources"))
                .startsWith(QStringLiteral("Waiting for resources")));
    QVERIFY(explainPendingReason(QStringLiteral("JobHeldUser")).contains(QStringLiteral("release")));
    const QString unavailable =
        explainPendingReason(QStringLiteral("ReqNodeNotAvail, UnavailableNodes:node06"));
    QVERIFY(unavailable.contains(QStringLiteral("not available")));
    QVERIFY(unavailable.contains(QStringLiteral("UnavailableNodes:node06")));
    QVERIFY(explainPendingReason(QStringLiteral("QOSMaxJobsPerUserLimit")).contains(QStringLiteral("QOS")));
    QVERIFY(explainPendingReason(QStringLiteral("SomethingNew")).contains(QStringLiteral("SomethingNew")));
    QCOMPARE(explainPendingReason(QString()), QString());
}

void TestSlurmParsers::unreadableOutputIsAnError()
{
    const SlurmVersion v{22, 5, 8};
    const QByteArray garbage("error: something odd\nanother line\n");
    const Result<Parsed<SlurmNode>> nodes = parseNodes(garbage, v);
    QVERIFY(!nodes.has_value());
    QVERIFY(nodes.error().detail.contains(QStringLiteral("line 1")));
    QVERIFY(!parsePartitions(garbage, v).has_value());
    QVERIFY(!parseJobs(QByteArray("a\x1f"
                                  "b\x1e\n"),
                       v)
                 .has_value());
    QVERIFY(!parseHistory(QByteArray("x\x1fy\n"), v).has_value());
    QVERIFY(!parseJobDetails(garbage, v).has_value());
    // Nothing at all is an empty cluster or queue, not an error.
    QVERIFY(parseNodes({}, v).has_value());
    QVERIFY(parseJobs({}, v).has_value());
    QVERIFY(parseHistory({}, v).has_value());
}

void TestSlurmParsers::brokenLinesAreSkippedAndCounted()
{
    const SlurmVersion v{22, 5, 8};
    QByteArray nodes = "garbage before\n" + fixture(QStringLiteral("22.05"), QStringLiteral("nodes.txt"));
    nodes += "NodeName=broken CPUTot=4\n"; // no State
    const Result<Parsed<SlurmNode>> parsedNodes = parseNodes(nodes, v);
    SLURMDECK_VERIFY_OK(parsedNodes);
    QCOMPARE(parsedNodes->items.size(), 7);
    QCOMPARE(parsedNodes->skippedLines, 2);

    // A queue cut off in the middle of its last record: the complete records stay.
    const QByteArray jobs = fixture(QStringLiteral("22.05"), QStringLiteral("jobs.txt"));
    const Result<Parsed<SlurmJob>> cut = parseJobs(jobs.left(jobs.size() - 20), v);
    SLURMDECK_VERIFY_OK(cut);
    QCOMPARE(cut->items.size(), 11);
    QCOMPARE(cut->skippedLines, 1);
    QByteArray withBadRecord = jobs;
    withBadRecord.prepend("x\x1fnot a job id\x1e\n");
    const Result<Parsed<SlurmJob>> bad = parseJobs(withBadRecord, v);
    SLURMDECK_VERIFY_OK(bad);
    QCOMPARE(bad->items.size(), 12);
    QCOMPARE(bad->skippedLines, 1);
}

void TestSlurmParsers::fuzz_data()
{
    QTest::addColumn<QString>("file");
    for (const char *dir : {"22.05", "24.11"}) {
        for (const char *file : {"nodes.txt", "partitions.txt", "jobs.txt", "history.txt",
                                 "job-details-running.txt", "job-details-newline.txt", "version.txt"})
            QTest::addRow("%s/%s", dir, file) << QString::fromLatin1(dir) + u'/' + QString::fromLatin1(file);
    }
}

// Random mutations of real output: byte flips, separators and brackets inserted, slices
// deleted or duplicated, truncation. Every parser gets every mutant; none may crash, and
// each answer is either items or an Error with a message.
void TestSlurmParsers::fuzz()
{
    QFETCH(QString, file);
    const QByteArray original = fixture(file.section(u'/', 0, 0), file.section(u'/', 1));
    const int iterations = qEnvironmentVariableIntValue("SLURMDECK_FUZZ_ITERATIONS") > 0
                               ? qEnvironmentVariableIntValue("SLURMDECK_FUZZ_ITERATIONS")
                               : 3000;
    QRandomGenerator random(0x5D5EED ^ uint(qHash(file)));
    static const char interesting[] = {'\x1f', '\x1e', '\n', '=', ' ', '[',  ']', '-',    ',',
                                       '(',    ')',    ':',  '+', '@', '\0', '9', '\xff', '\xc3'};
    const SlurmVersion v{22, 5, 8};
    int parsedSomething = 0;
    for (int i = 0; i < iterations; ++i) {
        QByteArray data = original;
        const int mutations = 1 + int(random.bounded(8));
        for (int m = 0; m < mutations && !data.isEmpty(); ++m) {
            const qsizetype pos = qsizetype(random.bounded(quint32(data.size())));
            switch (random.bounded(6)) {
            case 0:
                data[pos] = char(random.bounded(256));
                break;
            case 1:
                data.insert(pos, interesting[random.bounded(int(sizeof interesting))]);
                break;
            case 2:
                data.remove(pos, qsizetype(random.bounded(64)));
                break;
            case 3:
                data.insert(pos, data.mid(qsizetype(random.bounded(quint32(data.size()))), 40));
                break;
            case 4:
                data.truncate(pos);
                break;
            default:
                data.insert(pos, "[0-99999999999]");
                break;
            }
        }
        const auto check = [&](const auto &result) {
            if (result.has_value())
                ++parsedSomething;
            else
                QVERIFY(!result.error().message.isEmpty());
        };
        check(parseNodes(data, v));
        check(parsePartitions(data, v));
        check(parseJobs(data, v));
        check(parseHistory(data, v));
        check(parseJobDetails(data, v));
        check(parseVersion(data));
        const QStringList hosts = expandHostList(QString::fromUtf8(data.left(300)));
        QVERIFY(hosts.size() <= 200'000);
    }
    QVERIFY(parsedSomething > 0);
}

void TestSlurmParsers::randomBytes()
{
    QRandomGenerator random(20261125);
    const SlurmVersion v{22, 5, 8};
    for (int i = 0; i < 3000; ++i) {
        QByteArray data(qsizetype(random.bounded(600)), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256));
        // Random bytes with a plausible start, so the parsers go past their first check.
        static const char *const starts[] = {"", "NodeName=", "PartitionName=", "JobId=", "1\x1f", "slurm "};
        data.prepend(starts[random.bounded(int(std::size(starts)))]);
        (void)parseNodes(data, v);
        (void)parsePartitions(data, v);
        (void)parseJobs(data, v);
        (void)parseHistory(data, v);
        (void)parseJobDetails(data, v);
        (void)parseVersion(data);
        (void)expandHostList(QString::fromLatin1(data));
    }
    QVERIFY(true); // reaching here without a crash is the assertion
}
