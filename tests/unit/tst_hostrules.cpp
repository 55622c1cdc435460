// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's host rules (HostRules) on a healthy 3-host cluster and on each fault a host
// shows: unreachable, a stopped service with its log, a port another program holds, a
// munge key of its own, a clock ahead, a disk full, an image of another architecture, and
// the munge failures real Slurm 22.05 daemons logged (tests/data/doctor). The df lines are
// what GNU df printed (this machine's root filesystem, a filled 16 MiB tmpfs).
#include "doctor/HostRules.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;

namespace {

const QString kKey = QStringLiteral("7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730");
const QString kOtherKey = QStringLiteral("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");

const char kRootDf[] = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n"
                       "/dev/vda         264212084 39482608  60854580      40% /\n";
const char kFullTmpfsDf[] = "Filesystem     1024-blocks  Used Available Capacity Mounted on\n"
                            "tmpfs                16384 16384         0     100% /tmp/tmpfs-x\n";

HostEvidence healthy(const QString &name, const QStringList &services, bool controller = false)
{
    HostEvidence host;
    host.host = name;
    host.services = services;
    host.controller = controller;
    host.directory = QStringLiteral("/home/alice/slurmdeck/lab");
    for (const QString &service : services)
        host.serviceStates.insert(service, QStringLiteral("running 0"));
    host.listeningPorts = {22, 6818, 9100};
    host.mungeKeySha256 = kKey;
    host.clockOffsetSeconds = 0.4;
    host.disks = HostRules::parseDiskUsage(QString::fromLatin1(kRootDf), {host.directory});
    host.engineArchitecture = QStringLiteral("x86_64");
    host.imageArchitectures.insert(QStringLiteral("slurmdeck/slurm:22.05"), QStringLiteral("x86_64"));
    return host;
}

QList<HostEvidence> cluster()
{
    return {healthy(QStringLiteral("primary"),
                    {QStringLiteral("mariadb"), QStringLiteral("slurmdbd"), QStringLiteral("slurmctld"),
                     QStringLiteral("slurmd"), QStringLiteral("prometheus"), QStringLiteral("node-exporter")},
                    true),
            healthy(QStringLiteral("gpu"), {QStringLiteral("slurmd"), QStringLiteral("node-exporter")}),
            healthy(QStringLiteral("nas"), {QStringLiteral("slurmd"), QStringLiteral("node-exporter")})};
}

QString fixture(const char *name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/doctor/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return QString::fromUtf8(file.readAll());
}

QStringList rulesOf(const QList<Finding> &findings)
{
    QStringList rules;
    for (const Finding &finding : findings)
        rules << finding.rule + u' ' + finding.host;
    return rules;
}

} // namespace

class TestHostRules final : public QObject
{
    Q_OBJECT

private slots:
    void healthyClusterGivesNothing() { QCOMPARE(HostRules::diagnose(cluster()), QList<Finding>()); }

