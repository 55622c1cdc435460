// SPDX-License-Identifier: GPL-3.0-or-later
// Operating a deployed cluster, as a user does with slurmdeck-cli and as the GUI does with
// SlurmMonitor/SlurmActions, on the lab's four hosts (one deploy for every case): status
// with healthy sources; drain/resume seen in real sinfo and in the monitor's snapshot; real
// jobs cancelled, held, released, requeued, shown and their output read; a finished job in
// history; the composite stop/start of a node; stopping the slurmctld container and cutting
// the controller's SSH (a firewall rule in the primary host) make the snapshot stale with
// an age, and it recovers by itself. The cluster (own name, same ports as the other deploy
// tests: never run them at once) is removed and the firewall rule dropped at the end, pass
// or fail.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "SnapshotLookup.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace std::chrono_literals;
using SlurmDeck::Testing::findJob;
using SlurmDeck::Testing::findNode;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;

    [[nodiscard]] QByteArray describe() const { return (out + u'\n' + err).toUtf8(); }
};

const QString firewallRule = QStringLiteral("INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset");

} // namespace

class TestMonitorLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_home;
    Cluster m_cluster;
    ClusterPlan m_plan;
    std::unique_ptr<SlurmMonitor> m_monitor;
    QString m_drainNode;
    QString m_stopNode;

    QString clusterFile() const { return m_home.filePath(QStringLiteral("clusters/monitortest.yaml")); }
    QString sshConfig() const { return m_home.filePath(QStringLiteral("ssh_config")); }
    const Lab::Host &primary() const { return m_lab.hosts.first(); }

    Run cli(const QStringList &arguments, int timeoutMs = 120000) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_CLI_EXE),
                      arguments + QStringList{QStringLiteral("--cluster"), clusterFile(),
                                              QStringLiteral("--ssh-config"), sshConfig()});
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
        } else {
            run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        }
        run.out += QString::fromUtf8(process.readAllStandardOutput());
        run.err += QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    SshTarget target(const Lab::Host &host) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.clientKey();
        target.configFile = sshConfig();
        return target;
    }

    Result<ExecResult> onHost(const Lab::Host &host, const QString &command) const
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(target(host), &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    QString containerOf(const QString &service) const
    {
        return QStringLiteral("$(%1 ps -aq --filter label=com.docker.compose.project=%2 --filter "
                              "label=com.docker.compose.service=%3)")
            .arg(Shell::quote(primary().docker), Shell::quote(m_plan.projectName), service);
    }

    // A shell command in the slurmctld container on the primary; its stdout, trimmed.
    QString slurm(const QString &command) const
    {
        const Result<ExecResult> ran =
            onHost(primary(), QStringLiteral("%1 exec %2 sh -c %3")
                                  .arg(Shell::quote(primary().docker),
                                       containerOf(QStringLiteral("slurmctld")), Shell::quote(command)));
        if (!ran)
            return QStringLiteral("error: ") + ran.error().toString();
        return QString::fromUtf8(ran->standardOutput + ran->standardError).trimmed();
    }

    QString submit(const QString &arguments) const
    {
        return slurm(QStringLiteral("sbatch --parsable ") + arguments).section(u';', 0, 0);
    }

    // The primary host's own shell, outside SSH (the test's way around a cut SSH).
    int onPrimaryHost(const QStringList &argv) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(SLURMDECK_SOURCE_DIR "/tests/lab/lab.sh"),
                      QStringList{QStringLiteral("host"), primary().name, QStringLiteral("--")} + argv);
        if (!process.waitForFinished(30000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    void restoreFirewall() const
    {
        // Delete every copy of the rule (a failed earlier run may have left one).
        QStringList remove{QStringLiteral("iptables"), QStringLiteral("-D")};
        remove += firewallRule.split(u' ');
        while (onPrimaryHost(remove) == 0) {
        }
    }

    void restartController() const
    {
        const Result<ExecResult> started = onHost(
            primary(), QStringLiteral("%1 start %2 >/dev/null 2>&1")
                           .arg(Shell::quote(primary().docker), containerOf(QStringLiteral("slurmctld"))));
        Q_UNUSED(started);
    }

    void tearDownCluster() const
    {
        for (const HostPlan &host : m_plan.hosts) {
            const Lab::Host *lab = nullptr;
            for (const Lab::Host &candidate : m_lab.hosts) {
                if (candidate.name == host.hostName)
                    lab = &candidate;
            }
            if (!lab)
                continue;
            const QString docker = Shell::quote(lab->docker);
            const Result<ExecResult> removed = onHost(
                *lab, QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                     "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                     "%1 network ls -q --filter label=com.docker.compose.project=%2 | "
                                     "xargs -r %1 network rm >/dev/null 2>&1; rm -rf %3")
                          .arg(docker, Shell::quote(m_plan.projectName), Shell::quote(host.directory)));
            Q_UNUSED(removed);
        }
    }

    bool waitForSnapshot(const std::function<bool(const ClusterSnapshot &)> &condition, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return condition(m_monitor->snapshot()); }, timeoutMs);
    }

    QString describeSnapshot() const
    {
        const ClusterSnapshot &s = m_monitor->snapshot();
        QString text = QStringLiteral("ssh %1 (%2), slurmctld %3 (%4), %5 nodes, %6 jobs:")
                           .arg(s.ssh.ok)
                           .arg(s.ssh.error)
                           .arg(s.controller.ok)
                           .arg(s.controller.error)
                           .arg(s.nodes.size())
                           .arg(s.jobs.size());
        for (const SlurmNode &node : s.nodes)
            text += u' ' + node.name + u'=' + node.stateText();
        for (const SlurmJob &job : s.jobs)
            text += u' ' + job.id + u'=' + job.state + u'/' + job.reason;
        return text;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY2(m_lab.hosts.size() >= 4, "the monitor lab test needs four lab hosts");
        QVERIFY(m_home.isValid());
        QFile config(sshConfig());
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n    UserKnownHostsFile " + m_lab.knownHosts().toUtf8() +
                     "\n    GlobalKnownHostsFile /dev/null\n");
        config.close();

        // tst_clideploylab's topology: the first host runs everything, all four compute.
        m_cluster.name = QStringLiteral("monitortest");
        for (const Lab::Host &lab : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = lab.name;
            host.address = lab.address;
            host.user = lab.user; // root, or the lab's ordinary user
            host.identity = m_lab.clientKey();
            host.detected.loginUid = lab.uid;
            host.detected.home = lab.home;
            host.detected.platform = Lab::platformOf(lab);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            m_cluster.hosts << host;
        }
        m_cluster.hosts[1].platformOverride = Platform::MacOS;
        assignDefaultRoles(m_cluster);
        SLURMDECK_VERIFY_OK(ClusterFile::save(m_cluster, clusterFile()));
        PlanInputs inputs;
        inputs.mungeKey = ClusterSecrets::generateMungeKey();
        inputs.databasePassword = ClusterSecrets::generatePassword();
        const Result<ClusterPlan> planned = ClusterPlanner().plan(m_cluster, inputs);
        SLURMDECK_VERIFY_OK(planned);
        m_plan = *planned;
        m_drainNode = m_lab.hosts.at(3).name; // worker2
        m_stopNode = m_lab.hosts.at(2).name;  // nas1, the QNAP-like host
        restoreFirewall();
        tearDownCluster(); // leftovers of a killed run
        // Another cluster on the lab takes the same ports: wait a while for its owner's
        // cleanup (the lab lock serialises runs, a late teardown can still overlap).
        QString others;
        const bool free = QTest::qWaitFor(
            [&] {
                others.clear();
                for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
                    const Result<ExecResult> listed = onHost(
                        host, Shell::quote(host.docker) +
                                  QStringLiteral(" ps --format '{{.Label \"com.docker.compose.project\"}}'"));
                    if (listed)
                        others += QString::fromUtf8(listed->standardOutput).trimmed();
                }
                return others.isEmpty();
            },
            180000);
        QVERIFY2(free, qPrintable(QStringLiteral("another cluster runs on the lab: ") + others));
    }

    void cleanupTestCase()
    {
        m_monitor.reset();
        restoreFirewall();
        tearDownCluster();
    }

    void deploy()
    {
        QElapsedTimer timer;
        timer.start();
        const Run run = cli({QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                             QStringLiteral("transfer")}, // the lab's hosts are offline
                            900000);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        qInfo("deployed in %lld s", timer.elapsed() / 1000);

        // The GUI's way: the endpoint from the plan, one monitor polling every second.
        SshTarget shared;
        shared.configFile = sshConfig();
        const DeploySession session(m_cluster, shared);
        Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(m_plan, session.targets());
        SLURMDECK_VERIFY_OK(endpoint);
        QCOMPARE(endpoint->controllerHost, primary().name);
        m_monitor = std::make_unique<SlurmMonitor>(
            std::move(endpoint).value(), std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
            nullptr);
        m_monitor->setInterval(1s);
        m_monitor->setBackoffCap(3s);
        m_monitor->setCommandTimeout(5s);
        m_monitor->start();
    }

    void statusShowsTheClusterAndHealthySources()
    {
        QVERIFY(m_monitor);
        QVERIFY2(
            waitForSnapshot([](const ClusterSnapshot &s) { return !s.isStale() && s.accounting.ok; }, 30000),
            qPrintable(describeSnapshot()));
        const ClusterSnapshot snapshot = m_monitor->snapshot();
        QCOMPARE(snapshot.nodes.size(), m_lab.hosts.size());
        QCOMPARE(snapshot.version.major, 22);
        QVERIFY(!snapshot.partitions.isEmpty());

        const Run run = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("cluster")).toString(), m_cluster.name);
        QCOMPARE(status.value(QStringLiteral("stale")).toBool(true), false);
        QCOMPARE(status.value(QStringLiteral("nodes")).toArray().size(), m_lab.hosts.size());
        for (const QJsonValue &source : status.value(QStringLiteral("sources")).toArray()) {
            QVERIFY2(source.toObject().value(QStringLiteral("ok")).toBool(), run.describe().constData());
            QVERIFY(source.toObject().value(QStringLiteral("age_seconds")).toDouble(-1) >= 0);
        }
        const Run table = cli({QStringLiteral("status")});
        QVERIFY2(table.exitCode == 0, table.describe().constData());
        QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("slurmdbd\\s+ok\\s+\\d+ s ago"))),
                 table.describe().constData());
    }

    void drainAndResumeShowInSinfoAndSnapshot()
    {
        QVERIFY2(m_monitor, "no cluster: the deploy failed");
        const Run noReason = cli({QStringLiteral("nodes"), QStringLiteral("drain"), m_drainNode});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY(noReason.err.contains(QStringLiteral("--reason")));

        const Run drain = cli({QStringLiteral("nodes"), QStringLiteral("drain"), m_drainNode,
                               QStringLiteral("--reason"), QStringLiteral("monitor lab test")});
        QVERIFY2(drain.exitCode == 0, drain.describe().constData());
        QCOMPARE(slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(m_drainNode)),
                 QStringLiteral("drained"));
        QVERIFY2(waitForSnapshot(
                     [this](const ClusterSnapshot &s) {
                         const SlurmNode *node = findNode(s, m_drainNode);
                         return node && node->hasFlag(QStringLiteral("DRAIN")) &&
                                node->reason == u"monitor lab test";
                     },
                     15000),
                 qPrintable(describeSnapshot()));
        const Run listed = cli({QStringLiteral("nodes")});
        QVERIFY2(listed.out.contains(
                     QRegularExpression(m_drainNode + QStringLiteral("\\s+IDLE\\+DRAIN.*monitor lab test"))),
                 listed.describe().constData());

        const Run resume = cli({QStringLiteral("nodes"), QStringLiteral("resume"), m_drainNode});
        QVERIFY2(resume.exitCode == 0, resume.describe().constData());
        // Resumed at once; slurmctld may flag it not responding ("idle*") until its next ping.
        QVERIFY(slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(m_drainNode)).startsWith(u"idle"));
        QVERIFY2(QTest::qWaitFor(
                     [this] {
                         return slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(m_drainNode)) == u"idle";
                     },
                     60000),
                 qPrintable(slurm(QStringLiteral("scontrol show node %1").arg(m_drainNode))));
        QVERIFY2(waitForSnapshot(
                     [this](const ClusterSnapshot &s) {
                         const SlurmNode *node = findNode(s, m_drainNode);
                         return node && node->flags.isEmpty() && node->state == u"IDLE";
                     },
                     15000),
                 qPrintable(describeSnapshot()));
    }

    void jobsAreCancelledHeldReleasedRequeued()
    {
        QVERIFY2(m_monitor, "no cluster: the deploy failed");
        auto cancelAll = qScopeGuard([this] { slurm(QStringLiteral("scancel --user=root")); });
        const QString running = submit(QStringLiteral("-o /dev/null --wrap 'sleep 300'"));
        const QString later = submit(QStringLiteral("-o /dev/null --begin=now+3600 --wrap 'sleep 1'"));
        const QString requeued = submit(QStringLiteral("-o /dev/null --requeue --wrap 'sleep 300'"));
        QVERIFY2(running.toLongLong() > 0 && later.toLongLong() > 0 && requeued.toLongLong() > 0,
                 qPrintable(running + u' ' + later + u' ' + requeued));
        QVERIFY2(waitForSnapshot(
                     [&](const ClusterSnapshot &s) {
                         const SlurmJob *a = findJob(s, running);
                         const SlurmJob *b = findJob(s, later);
                         const SlurmJob *c = findJob(s, requeued);
                         return a && b && c && a->state == u"RUNNING" && c->state == u"RUNNING" &&
                                b->state == u"PENDING";
                     },
                     30000),
                 qPrintable(describeSnapshot()));
        const Run queue = cli({QStringLiteral("jobs"), QStringLiteral("--json")});
        QVERIFY2(queue.exitCode == 0, queue.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(queue.out.toUtf8()).array().size(), 3);

        // Cancel.
        const Run cancel = cli({QStringLiteral("jobs"), QStringLiteral("cancel"), running});
        QVERIFY2(cancel.exitCode == 0, cancel.describe().constData());
        QVERIFY(QTest::qWaitFor(
            [&] { return slurm(QStringLiteral("squeue -h -j %1 -o %T").arg(running)).isEmpty(); }, 30000));
        QVERIFY2(waitForSnapshot([&](const ClusterSnapshot &s) { return !findJob(s, running); }, 15000),
                 qPrintable(describeSnapshot()));

        // Hold, show with the reason explained, release.
        const Run hold = cli({QStringLiteral("jobs"), QStringLiteral("hold"), later});
        QVERIFY2(hold.exitCode == 0, hold.describe().constData());
        QCOMPARE(slurm(QStringLiteral("squeue -h -j %1 -o %r").arg(later)), QStringLiteral("JobHeldAdmin"));
        const Run show = cli({QStringLiteral("jobs"), QStringLiteral("show"), later});
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        QVERIFY2(show.out.contains(QRegularExpression(QStringLiteral("Reason:\\s+JobHeldAdmin: \\S+"))),
                 show.describe().constData());
        const Run showJson =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), later, QStringLiteral("--json")});
        const QJsonObject details = QJsonDocument::fromJson(showJson.out.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("job_id")).toInteger(), later.toLongLong());
        QVERIFY(!details.value(QStringLiteral("reason_explained")).toString().isEmpty());
        const Run release = cli({QStringLiteral("jobs"), QStringLiteral("release"), later});
        QVERIFY2(release.exitCode == 0, release.describe().constData());
        // Released (Slurm also drops the --begin time, so it may start at once): no longer held.
        QVERIFY(slurm(QStringLiteral("squeue -h -j %1 -o %r").arg(later)) != u"JobHeldAdmin");
        QVERIFY2(waitForSnapshot(
                     [&](const ClusterSnapshot &s) {
                         const SlurmJob *job = findJob(s, later);
                         return !job || job->reason != u"JobHeldAdmin";
                     },
                     15000),
                 qPrintable(describeSnapshot()));

        // Requeue: the running job goes back to the queue and counts a restart.
        const Run requeue = cli({QStringLiteral("jobs"), QStringLiteral("requeue"), requeued});
        QVERIFY2(requeue.exitCode == 0, requeue.describe().constData());
        QVERIFY2(slurm(QStringLiteral("scontrol show job %1").arg(requeued))
                     .contains(QStringLiteral("Restarts=1")),
                 qPrintable(slurm(QStringLiteral("scontrol show job %1").arg(requeued))));

        // Errors say what to do next.
        const Run gone = cli({QStringLiteral("jobs"), QStringLiteral("hold"), running});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains(QStringLiteral("Slurm refused")), gone.describe().constData());

        cancelAll.dismiss();
        QVERIFY(!slurm(QStringLiteral("scancel %1 %2").arg(later, requeued)).startsWith(u"error"));
    }

    void finishedJobOutputAndHistory()
    {
        const QString id =
            submit(QStringLiteral("-o /tmp/monitortest-%j.out --wrap 'echo hello from job $SLURM_JOB_ID'"));
        QVERIFY2(id.toLongLong() > 0, qPrintable(id));
        QVERIFY(QTest::qWaitFor(
            [&] { return slurm(QStringLiteral("squeue -h -j %1 -o %T").arg(id)).isEmpty(); }, 60000));
        const Run output = cli({QStringLiteral("jobs"), QStringLiteral("output"), id,
                                QStringLiteral("--lines"), QStringLiteral("5")});
        QVERIFY2(output.exitCode == 0, output.describe().constData());
        QCOMPARE(output.out.trimmed(), QStringLiteral("hello from job ") + id);

        QJsonObject found;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const Run history = cli({QStringLiteral("history"), QStringLiteral("--since"),
                                                  QStringLiteral("15m"), QStringLiteral("--json")});
                         for (const QJsonValue &job : QJsonDocument::fromJson(history.out.toUtf8()).array()) {
                             if (job.toObject().value(QStringLiteral("job_id")).toInteger() ==
                                 id.toLongLong())
                                 found = job.toObject();
                         }
                         return found.value(QStringLiteral("state")).toString() == u"COMPLETED";
                     },
                     60000),
                 QJsonDocument(found).toJson().constData());
        QCOMPARE(found.value(QStringLiteral("exit_code")).toString(), QStringLiteral("0:0"));
        const Run table = cli({QStringLiteral("history"), QStringLiteral("--since"), QStringLiteral("15m")});
        QVERIFY2(table.exitCode == 0, table.describe().constData());
        QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("^%1\\s.*COMPLETED\\s+0:0").arg(id),
                                                       QRegularExpression::MultilineOption)),
                 table.describe().constData());
        QVERIFY2(table.out.contains(QStringLiteral("CANCELLED")), table.describe().constData());
    }

    void nodeStopsAndStartsAsOneAction()
    {
        const Run stop =
            cli({QStringLiteral("nodes"), QStringLiteral("stop"), m_stopNode, QStringLiteral("--reason"),
                 QStringLiteral("maintenance"), QStringLiteral("--wait"), QStringLiteral("1m")},
                300000);
        QVERIFY2(stop.exitCode == 0, stop.describe().constData());
        const Result<ExecResult> running =
            onHost(m_lab.hosts.at(2),
                   QStringLiteral("%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                                  "label=com.docker.compose.service=slurmd")
                       .arg(Shell::quote(m_lab.hosts.at(2).docker), Shell::quote(m_plan.projectName)));
        SLURMDECK_VERIFY_OK(running);
        QVERIFY2(running->standardOutput.trimmed().isEmpty(), running->standardOutput.constData());
        QVERIFY(slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(m_stopNode)).startsWith(u"drained"));

        const Run start = cli({QStringLiteral("nodes"), QStringLiteral("start"), m_stopNode}, 300000);
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        QVERIFY2(start.out.contains(QStringLiteral("registered")), start.describe().constData());
        // Right after the resume slurmctld may still flag the node not responding ("idle*")
        // until its next contact with the fresh slurmd; it must settle to plain idle.
        QTRY_COMPARE_WITH_TIMEOUT(slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(m_stopNode)),
                                  QStringLiteral("idle"), 60000);
    }

    void stoppedSlurmctldMakesStaleAndRecovers()
    {
        QVERIFY2(m_monitor, "no cluster: the deploy failed");
        auto restart = qScopeGuard([this] { restartController(); });
        QVERIFY(waitForSnapshot([](const ClusterSnapshot &s) { return !s.isStale(); }, 15000));
        const Result<ExecResult> stopped = onHost(
            primary(), QStringLiteral("%1 stop %2")
                           .arg(Shell::quote(primary().docker), containerOf(QStringLiteral("slurmctld"))));
        SLURMDECK_VERIFY_OK(stopped);
        QVERIFY2(
            waitForSnapshot([](const ClusterSnapshot &s) { return s.ssh.ok && !s.controller.ok; }, 20000),
            qPrintable(describeSnapshot()));
        const QDateTime takenAt = m_monitor->snapshot().takenAt;
        QVERIFY(m_monitor->snapshot().isStale());
        QVERIFY2(m_monitor->snapshot().controller.error.contains(QStringLiteral("slurmctld")),
                 qPrintable(describeSnapshot()));
        QCOMPARE(m_monitor->snapshot().nodes.size(), m_lab.hosts.size()); // the last known state
        QTest::qWait(3000);
        const ClusterSnapshot later = m_monitor->snapshot();
        QVERIFY(!later.controller.ok);
        QCOMPARE(later.takenAt, takenAt);
        QVERIFY(later.controller.ageMs(QDateTime::currentDateTimeUtc()) >= 3000);
        QVERIFY(later.controller.lastAttempt > takenAt); // still trying

        const Run status = cli({QStringLiteral("status")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.out.contains(QRegularExpression(QStringLiteral("slurmctld\\s+FAILED"))),
                 status.describe().constData());
        QVERIFY2(status.err.contains(QStringLiteral("slurmctld")), status.describe().constData());

        restart.dismiss();
        restartController();
        QVERIFY2(waitForSnapshot([](const ClusterSnapshot &s) { return !s.isStale(); }, 90000),
                 qPrintable(describeSnapshot()));
        QVERIFY(m_monitor->snapshot().takenAt > takenAt);
    }

    void cutSshMakesStaleAndRecovers()
    {
        QVERIFY2(m_monitor, "no cluster: the deploy failed");
        auto restore = qScopeGuard([this] { restoreFirewall(); });
        QVERIFY(waitForSnapshot([](const ClusterSnapshot &s) { return !s.isStale(); }, 30000));
        QStringList insert{QStringLiteral("iptables"), QStringLiteral("-I")};
        insert += firewallRule.split(u' ');
        QCOMPARE(onPrimaryHost(insert), 0);
        QVERIFY2(waitForSnapshot([](const ClusterSnapshot &s) { return !s.ssh.ok; }, 45000),
                 qPrintable(describeSnapshot()));
        const ClusterSnapshot cut = m_monitor->snapshot();
        QVERIFY(cut.isStale());
        QVERIFY(!cut.ssh.error.isEmpty());
        QVERIFY(!cut.controller.ok);
        QCOMPARE(cut.nodes.size(), m_lab.hosts.size());
        QTest::qWait(2000);
        QVERIFY(m_monitor->snapshot().ssh.ageMs(QDateTime::currentDateTimeUtc()) >= 2000);
        QVERIFY(m_monitor->consecutiveFailures() >= 1);

        const Run status = cli({QStringLiteral("status"), QStringLiteral("--json"),
                                QStringLiteral("--timeout"), QStringLiteral("3")});
        QCOMPARE(status.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("stale")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("sources"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(true),
                 false);

        restore.dismiss();
        restoreFirewall();
        QVERIFY2(waitForSnapshot([](const ClusterSnapshot &s) { return !s.isStale(); }, 60000),
                 qPrintable(describeSnapshot()));
        QVERIFY(m_monitor->snapshot().ssh.ok);
        QCOMPARE(m_monitor->consecutiveFailures(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMonitorLab)
#include "tst_monitorlab.moc"
