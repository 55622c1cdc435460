// SPDX-License-Identifier: GPL-3.0-or-later
// What --json prints for deploy, down, remove, init and hosts (cli/ReportJson): each host's
// outcome with its failure, each check, snake_case keys, ISO 8601 times in UTC, null for what
// is unknown. `hosts` and `hosts --json` list the cluster file's hosts without contacting
// them. (tst_clideploylab runs deploy --json and down --json on real hosts.)
#include "cli/CliApplication.h"
#include "cli/ReportJson.h"
#include "inventory/ClusterFile.h"

#include "InProcessCli.h"
#include "ResultTesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace SlurmDeck;

class TestCliJson final : public QObject
{
    Q_OBJECT

private:
    using Run = Testing::CliRun;
    static Run run(const QStringList &arguments) { return Testing::runCliInProcess(arguments); }

    static Cluster twoHosts()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("homelab");
        Host head;
        head.name = QStringLiteral("head");
        head.address = QStringLiteral("10.0.0.1");
        head.user = QStringLiteral("alice");
        head.roles = HostRole::Controller | HostRole::Compute;
        head.detected.platform = Platform::Linux;
        head.detected.cpus = 16;
        head.detected.memoryMib = 65536;
        head.detected.gpus = 1;
        Host mac;
        mac.name = QStringLiteral("mac");
        mac.address = QStringLiteral("macbook");
        mac.port = 2222;
        mac.roles = HostRole::Compute;
        mac.platformOverride = Platform::MacOS;
        mac.detected.cpus = 10;
        mac.detected.engineCpus = 4;
        cluster.hosts << head << mac;
        return cluster;
    }