    void unreachableHostIsNamedAndNotCheckedFurther()
    {
        QList<HostEvidence> hosts = cluster();
        const QString why = QStringLiteral("Cannot connect to 10.213.7.13:22: Timeout connecting");
        hosts[2] = HostEvidence{};
        hosts[2].host = QStringLiteral("nas");
        hosts[2].services = {QStringLiteral("slurmd")};
        hosts[2].unreachable = why;
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("host-unreachable nas")});
        QCOMPARE(findings.first().node, QStringLiteral("nas"));
        QCOMPARE(findings.first().evidence, why);
        QCOMPARE(findings.first().severity, Finding::Severity::Error);
    }

    void stoppedServiceShowsItsStateAndLog()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[1].serviceStates.insert(QStringLiteral("slurmd"), QStringLiteral("exited 3"));
        hosts[1].lastLogLines.insert(
            QStringLiteral("slurmd"),
            QStringLiteral("slurmd-1  | slurmd: error: Unable to bind listen port (6818)"));
        hosts[0].serviceStates.remove(QStringLiteral("node-exporter"));
        hosts[1].listeningPorts.erase(6818); // a stopped service leaves its port free
        hosts[0].listeningPorts.erase(9100);
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), (QStringList{QStringLiteral("service-stopped primary"),
                                                 QStringLiteral("service-stopped gpu")}));
        // The exporter only costs charts: a warning. slurmd costs the node: an error.
        QCOMPARE(findings.at(0).severity, Finding::Severity::Warning);
        QCOMPARE(findings.at(0).service, QStringLiteral("node-exporter"));
        QCOMPARE(findings.at(0).autoFix, Finding::AutoFix::StartService);
        QVERIFY2(findings.at(0).evidence.contains(QLatin1String("no container")),
                 qPrintable(findings.at(0).evidence));
        QVERIFY2(findings.at(0).cause.contains(QLatin1String("Prometheus")),
                 qPrintable(findings.at(0).cause));
        const Finding &slurmd = findings.at(1);
        QCOMPARE(slurmd.severity, Finding::Severity::Error);
        QCOMPARE(slurmd.node, QStringLiteral("gpu"));
        QCOMPARE(slurmd.service, QStringLiteral("slurmd"));
        QCOMPARE(slurmd.autoFix, Finding::AutoFix::StartService);
        QVERIFY2(slurmd.evidence.contains(QLatin1String("exited (restarted 3 times)")),
                 qPrintable(slurmd.evidence));
        QVERIFY2(slurmd.evidence.contains(QLatin1String("Unable to bind listen port")),
                 qPrintable(slurmd.evidence));
        QCOMPARE(slurmd.fix, QStringLiteral("slurmdeck-cli services gpu start slurmd"));
    }

    // The port is taken only when our service is not the one listening.
    void portHeldByAnotherProgram()
    {
        QList<HostEvidence> hosts = cluster();
        QVERIFY(HostRules::diagnose(hosts).isEmpty()); // slurmd itself listens on 6818
        hosts[2].serviceStates.insert(QStringLiteral("slurmd"), QStringLiteral("exited 0"));
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings),
                 (QStringList{QStringLiteral("service-stopped nas"), QStringLiteral("port-taken nas")}));
        QVERIFY2(findings.at(1).cause.contains(QLatin1String("Port 6818")), qPrintable(findings.at(1).cause));
        QVERIFY2(findings.at(1).fix.contains(QLatin1String("ss -ltnp")), qPrintable(findings.at(1).fix));
        QCOMPARE(findings.at(1).service, QStringLiteral("slurmd"));
        QCOMPARE(findings.at(1).autoFix, Finding::AutoFix::None); // the other program is the user's to stop
        hosts[2].listeningPorts.erase(6818);
        QCOMPARE(rulesOf(HostRules::diagnose(hosts)), QStringList{QStringLiteral("service-stopped nas")});
    }

    void mungeKeyIsComparedWithTheControllers()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[2].mungeKeySha256 = kOtherKey;
        QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("munge-key-differs nas")});
        QVERIFY2(findings.first().evidence.contains(kOtherKey.left(12)) &&
                     findings.first().evidence.contains(kKey.left(12)) &&
                     findings.first().evidence.contains(QLatin1String("primary")),
                 qPrintable(findings.first().evidence));
        QVERIFY2(findings.first().cause.contains(QLatin1String("Invalid credential")),
                 qPrintable(findings.first().cause));
        // The controller's key is the cluster's, even when it is the odd one out.
        hosts[2].mungeKeySha256 = kKey;
        hosts[0].mungeKeySha256 = kOtherKey;
        findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), (QStringList{QStringLiteral("munge-key-differs gpu"),
                                                 QStringLiteral("munge-key-differs nas")}));
        // Without the controller, most hosts decide; a host without the key file is named.
        hosts[0].unreachable = QStringLiteral("refused");
        hosts[1].mungeKeySha256.clear();
        findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), (QStringList{QStringLiteral("host-unreachable primary"),
                                                 QStringLiteral("munge-key-differs gpu")}));
        QVERIFY2(findings.at(1).evidence.contains(QLatin1String("no key file")),
                 qPrintable(findings.at(1).evidence));
    }

    void clockAgainstTheController_data()
    {
        QTest::addColumn<double>("controller");
        QTest::addColumn<double>("host");
        QTest::addColumn<QString>("expected");
        QTest::newRow("both a bit off") << 30.0 << 75.0 << QString();
        QTest::newRow("drifting") << 0.0 << -90.0 << QStringLiteral("warning 90 s behind");
        QTest::newRow("10 minutes ahead") << 0.0 << 600.0 << QStringLiteral("error 600 s ahead of");
        QTest::newRow("controller behind") << -400.0 << 0.0 << QStringLiteral("error 400 s ahead of");
    }

    void clockAgainstTheController()
    {
        QFETCH(double, controller);
        QFETCH(double, host);
        QFETCH(QString, expected);
        QList<HostEvidence> hosts = cluster();
        hosts[0].clockOffsetSeconds = controller;
        hosts[1].clockOffsetSeconds = host;
        hosts[2].clockOffsetSeconds = controller; // in step with the controller
        hosts[1].platform = Platform::MacOS;
        const QList<Finding> findings = HostRules::diagnose(hosts);
        if (expected.isEmpty()) {
            QCOMPARE(findings, QList<Finding>());
            return;
        }
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("clock-offset gpu")});
        const Finding &finding = findings.first();
        QVERIFY2(
            QString(Finding::severityText(finding.severity) + u' ' + finding.evidence).startsWith(expected),
            qPrintable(finding.evidence));
        QVERIFY2(finding.fix.contains(QLatin1String("Date & Time")), qPrintable(finding.fix));
    }

    void diskAlmostFull()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[1].disks +=
            HostRules::parseDiskUsage(QString::fromLatin1(kFullTmpfsDf), {QStringLiteral("/var/lib/docker")});
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("disk-almost-full gpu")});
        QCOMPARE(findings.first().severity, Finding::Severity::Error);
        QVERIFY2(findings.first().cause.contains(QLatin1String("/var/lib/docker")),
                 qPrintable(findings.first().cause));
        QVERIFY2(findings.first().evidence.startsWith(QLatin1String("100 % used, 0 MiB free of 16 MiB")),
                 qPrintable(findings.first().evidence));
    }

    void diskUsageParses()
    {
        const QList<DiskUsage> root =
            HostRules::parseDiskUsage(QString::fromLatin1(kRootDf), {QStringLiteral("/x")});
        QCOMPARE(root.size(), 1);
        QCOMPARE(root.first().path, QStringLiteral("/x"));
        QCOMPARE(root.first().mountPoint, QStringLiteral("/"));
        QCOMPARE(root.first().usedPercent(), 40); // as df's Capacity column
        const QList<DiskUsage> spaced = HostRules::parseDiskUsage(
            QStringLiteral("Filesystem 1024-blocks Used Available Capacity Mounted on\n"
                           "//nas/share 1000 950 50 95% /Volumes/My Share\n"),
            {QStringLiteral("/Volumes/My Share/slurmdeck")});
        QCOMPARE(spaced.size(), 1);
        QCOMPARE(spaced.first().mountPoint, QStringLiteral("/Volumes/My Share"));
        QCOMPARE(spaced.first().usedPercent(), 95);
        for (const char *garbage : {"", "df: /x: No such file or directory", "a b c d e f",
                                    "tmpfs 10 20 0 200% /t", "tmpfs -5 1 1 1% /t"})
            QCOMPARE(HostRules::parseDiskUsage(QString::fromLatin1(garbage), {QStringLiteral("/t")}).size(),
                     0);
    }

    void mungeFailuresAreReadFromTheLog()
    {
        const MungeFailures expired = HostRules::mungeFailures(fixture("slurmd-expired-credential.log"));
        QCOMPARE(expired.count, 3); // munged gone once, then two expired credentials
        QCOMPARE(expired.reason, QStringLiteral("Expired credential"));
        QCOMPARE(expired.peer, QStringLiteral("primary"));
        QCOMPARE(expired.lines.size(), 6);
        QVERIFY2(expired.lines.at(1).contains(QLatin1String("ENCODED: Mon Dec 07 02:03:43 2026")),
                 qPrintable(expired.lines.join(u'\n')));
        const MungeFailures refused = HostRules::mungeFailures(fixture("slurmctld-invalid-credential.log"));
        QVERIFY(refused.count >= 5);
        QCOMPARE(refused.reason, QStringLiteral("Invalid credential"));
        QCOMPARE(refused.peer, QStringLiteral("nas1"));
        // A daemon started again forgets what came before.
        QCOMPARE(HostRules::mungeFailures(fixture("slurmd-expired-credential.log") +
                                          QStringLiteral("slurmd-worker2: slurmd version 22.05.8 started\n"))
                     .count,
                 0);
        QCOMPARE(HostRules::mungeFailures(QStringLiteral("x\n[[a]:1] auth\n") + QString(100000, u'[')).count,
                 0);
        // A hostile host's escape sequences do not reach the terminal.
        const MungeFailures hostile = HostRules::mungeFailures(
            QStringLiteral("slurmd: error: Munge decode failed: Expired\x1b]0;owned\x07"));
        QCOMPARE(hostile.count, 1);
        QVERIFY2(!hostile.lines.first().contains(QChar(0x1b)) && !hostile.lines.first().contains(QChar(0x07)),
                 qPrintable(hostile.lines.first()));
    }

    // Only worker2's munged runs ahead: its slurmd refuses the controller's pings as expired.
    void mungeClockFromTheLog()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[1].mungeFailures.insert(QStringLiteral("slurmd"),
                                      HostRules::mungeFailures(fixture("slurmd-expired-credential.log")));
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("munge-clock gpu")});
        const Finding &finding = findings.first();
        QCOMPARE(finding.node, QStringLiteral("gpu"));
        QCOMPARE(finding.service, QStringLiteral("slurmd"));
        QVERIFY2(finding.cause.contains(QLatin1String("gpu and primary")), qPrintable(finding.cause));
        QVERIFY2(finding.evidence.contains(QLatin1String("3 munge failures")), qPrintable(finding.evidence));
        QVERIFY2(finding.fix.contains(QLatin1String("timedatectl set-ntp true")) &&
                     finding.fix.endsWith(QLatin1String("slurmdeck-cli services gpu restart slurmd")),
                 qPrintable(finding.fix));
    }

    // nas1's munged has another key: the controller's log names nas1; once the key files show
    // it, the file rule's finding is the one kept.
    void mungeKeyFromTheLogs()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[2].host = QStringLiteral("nas1"); // as the logs name it
        hosts[0].mungeFailures.insert(QStringLiteral("slurmctld"),
                                      HostRules::mungeFailures(fixture("slurmctld-invalid-credential.log")));
        hosts[2].mungeFailures.insert(QStringLiteral("slurmd"),
                                      HostRules::mungeFailures(fixture("slurmd-invalid-credential.log")));
        QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("munge-key-differs nas1")});
        QVERIFY2(findings.first().evidence.startsWith(QLatin1String("slurmctld on primary")),
                 qPrintable(findings.first().evidence));
        QVERIFY2(findings.first().fix.contains(QLatin1String("slurmdeck-cli services nas1 restart slurmd")),
                 qPrintable(findings.first().fix));
        hosts[2].mungeKeySha256 = kOtherKey;
        findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("munge-key-differs nas1")});
        QVERIFY2(findings.first().evidence.startsWith(QLatin1String("SHA-256")),
                 qPrintable(findings.first().evidence));
    }

    // The lab's sandbox with worker1's exporter stopped and worker2's port 9100 dropped by
    // iptables (tests/data/doctor/prometheus-targets.json).
    void scrapeTargetsDown()
    {
        const QList<ScrapeTarget> targets =
            HostRules::parseScrapeTargets(fixture("prometheus-targets.json").toUtf8());
        QCOMPARE(targets.size(), 5);
        QStringList down;
        for (const ScrapeTarget &target : targets) {
            if (!target.up)
                down << target.job + u' ' + target.node + u' ' + target.instance;
        }
        QCOMPARE(down, (QStringList{QStringLiteral("node worker1 10.213.7.12:9100"),
                                    QStringLiteral("node worker2 10.213.7.14:9100")}));
        QList<HostEvidence> hosts = cluster();
        hosts[0].scrapeTargets = targets;
        hosts[0].networkAddress = QStringLiteral("10.213.7.11");
        hosts[1].host = QStringLiteral("worker1");
        hosts[1].serviceStates.insert(QStringLiteral("node-exporter"), QStringLiteral("exited 0"));
        hosts[1].listeningPorts.erase(9100);
        hosts[2].host = QStringLiteral("worker2");
        const QList<Finding> findings = HostRules::diagnose(hosts);
        // worker1's stopped exporter is the service rule's; worker2's runs, so its port is blocked.
        QCOMPARE(rulesOf(findings), (QStringList{QStringLiteral("service-stopped worker1"),
                                                 QStringLiteral("prometheus-target-down worker2")}));
        const Finding &blocked = findings.at(1);
        QCOMPARE(blocked.severity, Finding::Severity::Warning);
        QCOMPARE(blocked.service, QStringLiteral("node-exporter"));
        QVERIFY2(blocked.evidence.contains(QLatin1String("context deadline exceeded")),
                 qPrintable(blocked.evidence));
        QVERIFY2(blocked.fix.contains(QLatin1String("sudo ufw allow from 10.213.7.11 to any port 9100")),
                 qPrintable(blocked.fix));
        for (const char *garbage :
             {"", "{}", "[1,2]", "{\"status\":\"success\",\"data\":{\"activeTargets\":[1]}}"})
            QCOMPARE(HostRules::parseScrapeTargets(garbage).size(), 0);
    }

    void slurmdPortBlockedFromTheController()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[0].networkAddress = QStringLiteral("10.0.0.1");
        hosts[1].networkAddress = QStringLiteral("10.0.0.2");
        hosts[0].slurmdReach = {{QStringLiteral("primary"), PortReach::Open},
                                {QStringLiteral("gpu"), PortReach::TimedOut},
                                {QStringLiteral("nas"), PortReach::Refused}};
        hosts[2].serviceStates.insert(QStringLiteral("slurmd"), QStringLiteral("exited 0"));
        hosts[2].listeningPorts.erase(6818);
        const QList<Finding> findings = HostRules::diagnose(hosts);
        // nas refuses because its slurmd is stopped: that is the service rule's.
        QCOMPARE(rulesOf(findings),
                 (QStringList{QStringLiteral("service-stopped nas"), QStringLiteral("port-blocked gpu")}));
        const Finding &blocked = findings.at(1);
        QCOMPARE(blocked.node, QStringLiteral("gpu"));
        QVERIFY2(blocked.evidence.contains(QLatin1String("10.0.0.2:6818: no answer in 3 s")),
                 qPrintable(blocked.evidence));
        QVERIFY2(blocked.fix.contains(QLatin1String("port 6818 proto tcp")), qPrintable(blocked.fix));
    }

    void filesChangedByHandAndForeignContainers()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[1].changedFiles = {QStringLiteral("etc/slurm/slurm.conf")};
        hosts[1].missingFiles = {QStringLiteral("etc/slurm/cgroup.conf")};
        hosts[2].foreignContainers.insert(QStringLiteral("node-exporter"),
                                          QStringLiteral("slurmdeck-lab_node-exporter_1 (project other)"));
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings),
                 (QStringList{QStringLiteral("file-drift gpu"), QStringLiteral("foreign-container nas")}));
        QCOMPARE(findings.at(0).severity, Finding::Severity::Warning);
        QCOMPARE(findings.at(0).evidence,
                 QStringLiteral("changed: etc/slurm/slurm.conf; missing: etc/slurm/cgroup.conf"));
        QVERIFY2(findings.at(0).fix.startsWith(QLatin1String("slurmdeck-cli plan --diff")),
                 qPrintable(findings.at(0).fix));
        QCOMPARE(findings.at(1).service, QStringLiteral("node-exporter"));
        QVERIFY2(findings.at(1).fix.contains(QLatin1String("docker rm -f slurmdeck-lab_node-exporter_1")),
                 qPrintable(findings.at(1).fix));
    }

    void imageOfAnotherArchitecture()
    {
        QList<HostEvidence> hosts = cluster();
        hosts[2].engineArchitecture = HostRules::normalisedArchitecture(QStringLiteral("arm64"));
        hosts[2].imageArchitectures.insert(QStringLiteral("slurmdeck/slurm:22.05"),
                                           HostRules::normalisedArchitecture(QStringLiteral("amd64")));
        const QList<Finding> findings = HostRules::diagnose(hosts);
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("image-architecture nas")});
        QVERIFY2(findings.first().evidence == u"image x86_64, engine aarch64",
                 qPrintable(findings.first().evidence));
        QVERIFY2(findings.first().fix.contains(QLatin1String("--images build")),
                 qPrintable(findings.first().fix));
    }
};

QTEST_GUILESS_MAIN(TestHostRules)
#include "tst_hostrules.moc"
