// SPDX-License-Identifier: GPL-3.0-or-later
// SnapshotChanges: which differences between two snapshots become notifications. A job of
// the user that ends (completed, failed, cancelled, or gone from the queue) and a node that
// goes down, is drained or comes back are events; nothing is reported from or to a stale
// snapshot, for the first snapshot, for other users' jobs, or for jobs first seen ended.
#include "slurm/SnapshotChanges.h"

#include <QElapsedTimer>
#include <QTest>

using namespace SlurmDeck;
using Kind = SnapshotEvent::Kind;

namespace {

SlurmJob job(const QString &id, const QString &state, const QString &user = QStringLiteral("alice"))
{
    SlurmJob job;
    job.id = id;
    job.jobId = id.toLongLong();
    job.name = QStringLiteral("train-") + id;
    job.user = user;
    job.state = state;
    return job;
}

SlurmNode node(const QString &name, const QString &state, const QStringList &flags = {},
               const QString &reason = {})
{
    SlurmNode node;
    node.name = name;
    node.state = state;
    node.flags = flags;
    node.reason = reason;
    return node;
}

ClusterSnapshot fresh(QList<SlurmJob> jobs, QList<SlurmNode> nodes = {})
{
    ClusterSnapshot snapshot;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.ssh.ok = true;
    snapshot.controller.ok = true;
    snapshot.jobs = std::move(jobs);
    snapshot.nodes = std::move(nodes);
    return snapshot;
}

QList<Kind> kinds(const QList<SnapshotEvent> &events)
{
    QList<Kind> result;
    for (const SnapshotEvent &event : events)
        result << event.kind;
    return result;
}

} // namespace

