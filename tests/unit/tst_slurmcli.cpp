// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck-cli's live-state commands without a cluster: durations, the nodes/jobs
// argument rules, usage errors before anything is reached, and the table/JSON output.
#include "InProcessCli.h"
#include "ResultTesting.h"
#include "cli/CliApplication.h"
#include "cli/SlurmCliArguments.h"
#include "cli/SlurmCliFormat.h"
#include "common/ApplicationInfo.h"
#include "common/DurationText.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace std::chrono_literals;

namespace {

using Run = Testing::CliRun;

Run run(const QStringList &arguments)
{
    return Testing::runCliInProcess(arguments);
}

std::optional<QString> opt(const char *text)
{
    return text ? std::optional<QString>(QString::fromUtf8(text)) : std::nullopt;
}

} // namespace

class TestSlurmCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { applyApplicationInfo(); }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: an error
        QTest::newRow("minutes") << QStringLiteral("30m") << qint64(1800);
        QTest::newRow("hours") << QStringLiteral("2h") << qint64(7200);
        QTest::newRow("days") << QStringLiteral("7d") << qint64(7 * 86400);
        QTest::newRow("week") << QStringLiteral("1w") << qint64(7 * 86400);
        QTest::newRow("seconds") << QStringLiteral("45s") << qint64(45);
        QTest::newRow("combined") << QStringLiteral("1h30m") << qint64(5400);
        QTest::newRow("upper case, spaces") << QStringLiteral(" 2H ") << qint64(7200);
        QTest::newRow("no unit") << QStringLiteral("30") << qint64(-1);
        QTest::newRow("zero") << QStringLiteral("0m") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-2h") << qint64(-1);
        QTest::newRow("unknown unit") << QStringLiteral("3y") << qint64(-1);
        QTest::newRow("over a year") << QStringLiteral("400d") << qint64(-1);
        QTest::newRow("huge") << QStringLiteral("9999999w") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("words") << QStringLiteral("two hours") << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const Result<std::chrono::seconds> parsed = DurationText::parse(text);
        if (seconds < 0) {
            QVERIFY(!parsed);
            QVERIFY(parsed.error().message.contains(QStringLiteral("30m")));
        } else {
            SLURMDECK_VERIFY_OK(parsed);
            QCOMPARE(parsed->count(), seconds);
        }
    }

    void ages()
    {
        QCOMPARE(DurationText::formatAge(-1), QStringLiteral("-"));
        QCOMPARE(DurationText::formatAge(999), QStringLiteral("0 s"));
        QCOMPARE(DurationText::formatAge(42000), QStringLiteral("42 s"));
        QCOMPARE(DurationText::formatAge(5 * 60000 + 10), QStringLiteral("5 min"));
        QCOMPARE(DurationText::formatAge((3 * 60 + 12) * 60000LL), QStringLiteral("3 h 12 min"));
        QCOMPARE(DurationText::formatAge(52 * 3600000LL), QStringLiteral("2 d 4 h"));
        QCOMPARE(DurationText::formatElapsed(65), QStringLiteral("01:05"));
        QCOMPARE(DurationText::formatElapsed(3 * 3600 + 5), QStringLiteral("03:00:05"));
        QCOMPARE(DurationText::formatElapsed(86400 + 3661), QStringLiteral("1-01:01:01"));
    }

    void nodesArguments()
    {
        using Action = NodesRequest::Action;
        const auto parse = [](QStringList positional, const char *reason = nullptr,
                              const char *wait = nullptr) {
            return parseNodesRequest(positional, opt(reason), opt(wait));
        };
        QVERIFY(parse({})->action == Action::List);
        const Result<NodesRequest> drain =
            parse({QStringLiteral("drain"), QStringLiteral("worker1")}, "disk  swap");
        SLURMDECK_VERIFY_OK(drain);
        QVERIFY(drain->action == Action::Drain);
        QCOMPARE(drain->nodes, QStringList{QStringLiteral("worker1")});
        // Several nodes, Slurm hostlists expanded, each once, in order.
        const Result<NodesRequest> several =
            parse({QStringLiteral("resume"), QStringLiteral("worker[1-3]"), QStringLiteral("gpu,worker2")});
        SLURMDECK_VERIFY_OK(several);
        QCOMPARE(several->nodes, (QStringList{QStringLiteral("worker1"), QStringLiteral("worker2"),
                                              QStringLiteral("worker3"), QStringLiteral("gpu")}));
        QCOMPARE(drain->reason, QStringLiteral("disk swap"));
        QVERIFY(parse({QStringLiteral("resume"), QStringLiteral("worker1")})->action == Action::Resume);
        const Result<NodesRequest> stop = parse({QStringLiteral("stop"), QStringLiteral("w2")}, "maint");
        SLURMDECK_VERIFY_OK(stop);
        QCOMPARE(stop->wait.count(), 600);
        const Result<NodesRequest> start =
            parse({QStringLiteral("start"), QStringLiteral("w2")}, nullptr, "30s");
        SLURMDECK_VERIFY_OK(start);
        QCOMPARE(start->wait.count(), 30);

        // Errors, each saying what to give.
        const Result<NodesRequest> noReason = parse({QStringLiteral("drain"), QStringLiteral("worker1")});
        QVERIFY(!noReason);
        QVERIFY(noReason.error().message.contains(QStringLiteral("--reason")));
        QVERIFY(!parse({QStringLiteral("drain"), QStringLiteral("worker1")}, "   "));
        QVERIFY(!parse({QStringLiteral("down"), QStringLiteral("worker1")}));
        QVERIFY(!parse({QStringLiteral("stop"), QStringLiteral("worker1")}));
        QVERIFY(!parse({QStringLiteral("resume"), QStringLiteral("worker1")}, "why"));
        QVERIFY(!parse({QStringLiteral("resume")}));
        QVERIFY(!parse({QStringLiteral("resume"), QStringLiteral("a"), QStringLiteral("-b")}));
        QVERIFY(!parse({QStringLiteral("resume"), QStringLiteral("a[1-")}));
        QVERIFY(!parse({QStringLiteral("reboot"), QStringLiteral("a")}));
        QVERIFY(!parse({QStringLiteral("drain"), QStringLiteral("-x")}, "r"));
        QVERIFY(!parse({}, "r"));
        QVERIFY(!parse({QStringLiteral("drain"), QStringLiteral("w")}, "r", "1m"));
        QVERIFY(!parse({QStringLiteral("start"), QStringLiteral("w")}, nullptr, "soon"));
    }

    void jobsArguments()
    {
        using Action = JobsRequest::Action;
        const auto parse = [](QStringList positional, const char *lines = nullptr) {
            return parseJobsRequest(positional, opt(lines));
        };
        QVERIFY(parse({})->action == Action::List);
        const Result<JobsRequest> cancel = parse({QStringLiteral("cancel"), QStringLiteral("42_3")});
        SLURMDECK_VERIFY_OK(cancel);
        QVERIFY(cancel->action == Action::Cancel);
        QCOMPARE(cancel->jobIds, QStringList{QStringLiteral("42_3")});
        const Result<JobsRequest> several =
            parse({QStringLiteral("hold"), QStringLiteral("7"), QStringLiteral("8_1"), QStringLiteral("7")});
        SLURMDECK_VERIFY_OK(several);
        QCOMPARE(several->jobIds, (QStringList{QStringLiteral("7"), QStringLiteral("8_1")}));
        QVERIFY(parse({QStringLiteral("hold"), QStringLiteral("1")})->action == Action::Hold);
        QVERIFY(parse({QStringLiteral("release"), QStringLiteral("1")})->action == Action::Release);
        QVERIFY(parse({QStringLiteral("requeue"), QStringLiteral("1")})->action == Action::Requeue);
        QVERIFY(parse({QStringLiteral("show"), QStringLiteral("1")})->action == Action::Show);
        const Result<JobsRequest> output = parse({QStringLiteral("output"), QStringLiteral("7")}, "5");
        SLURMDECK_VERIFY_OK(output);
        QCOMPARE(output->lines, 5);

        QVERIFY(!parse({QStringLiteral("cancel")}));
        QVERIFY(!parse({QStringLiteral("cancel"), QStringLiteral("abc")}));
        QVERIFY(!parse({QStringLiteral("cancel"), QStringLiteral("1"), QStringLiteral("x")}));
        QVERIFY(!parse({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY(!parse({QStringLiteral("output"), QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY(!parse({QStringLiteral("kill"), QStringLiteral("1")}));
        QVERIFY(!parse({QStringLiteral("show"), QStringLiteral("4_2")}));
        QVERIFY(!parse({QStringLiteral("hold"), QStringLiteral("4")}, "5"));
        QVERIFY(!parse({QStringLiteral("output"), QStringLiteral("4")}, "0"));
        QVERIFY(!parse({}, "3"));
    }

    // Usage errors are found before the cluster file is read (it does not exist here).
    void usageErrorsComeFirst_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("drain without reason")
            << QStringList{QStringLiteral("nodes"), QStringLiteral("drain"), QStringLiteral("worker1")}
            << QStringLiteral("--reason");
        QTest::newRow("bad since") << QStringList{QStringLiteral("history"), QStringLiteral("--since"),
                                                  QStringLiteral("5x")}
                                   << QStringLiteral("30m");
        QTest::newRow("bad job id") << QStringList{QStringLiteral("jobs"), QStringLiteral("cancel"),
                                                   QStringLiteral("x")}
                                    << QStringLiteral("job id");
        QTest::newRow("status argument") << QStringList{QStringLiteral("status"), QStringLiteral("extra")}
                                         << QStringLiteral("no arguments");
        QTest::newRow("json with action") << QStringList{QStringLiteral("nodes"), QStringLiteral("--json"),
                                                         QStringLiteral("resume"), QStringLiteral("w")}
                                          << QStringLiteral("--json");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("jobs"), QStringLiteral("--frobnicate")}
                                        << QStringLiteral("frobnicate");
    }
    void usageErrorsComeFirst()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QTemporaryDir home;
        const Run result = run(
            QStringList{QStringLiteral("--cluster"), home.filePath(QStringLiteral("none.yaml"))} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(says), qPrintable(result.err));
    }

    // hosts add refuses a role the cluster has already (one controller, database and
    // monitoring host at most) before it reaches any host, and leaves the file alone.
    void hostsAddRefusesASecondController()
    {
        QTemporaryDir home;
        const QString path = home.filePath(QStringLiteral("lab.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray yaml = "name: lab\nhosts:\n  - name: head\n    address: 10.0.0.5\n"
                                "    roles: [controller, compute]\n";
        file.write(yaml);
        file.close();
        const Run second = run({QStringLiteral("--cluster"), path, QStringLiteral("hosts"),
                                QStringLiteral("add"), QStringLiteral("10.0.0.6"), QStringLiteral("--roles"),
                                QStringLiteral("controller,compute"), QStringLiteral("--yes")});
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains(QStringLiteral("head is the cluster's controller already")),
                 qPrintable(second.err));
        const Run two =
            run({QStringLiteral("--cluster"), path, QStringLiteral("hosts"), QStringLiteral("add"),
                 QStringLiteral("10.0.0.6"), QStringLiteral("10.0.0.7"), QStringLiteral("--roles"),
                 QStringLiteral("monitoring"), QStringLiteral("--yes")});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains(QStringLiteral("only one host can be monitoring")), qPrintable(two.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), yaml);
    }

    void missingClusterFileSaysHowToMakeOne()
    {
        QTemporaryDir home;
        const Run result = run({QStringLiteral("--cluster"), home.filePath(QStringLiteral("none.yaml")),
                                QStringLiteral("status")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("init")), qPrintable(result.err));
    }

    void helpListsTheCommands()
    {
        const Run result = run({QStringLiteral("--help")});
        for (const char *word : {"status [--json]", "nodes [--json]", "jobs [--json]", "history [--since"})
            QVERIFY2(result.out.contains(QLatin1String(word)), word);
        const Run nodes = run({QStringLiteral("nodes"), QStringLiteral("--help")});
        QCOMPARE(nodes.exitCode, 0);
        QVERIFY(nodes.out.contains(QStringLiteral("--reason")));
    }

    void tablesAlign()
    {
        const QString text =
            SlurmCliFormat::table({QStringLiteral("A"), QStringLiteral("LONGER"), QStringLiteral("Z")},
                                  {{QStringLiteral("xxxx"), QStringLiteral("y"), QStringLiteral("z z")},
                                   {QStringLiteral("x"), QString(50, u'q'), QString()}},
                                  10);
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("A     LONGER      Z"));
        QCOMPARE(lines.at(1), QStringLiteral("xxxx  y           z z"));
        QVERIFY(lines.at(2).contains(QString(9, u'q') + QChar(0x2026)));
        QVERIFY(!lines.at(2).endsWith(u' '));
    }

    void statusShowsSourcesWithAges()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ClusterSnapshot snapshot;
        snapshot.takenAt = now.addSecs(-90);
        snapshot.version = SlurmVersion{22, 5, 8};
        SlurmNode drained;
        drained.name = QStringLiteral("worker1");
        drained.state = QStringLiteral("IDLE");
        drained.flags = {QStringLiteral("DRAIN")};
        drained.reason = QStringLiteral("disk");
        drained.cpusTotal = 4;
        snapshot.nodes = {drained};
        SlurmJob pending;
        pending.id = QStringLiteral("5");
        pending.jobId = 5;
        pending.state = QStringLiteral("PENDING");
        pending.reason = QStringLiteral("Resources");
        snapshot.jobs = {pending};
        snapshot.ssh = SourceHealth{QStringLiteral("ssh"), true, {}, now.addSecs(-2), now.addSecs(-2)};
        snapshot.controller =
            SourceHealth{QStringLiteral("slurmctld"), false, QStringLiteral("container stopped"),
                         now.addSecs(-90), now.addSecs(-2)};
        const QString text =
            SlurmCliFormat::statusText(QStringLiteral("lab"), QStringLiteral("primary"), snapshot, now);
        QVERIFY2(text.contains(QStringLiteral("Slurm 22.05.8")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(1 min ago), STALE")), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(
                     QStringLiteral("slurmctld\\s+FAILED\\s+1 min ago\\s+container stopped"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("IDLE+DRAIN")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 node(s): 1 drained")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 job(s) in the queue: 1 pending")), qPrintable(text));

        const QJsonObject json =
            SlurmCliFormat::statusJson(QStringLiteral("lab"), QStringLiteral("primary"), snapshot, now);
        QCOMPARE(json.value(QStringLiteral("stale")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("age_seconds")).toDouble(), 90.0);
        QCOMPARE(json.value(QStringLiteral("slurm_version")).toString(), QStringLiteral("22.05.8"));
        const QJsonArray sources = json.value(QStringLiteral("sources")).toArray();
        QCOMPARE(sources.size(), 3);
        QCOMPARE(sources.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("slurmctld"));
        QCOMPARE(sources.at(1).toObject().value(QStringLiteral("age_seconds")).toDouble(), 90.0);
        QVERIFY(sources.at(2).toObject().value(QStringLiteral("age_seconds")).isNull()); // never
        QCOMPARE(
            json.value(QStringLiteral("node_counts")).toObject().value(QStringLiteral("DRAINED")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("job_counts")).toObject().value(QStringLiteral("PENDING")).toInt(),
                 1);
        const QJsonObject node = json.value(QStringLiteral("nodes")).toArray().first().toObject();
        QCOMPARE(node.value(QStringLiteral("state_text")).toString(), QStringLiteral("IDLE+DRAIN"));
        QVERIFY(node.value(QStringLiteral("cpu_load")).isNull());
        const QJsonObject job = SlurmCliFormat::toJson(pending);
        QCOMPARE(job.value(QStringLiteral("job_id")).toInt(), 5);
        QVERIFY(job.value(QStringLiteral("time_limit_minutes")).isNull());
        QVERIFY(job.value(QStringLiteral("start_time")).isNull());
        QVERIFY(SlurmCliFormat::jobsTable(snapshot.jobs).contains(QStringLiteral("(Resources)")));
    }
};

QTEST_GUILESS_MAIN(TestSlurmCli)
#include "tst_slurmcli.moc"
