// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor's pure parts: the poll schedule and its back-off, how a poll's outcome makes
// the next snapshot (stale parts keep their state and age, recovery clears it), the poll
// script's fences (run by a real sh), the action command lines and their checks; and a
// real SlurmMonitor against a controller that refuses connections: stale, backing off.
#include "ResultTesting.h"
#include "slurm/MonitorSchedule.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmCommands.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"
#include "slurm/SnapshotUpdate.h"
#include "ssh/HostKey.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace std::chrono_literals;

namespace {

SlurmNode node(const QString &name, const QString &state)
{
    SlurmNode n;
    n.name = name;
    n.state = state;
    return n;
}

SlurmJob job(qint64 id, const QString &state)
{
    SlurmJob j;
    j.jobId = id;
    j.id = QString::number(id);
    j.state = state;
    return j;
}

PollOutcome good(const QDateTime &at, QList<SlurmNode> nodes, QList<SlurmJob> jobs = {})
{
    PollOutcome outcome;
    outcome.at = at;
    outcome.version = SlurmVersion{22, 5, 8};
    outcome.nodes = std::move(nodes);
    outcome.jobs = std::move(jobs);
    return outcome;
}

// Runs the poll script in a local sh, with PATH pointing at `bin` (fake Slurm commands).
QByteArray runScript(const QString &script, const QString &bin)
{
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), bin + QStringLiteral(":/usr/bin:/bin"));
    sh.setProcessEnvironment(env);
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    sh.waitForFinished(20000);
    return sh.readAllStandardOutput();
}

} // namespace

class TestSlurmMonitor final : public QObject
{
    Q_OBJECT

private slots:
    void scheduleBacksOffAndIsCapped()
    {
        MonitorSchedule schedule(5s, 30s);
        QCOMPARE(schedule.nextDelay(), std::chrono::milliseconds(5s));
        const QList<std::chrono::milliseconds> expected{5s, 10s, 20s, 30s, 30s, 30s};
        for (const std::chrono::milliseconds delay : expected) {
            schedule.recordFailure();
            QCOMPARE(schedule.nextDelay().count(), delay.count());
        }
        QCOMPARE(schedule.consecutiveFailures(), 6);
        schedule.recordSuccess();
        QCOMPARE(schedule.nextDelay(), std::chrono::milliseconds(5s));
    }

    void scheduleShortIntervalBacksOffFromTheMinimum()
    {
        MonitorSchedule schedule(1s, 8s);
        QCOMPARE(schedule.delayAfterFailures(0).count(), 1000);
        QCOMPARE(schedule.delayAfterFailures(1).count(), 2000); // minimumBackoff
        QCOMPARE(schedule.delayAfterFailures(2).count(), 4000);
        QCOMPARE(schedule.delayAfterFailures(3).count(), 8000);
        QCOMPARE(schedule.delayAfterFailures(40).count(), 8000); // no overflow
    }

    void scheduleClampsIntervalAndCap()
    {
        MonitorSchedule schedule(10ms, 1ms);
        QCOMPARE(schedule.interval(), MonitorSchedule::minimumInterval);
        QVERIFY(schedule.cap() >= schedule.interval());
        schedule.setInterval(60s);
        QCOMPARE(schedule.cap(), std::chrono::milliseconds(60s));
        schedule.setCap(10s);
        QCOMPARE(schedule.cap(), std::chrono::milliseconds(60s)); // never below the interval
    }

    void firstSnapshotIsStaleUntilAPollSucceeds()
    {
        const ClusterSnapshot empty;
        QVERIFY(empty.isStale());
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const ClusterSnapshot fresh =
            applyPoll(empty, good(t0, {node(QStringLiteral("n1"), QStringLiteral("IDLE"))}));
        QVERIFY(!fresh.isStale());
        QCOMPARE(fresh.takenAt, t0);
        QCOMPARE(fresh.nodes.size(), 1);
        QCOMPARE(fresh.version.minor, 5);
        QCOMPARE(fresh.ssh.ageMs(t0.addSecs(3)), 3000);
    }