private slots:
    void deployReportNamesEachHostsOutcomeAndEachCheck()
    {
        DeployReport report;
        HostDeployResult done;
        done.host = QStringLiteral("head");
        done.phase = DeployPhase::Done;
        done.changedFiles = {QStringLiteral("etc/slurm/slurm.conf")};
        done.startedServices = {QStringLiteral("slurmctld")};
        done.mungeKeySha256 = QStringLiteral("ab12");
        HostDeployResult failed;
        failed.host = QStringLiteral("mac");
        failed.phase = DeployPhase::Failed;
        failed.message = QStringLiteral("Ports 6818 on mac are taken by another program");
        report.hosts << done << failed;
        report.checks
            << VerificationCheck{QStringLiteral("slurmctld answers"), true, {}, QStringLiteral("head")}
            << VerificationCheck{QStringLiteral("every node idle"), false, QStringLiteral("mac: down"), {}};
        report.elapsedMs = 52100;
        report.slurmConfig.apply = SlurmConfChange::Apply::Reconfigure;
        report.slurmConfig.reasons = {QStringLiteral("partition gpu added")};
        const QDateTime finished(QDate(2026, 12, 7), QTime(13, 5, 9), QTimeZone(3600));

        const QJsonObject json = deployReportJson(QStringLiteral("homelab"), report, finished);
        QCOMPARE(json.value(u"cluster").toString(), QStringLiteral("homelab"));
        QCOMPARE(json.value(u"ok").toBool(true), false);
        QCOMPARE(json.value(u"finished").toString(), QStringLiteral("2026-12-07T12:05:09Z"));
        QCOMPARE(json.value(u"elapsed_seconds").toDouble(), 52.1);
        QCOMPARE(json.value(u"slurm_config").toObject().value(u"apply").toString(),
                 QStringLiteral("reconfigure"));
        const QJsonArray hosts = json.value(u"hosts").toArray();
        QCOMPARE(hosts.size(), 2);
        const QJsonObject head = hosts.at(0).toObject();
        QCOMPARE(head.value(u"ok").toBool(), true);
        QCOMPARE(head.value(u"phase").toString(), QStringLiteral("done"));
        QVERIFY(head.value(u"message").isNull());
        QCOMPARE(head.value(u"changed_files").toArray().first().toString(),
                 QStringLiteral("etc/slurm/slurm.conf"));
        QCOMPARE(head.value(u"munge_key_sha256").toString(), QStringLiteral("ab12"));
        const QJsonObject mac = hosts.at(1).toObject();
        QCOMPARE(mac.value(u"ok").toBool(true), false);
        QCOMPARE(mac.value(u"phase").toString(), QStringLiteral("failed"));
        QCOMPARE(mac.value(u"message").toString(), failed.message);
        const QJsonArray checks = json.value(u"checks").toArray();
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(1).toObject().value(u"passed").toBool(true), false);
        QCOMPARE(checks.at(1).toObject().value(u"detail").toString(), QStringLiteral("mac: down"));
        QVERIFY(checks.at(1).toObject().value(u"host").isNull());
    }

    void clusterOperationSaysWhichHostFailed()
    {
        ClusterOperationReport report;
        report.operation = ClusterOperation::Remove;
        report.purgeData = true;
        report.hosts << HostReport{QStringLiteral("head"), std::nullopt, QStringLiteral("removed")}
                     << HostReport{QStringLiteral("mac"),
                                   Error{Error::Code::Network, QStringLiteral("mac does not answer"), {}},
                                   {}};
        const QJsonObject json =
            clusterOperationJson(QStringLiteral("homelab"), report, QDateTime::currentDateTimeUtc());
        QCOMPARE(json.value(u"operation").toString(), QStringLiteral("remove"));
        QCOMPARE(json.value(u"purge_data").toBool(), true);
        QCOMPARE(json.value(u"ok").toBool(true), false);
        const QJsonArray hosts = json.value(u"hosts").toArray();
        QCOMPARE(hosts.at(0).toObject().value(u"message").toString(), QStringLiteral("removed"));
        QVERIFY(hosts.at(0).toObject().value(u"error").isNull());
        QVERIFY2(
            hosts.at(1).toObject().value(u"error").toString().contains(QStringLiteral("mac does not answer")),
            qPrintable(hosts.at(1).toObject().value(u"error").toString()));
        QVERIFY(QDateTime::fromString(json.value(u"finished").toString(), Qt::ISODate).isValid());

        report.operation = ClusterOperation::Stop;
        const QJsonObject down =
            clusterOperationJson(QStringLiteral("homelab"), report, QDateTime::currentDateTimeUtc());
        QCOMPARE(down.value(u"operation").toString(), QStringLiteral("down"));
        QVERIFY(!down.contains(u"purge_data"));
    }

    void hostsListsTheClusterFileWithoutContactingAHost()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("homelab.yaml"));
        SLURMDECK_VERIFY_OK(ClusterFile::save(twoHosts(), file));

        const Run listed = run({QStringLiteral("--cluster"), file, QStringLiteral("hosts")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral(
                     "head +alice@10\\.0\\.0\\.1 +linux +16 +64\\.0 GiB +1 +controller, compute"))),
                 qPrintable(listed.out));
        QVERIFY2(listed.out.contains(
                     QRegularExpression(QStringLiteral("mac +macbook:2222 +macos +10 +- +- +compute"))),
                 qPrintable(listed.out));

        const Run json = run({QStringLiteral("hosts"), QStringLiteral("list"), QStringLiteral("--json"),
                              QStringLiteral("--cluster"), file});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError parsed;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &parsed).object();
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        QCOMPARE(object.value(u"cluster").toString(), QStringLiteral("homelab"));
        QCOMPARE(object.value(u"file").toString(), file);
        const QJsonArray hosts = object.value(u"hosts").toArray();
        QCOMPARE(hosts.size(), 2);
        const QJsonObject mac = hosts.at(1).toObject();
        QCOMPARE(mac.value(u"platform").toString(), QStringLiteral("macos"));
        QCOMPARE(mac.value(u"port").toInt(), 2222);
        QCOMPARE(mac.value(u"engine_cpus").toInt(), 4);
        QVERIFY(mac.value(u"user").isNull());
        QVERIFY(mac.value(u"memory_mib").isNull());
        QCOMPARE(hosts.at(0).toObject().value(u"roles").toArray().size(), 2);
    }

    void hostsOfAMissingFileIsAnError()
    {
        QTemporaryDir dir;
        const Run listed = run({QStringLiteral("--cluster"), dir.filePath(QStringLiteral("none.yaml")),
                                QStringLiteral("hosts"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 1);
        QVERIFY(listed.out.isEmpty());
        QVERIFY2(listed.err.contains(QStringLiteral("none.yaml")), qPrintable(listed.err));
    }
};

QTEST_GUILESS_MAIN(TestCliJson)
#include "tst_clijson.moc"