class TestSnapshotChanges final : public QObject
{
    Q_OBJECT

private slots:
    void jobEndings_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after"); // empty: left the queue
        QTest::addColumn<int>("kind");      // -1: no event
        QTest::newRow("completed") << "RUNNING"
                                   << "COMPLETED" << int(Kind::JobCompleted);
        QTest::newRow("failed") << "RUNNING"
                                << "FAILED" << int(Kind::JobFailed);
        QTest::newRow("timeout") << "RUNNING"
                                 << "TIMEOUT" << int(Kind::JobFailed);
        QTest::newRow("oom") << "RUNNING"
                             << "OUT_OF_MEMORY" << int(Kind::JobFailed);
        QTest::newRow("node fail") << "COMPLETING"
                                   << "NODE_FAIL" << int(Kind::JobFailed);
        QTest::newRow("cancelled pending") << "PENDING"
                                           << "CANCELLED" << int(Kind::JobCancelled);
        QTest::newRow("lower case") << "running"
                                    << "completed" << int(Kind::JobCompleted);
        QTest::newRow("gone while running") << "RUNNING"
                                            << "" << int(Kind::JobEnded);
        QTest::newRow("gone while completing") << "COMPLETING"
                                               << "" << int(Kind::JobEnded);
        QTest::newRow("still running") << "RUNNING"
                                       << "RUNNING" << -1;
        QTest::newRow("started") << "PENDING"
                                 << "RUNNING" << -1;
        QTest::newRow("completing is not the end") << "RUNNING"
                                                   << "COMPLETING" << -1;
        QTest::newRow("already completed") << "COMPLETED"
                                           << "COMPLETED" << -1;
        QTest::newRow("completed job ages out") << "COMPLETED"
                                                << "" << -1;
    }

    void jobEndings()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, kind);
        const ClusterSnapshot first =
            fresh({job(QStringLiteral("7"), before), job(QStringLiteral("8"), QStringLiteral("RUNNING"))});
        QList<SlurmJob> later{job(QStringLiteral("8"), QStringLiteral("RUNNING"))};
        if (!after.isEmpty())
            later.prepend(job(QStringLiteral("7"), after));
        const QList<SnapshotEvent> events = SnapshotChanges::between(first, fresh(later));
        if (kind < 0) {
            QVERIFY(events.isEmpty());
            return;
        }
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().kind == Kind(kind));
        QCOMPARE(events.first().subject, QStringLiteral("7"));
        QCOMPARE(events.first().user, QStringLiteral("alice"));
        QCOMPARE(events.first().name, QStringLiteral("train-7"));
        QVERIFY(events.first().isJobEvent());
        QVERIFY(events.first().title().contains(QStringLiteral("7")));
        QVERIFY(!events.first().message().isEmpty());
    }

    void onlyTheUsersJobs()
    {
        const ClusterSnapshot first =
            fresh({job(QStringLiteral("1"), QStringLiteral("RUNNING"), QStringLiteral("alice")),
                   job(QStringLiteral("2"), QStringLiteral("RUNNING"), QStringLiteral("bob"))});
        const ClusterSnapshot second =
            fresh({job(QStringLiteral("1"), QStringLiteral("FAILED"), QStringLiteral("alice")),
                   job(QStringLiteral("2"), QStringLiteral("FAILED"), QStringLiteral("bob"))});
        const QList<SnapshotEvent> alice = SnapshotChanges::between(first, second, QStringLiteral("alice"));
        QCOMPARE(alice.size(), 1);
        QCOMPARE(alice.first().subject, QStringLiteral("1"));
        QCOMPARE(SnapshotChanges::between(first, second).size(), 2); // no user: everyone's
        QVERIFY(SnapshotChanges::between(first, second, QStringLiteral("carol")).isEmpty());
    }

    void newJobsThatAlreadyEndedAreNotEvents()
    {
        const ClusterSnapshot first = fresh({});
        const ClusterSnapshot second = fresh({job(QStringLiteral("3"), QStringLiteral("FAILED"))});
        QVERIFY(SnapshotChanges::between(first, second).isEmpty());
    }

    void nodeTransitions_data()
    {
        QTest::addColumn<SlurmNode>("before");
        QTest::addColumn<SlurmNode>("after");
        QTest::addColumn<int>("kind");
        const QString n = QStringLiteral("node1");
        const QStringList drain{QStringLiteral("DRAIN")};
        QTest::newRow("idle to down")
            << node(n, QStringLiteral("IDLE")) << node(n, QStringLiteral("DOWN")) << int(Kind::NodeDown);
        QTest::newRow("not responding to down")
            << node(n, QStringLiteral("IDLE"), {QStringLiteral("NOT_RESPONDING")})
            << node(n, QStringLiteral("DOWN"), {QStringLiteral("NOT_RESPONDING")}) << int(Kind::NodeDown);
        QTest::newRow("fail flag") << node(n, QStringLiteral("ALLOCATED"))
                                   << node(n, QStringLiteral("ALLOCATED"), {QStringLiteral("FAIL")})
                                   << int(Kind::NodeDown);
        QTest::newRow("drained") << node(n, QStringLiteral("IDLE")) << node(n, QStringLiteral("IDLE"), drain)
                                 << int(Kind::NodeDrained);
        QTest::newRow("draining") << node(n, QStringLiteral("MIXED"))
                                  << node(n, QStringLiteral("MIXED"), drain) << int(Kind::NodeDrained);
        QTest::newRow("drained to down") << node(n, QStringLiteral("IDLE"), drain)
                                         << node(n, QStringLiteral("DOWN"), drain) << int(Kind::NodeDown);
        QTest::newRow("draining to drained")
            << node(n, QStringLiteral("MIXED"), drain) << node(n, QStringLiteral("IDLE"), drain) << -1;
        QTest::newRow("resumed") << node(n, QStringLiteral("IDLE"), drain) << node(n, QStringLiteral("IDLE"))
                                 << int(Kind::NodeBack);
        QTest::newRow("back from down")
            << node(n, QStringLiteral("DOWN")) << node(n, QStringLiteral("IDLE")) << int(Kind::NodeBack);
        QTest::newRow("busy") << node(n, QStringLiteral("IDLE")) << node(n, QStringLiteral("ALLOCATED"))
                              << -1;
        QTest::newRow("idle star is not down yet")
            << node(n, QStringLiteral("IDLE"))
            << node(n, QStringLiteral("IDLE"), {QStringLiteral("NOT_RESPONDING")}) << -1;
    }

    void nodeTransitions()
    {
        QFETCH(SlurmNode, before);
        QFETCH(SlurmNode, after);
        QFETCH(int, kind);
        after.reason = QStringLiteral("disk swap");
        const QList<SnapshotEvent> events = SnapshotChanges::between(fresh({}, {before}), fresh({}, {after}));
        if (kind < 0) {
            QVERIFY(events.isEmpty());
            return;
        }
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().kind == Kind(kind));
        QCOMPARE(events.first().subject, QStringLiteral("node1"));
        QCOMPARE(events.first().state, after.stateText());
        QVERIFY(!events.first().isJobEvent());
        if (kind != int(Kind::NodeBack))
            QVERIFY(events.first().message().contains(QStringLiteral("disk swap")));
    }

    void newNodesAreNotEvents()
    {
        QVERIFY(SnapshotChanges::between(fresh({}),
                                         fresh({}, {node(QStringLiteral("n9"), QStringLiteral("DOWN"))}))
                    .isEmpty());
    }

    void nothingFromOrToStaleSnapshots()
    {
        const ClusterSnapshot first = fresh({job(QStringLiteral("1"), QStringLiteral("RUNNING"))},
                                            {node(QStringLiteral("n1"), QStringLiteral("IDLE"))});
        ClusterSnapshot second = fresh({}, {node(QStringLiteral("n1"), QStringLiteral("DOWN"))});
        QCOMPARE(SnapshotChanges::between(first, second).size(), 2);

        ClusterSnapshot stale = second;
        stale.controller.ok = false;
        QVERIFY(SnapshotChanges::between(first, stale).isEmpty());
        QVERIFY(SnapshotChanges::between(stale, first).isEmpty());
        stale = second;
        stale.ssh.ok = false;
        QVERIFY(SnapshotChanges::between(first, stale).isEmpty());
        // The monitor's very first, empty snapshot has no time: nothing to compare with.
        QVERIFY(SnapshotChanges::between(ClusterSnapshot{}, second).isEmpty());
    }

    void eventOrderJobsThenNodes()
    {
        const ClusterSnapshot first = fresh({job(QStringLiteral("1"), QStringLiteral("RUNNING")),
                                             job(QStringLiteral("2"), QStringLiteral("RUNNING"))},
                                            {node(QStringLiteral("n1"), QStringLiteral("IDLE"))});
        const ClusterSnapshot second =
            fresh({job(QStringLiteral("2"), QStringLiteral("COMPLETED"))},
                  {node(QStringLiteral("n1"), QStringLiteral("IDLE"), {QStringLiteral("DRAIN")})});
        QCOMPARE(kinds(SnapshotChanges::between(first, second)),
                 (QList<Kind>{Kind::JobCompleted, Kind::JobEnded, Kind::NodeDrained}));
    }

    void tenThousandJobsQuickly()
    {
        QList<SlurmJob> jobs;
        for (int i = 0; i < 10000; ++i)
            jobs << job(QString::number(i), QStringLiteral("RUNNING"),
                        i % 2 ? QStringLiteral("alice") : QStringLiteral("bob"));
        const ClusterSnapshot first = fresh(jobs);
        for (int i = 0; i < 10000; i += 20)
            jobs[i].state = QStringLiteral("COMPLETED");
        QElapsedTimer timer;
        timer.start();
        const QList<SnapshotEvent> events = SnapshotChanges::between(first, fresh(jobs));
        QCOMPARE(events.size(), 500);
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotChanges)
#include "tst_snapshotchanges.moc"