    void controllerFailureKeepsLastStateWithAge()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        ClusterSnapshot snapshot =
            applyPoll({}, good(t0, {node(QStringLiteral("n1"), QStringLiteral("IDLE"))},
                               {job(7, QStringLiteral("RUNNING"))}));
        PollOutcome failed;
        failed.at = t0.addSecs(10);
        failed.controllerError =
            makeError(Error::Code::NotFound, QStringLiteral("slurmctld container not running"));
        snapshot = applyPoll(snapshot, failed);
        QVERIFY(snapshot.isStale());
        QVERIFY(snapshot.ssh.ok);
        QVERIFY(!snapshot.controller.ok);
        QVERIFY(snapshot.controller.error.contains(QStringLiteral("not running")));
        QCOMPARE(snapshot.controller.ageMs(t0.addSecs(12)), 12000); // age of the last good state
        QCOMPARE(snapshot.controller.lastAttempt, t0.addSecs(10));
        QCOMPARE(snapshot.takenAt, t0);
        QCOMPARE(snapshot.nodes.size(), 1); // kept
        QCOMPARE(snapshot.jobs.size(), 1);

        snapshot =
            applyPoll(snapshot, good(t0.addSecs(20), {node(QStringLiteral("n1"), QStringLiteral("MIXED"))}));
        QVERIFY(!snapshot.isStale());
        QVERIFY(snapshot.controller.error.isEmpty());
        QCOMPARE(snapshot.nodes.first().state, QStringLiteral("MIXED"));
        QCOMPARE(snapshot.jobs.size(), 0);
        QCOMPARE(snapshot.takenAt, t0.addSecs(20));
    }

    void sshFailureHidesEverySource()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        PollOutcome first = good(t0, {node(QStringLiteral("n1"), QStringLiteral("IDLE"))});
        first.accountingChecked = true;
        ClusterSnapshot snapshot = applyPoll({}, first);
        QVERIFY(snapshot.accounting.ok);
        PollOutcome cut;
        cut.at = t0.addSecs(5);
        cut.sshError = makeError(Error::Code::Network, QStringLiteral("Connection refused"));
        snapshot = applyPoll(snapshot, cut);
        QVERIFY(snapshot.isStale());
        QVERIFY(!snapshot.ssh.ok);
        QVERIFY(!snapshot.controller.ok);
        QVERIFY(snapshot.ssh.error.contains(QStringLiteral("refused")));
        QCOMPARE(snapshot.ssh.lastSuccess, t0);
        QCOMPARE(snapshot.nodes.size(), 1);
        QCOMPARE(snapshot.version.major, 22); // kept too
    }

    void accountingHealthOnlyWhenAsked()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        PollOutcome outcome = good(t0, {});
        outcome.accountingChecked = true;
        outcome.accountingError =
            makeError(Error::Code::RemoteCommandFailed, QStringLiteral("slurmdbd down"));
        ClusterSnapshot snapshot = applyPoll({}, outcome);
        QVERIFY(!snapshot.accounting.ok);
        QVERIFY(!snapshot.isStale()); // the queue and nodes are fresh without slurmdbd
        snapshot = applyPoll(snapshot, good(t0.addSecs(5), {}));
        QVERIFY(!snapshot.accounting.ok); // not asked: unchanged
        outcome = good(t0.addSecs(10), {});
        outcome.accountingChecked = true;
        snapshot = applyPoll(snapshot, outcome);
        QVERIFY(snapshot.accounting.ok);
        QCOMPARE(snapshot.accounting.lastSuccess, t0.addSecs(10));
    }

    void pollScriptFencesSurviveAnyOutput()
    {
        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        // `fake RC TEXT` prints TEXT without a final newline and "oops" on stderr, exits RC.
        QFile fake(bin.filePath(QStringLiteral("fake")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\nprintf '%s' \"$2\"\necho oops >&2\nexit \"$1\"\n");
        fake.close();
        fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        const QString nonce = PollScript::newNonce();
        const QString tricky = QStringLiteral("name with\nnewline @@slurmdeck-x end nodes\n\x1f'\"$(true)");
        const QString script = PollScript::build(
            {{QStringLiteral("nodes"), {QStringLiteral("fake"), QStringLiteral("0"), tricky}, 5},
             {QStringLiteral("jobs"), {QStringLiteral("fake"), QStringLiteral("3"), QStringLiteral("3")}, 5},
             {QStringLiteral("slow"), {QStringLiteral("sleep"), QStringLiteral("5")}, 1}},
            nonce);
        const QHash<QString, PollScript::Section> sections =
            PollScript::split(runScript(script, bin.path()), nonce);
        QCOMPARE(sections.size(), 3);
        QCOMPARE(sections.value(QStringLiteral("nodes")).exitStatus, 0);
        QCOMPARE(QString::fromUtf8(sections.value(QStringLiteral("nodes")).output), tricky);
        QCOMPARE(sections.value(QStringLiteral("nodes")).errors, QByteArray("oops"));
        QCOMPARE(sections.value(QStringLiteral("jobs")).exitStatus, 3);
        QCOMPARE(sections.value(QStringLiteral("jobs")).output, QByteArray("3"));
        QCOMPARE(sections.value(QStringLiteral("slow")).exitStatus, 124); // timeout(1)
    }

    void pollScriptCutOffLeavesSectionsOut()
    {
        const QString nonce = QStringLiteral("abc");
        const QByteArray output = "@@slurmdeck-abc begin nodes\nline\n\n@@slurmdeck-abc status nodes 0\n\n"
                                  "@@slurmdeck-abc end nodes\n@@slurmdeck-abc begin jobs\npartial";
        const QHash<QString, PollScript::Section> sections = PollScript::split(output, nonce);
        QCOMPARE(sections.size(), 1);
        QCOMPARE(sections.value(QStringLiteral("nodes")).output, QByteArray("line\n"));
        QCOMPARE(sections.value(QStringLiteral("jobs")).exitStatus, -1);
        QVERIFY(PollScript::split("garbage\n@@slurmdeck-abc begin", nonce).isEmpty());
        QVERIFY(PollScript::newNonce() != PollScript::newNonce());
    }

    void nodeActionsNeedAReason()
    {
        const Result<QStringList> drain =
            SlurmCommands::drainNode(QStringLiteral("worker1"), QStringLiteral("  disk  swap "));
        SLURMDECK_VERIFY_OK(drain);
        QCOMPARE(*drain, (QStringList{QStringLiteral("scontrol"), QStringLiteral("update"),
                                      QStringLiteral("NodeName=worker1"), QStringLiteral("State=DRAIN"),
                                      QStringLiteral("Reason=disk swap")}));
        const Result<QStringList> empty =
            SlurmCommands::drainNode(QStringLiteral("worker1"), QStringLiteral("  "));
        QVERIFY(!empty);
        QVERIFY(empty.error().message.contains(QStringLiteral("reason")));
        QVERIFY(!SlurmCommands::downNode(QStringLiteral("worker1"), {}));
        QVERIFY(!SlurmCommands::drainNode(QStringLiteral("a b"), QStringLiteral("x")));
        QVERIFY(!SlurmCommands::resumeNode(QStringLiteral("n;rm -rf /")));
        const Result<QStringList> resume = SlurmCommands::resumeNode(QStringLiteral("nas1"));
        SLURMDECK_VERIFY_OK(resume);
        QCOMPARE(resume->last(), QStringLiteral("State=RESUME"));
    }

    void jobActionsCheckTheId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("42") << true;
        QTest::newRow("array task") << QStringLiteral("42_7") << true;
        QTest::newRow("het") << QStringLiteral("42+1") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("zero") << QStringLiteral("0") << false;
        QTest::newRow("negative") << QStringLiteral("-1") << false;
        QTest::newRow("option") << QStringLiteral("--all") << false;
        QTest::newRow("two") << QStringLiteral("1 2") << false;
        QTest::newRow("array range") << QStringLiteral("42_[1-3]") << false;
    }
    void jobActionsCheckTheId()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(SlurmCommands::isValidJobId(id), valid);
        QCOMPARE(SlurmCommands::jobAction(SlurmCommands::JobAction::Hold, id).has_value(), valid);
    }

    void jobActionCommandLines()
    {
        const auto argv = [](SlurmCommands::JobAction action) {
            return SlurmCommands::jobAction(action, QStringLiteral("9")).value_or({});
        };
        QCOMPARE(argv(SlurmCommands::JobAction::Cancel),
                 (QStringList{QStringLiteral("scancel"), QStringLiteral("9")}));
        QCOMPARE(argv(SlurmCommands::JobAction::Hold),
                 (QStringList{QStringLiteral("scontrol"), QStringLiteral("hold"), QStringLiteral("9")}));
        QCOMPARE(argv(SlurmCommands::JobAction::Release).at(1), QStringLiteral("release"));
        QCOMPARE(argv(SlurmCommands::JobAction::Requeue).at(1), QStringLiteral("requeue"));
    }

    void endpointFindsTheControllerAndDropsSecrets()
    {
        ClusterPlan plan;
        plan.clusterName = QStringLiteral("c");
        plan.projectName = QStringLiteral("slurmdeck-c");
        HostPlan compute;
        compute.hostName = QStringLiteral("w1");
        compute.services = {QStringLiteral("slurmd")};
        HostPlan primary;
        primary.hostName = QStringLiteral("p");
        primary.services = {QStringLiteral("mariadb"), QStringLiteral("slurmdbd"),
                            QStringLiteral("slurmctld")};
        primary.files << RenderedFile{QStringLiteral("secrets/munge.key"), QByteArray("secret"), 0400, true};
        plan.hosts = {compute, primary};
        QHash<QString, SshTarget> targets;
        SshTarget primaryTarget;
        primaryTarget.host = QStringLiteral("10.0.0.1");
        targets.insert(QStringLiteral("p"), primaryTarget);
        const Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(plan, targets);
        SLURMDECK_VERIFY_OK(endpoint);
        QCOMPARE(endpoint->controllerHost, QStringLiteral("p"));
        QVERIFY(endpoint->accounting);
        QVERIFY(endpoint->controller()->files.isEmpty());
        QCOMPARE(endpoint->target(QStringLiteral("p")).host, QStringLiteral("10.0.0.1"));

        plan.hosts = {compute};
        QVERIFY(!SlurmEndpoint::fromPlan(plan, targets));
    }

    // A real monitor against a port that refuses: each poll fails on SSH, the snapshot is
    // stale with the error, and the next poll waits longer.
    void unreachableControllerIsStaleAndBacksOff()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now

        SlurmEndpoint endpoint;
        endpoint.clusterName = QStringLiteral("t");
        endpoint.projectName = QStringLiteral("slurmdeck-t");
        endpoint.controllerHost = QStringLiteral("p");
        SshTarget target;
        target.host = QStringLiteral("127.0.0.1");
        target.port = port;
        target.user = QStringLiteral("nobody");
        target.configFile = QStringLiteral("/dev/null");
        target.connectTimeout = 2s;
        endpoint.targets.insert(QStringLiteral("p"), target);
        SlurmMonitor monitor(endpoint, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                             nullptr);
        monitor.setInterval(500ms);
        QSignalSpy updates(&monitor, &SlurmMonitor::snapshotUpdated);
        QSignalSpy stale(&monitor, &SlurmMonitor::staleChanged);
        monitor.start();
        QVERIFY(updates.wait(10000));
        const ClusterSnapshot snapshot = monitor.snapshot();
        QVERIFY(snapshot.isStale());
        QVERIFY(!snapshot.ssh.ok);
        QVERIFY(!snapshot.ssh.error.isEmpty());
        QVERIFY(snapshot.ssh.lastAttempt.isValid());
        QCOMPARE(snapshot.ssh.ageMs(QDateTime::currentDateTimeUtc()), -1); // never answered
        QCOMPARE(stale.count(), 1);
        QVERIFY(stale.first().first().toBool());
        QVERIFY(updates.wait(10000)); // it keeps trying...
        QCOMPARE(monitor.consecutiveFailures(), 2);
        QElapsedTimer waited; // ...after the back-off (2 s after two failures at a 0.5 s interval)
        waited.start();
        QVERIFY(updates.wait(15000));
        QVERIFY2(waited.elapsed() >= 1500, QByteArray::number(waited.elapsed()).constData());

        // Actions fail with the same SSH error, and a drain without reason never runs.
        SlurmActions actions(&monitor);
        std::optional<Result<QString>> drained;
        actions.drainNode(QStringLiteral("w1"), QString(), this, [&](Result<QString> r) { drained = r; });
        QTRY_VERIFY(drained.has_value());
        QVERIFY(!*drained);
        QVERIFY(drained->error().message.contains(QStringLiteral("reason")));
        std::optional<Result<QString>> cancelled;
        actions.cancelJob(QStringLiteral("5"), this, [&](Result<QString> r) { cancelled = r; });
        QTRY_VERIFY_WITH_TIMEOUT(cancelled.has_value(), 15000);
        QVERIFY(!*cancelled);
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(TestSlurmMonitor)
#include "tst_slurmmonitor.moc"
