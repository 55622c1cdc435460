// SPDX-License-Identifier: GPL-3.0-or-later
// Live status around the Nodes and Jobs views: the status bar's per-source indicator (ages,
// red while failing, the error in the tooltip), the notifier (a user's job ending, a node
// going down, shown in the log and status line where no system tray exists, nothing
// repeated across an outage), and MainWindow's wiring: showing Nodes starts a monitor for
// the open cluster without blocking, an unreachable controller makes the views say so with
// the source marked red, and opening another cluster replaces the monitor.
#include "ClusterNotifier.h"
#include "FakeOperations.h"
#include "LiveCluster.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "SyntheticCluster.h"
#include "session/ClusterSession.h"
#include "views/JobsView.h"
#include "views/NodesView.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/SourceHealthIndicator.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Testing;
using namespace SlurmDeck::Ui;

class TestLiveStatus final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    // A cluster whose controller listens nowhere (a port just closed on 127.0.0.1).
    QString unreachableCluster(const QString &name)
    {
        quint16 port = 0;
        {
            QTcpServer server;
            if (server.listen(QHostAddress::LocalHost))
                port = server.serverPort();
        }
        const QString path = m_temp.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QString yaml = QStringLiteral("name: %1\nhosts:\n").arg(name);
        const QStringList hosts{QStringLiteral("head"), QStringLiteral("node1")};
        for (int i = 0; i < hosts.size(); ++i) {
            yaml += QStringLiteral("  - name: %1\n    address: 127.0.0.1\n    user: root\n    port: %2\n"
                                   "    roles: [%3]\n    detected:\n      platform: linux\n"
                                   "      arch: x86_64\n      cpus: 4\n      memory_mib: 8000\n")
                        .arg(hosts.at(i))
                        .arg(port)
                        .arg(i == 0 ? QStringLiteral("controller, database, compute")
                                    : QStringLiteral("compute"));
        }
        yaml += QStringLiteral("partitions:\n  - name: main\n    nodes: ALL\n    default: true\n");
        file.write(yaml.toUtf8());
        return path;
    }

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_temp.filePath(QStringLiteral("known_hosts"));
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        ssh.connectTimeout = std::chrono::seconds(3);
        return ssh;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
    }

    void ages_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(400) << QStringLiteral("just now");
        QTest::newRow("seconds") << qint64(12'900) << QStringLiteral("12 s ago");
        QTest::newRow("minutes") << qint64(125'000) << QStringLiteral("2 min ago");
        QTest::newRow("hours") << qint64(3 * 3600'000 + 5) << QStringLiteral("3 h ago");
        QTest::newRow("days") << qint64(2 * 86400'000) << QStringLiteral("2 d ago");
    }

    void ages()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(SourceHealthIndicator::formatAge(ms), text);
    }

    void indicatorPerSource()
    {
        SourceHealthIndicator indicator;
        QCOMPARE(indicator.label(QStringLiteral("ssh"))->text(), QStringLiteral("Not monitoring a cluster"));
        QVERIFY(indicator.label(QStringLiteral("slurmctld"))->isHidden());

        const QDateTime now = QDateTime::currentDateTimeUtc();
        indicator.setClock([now] { return now; });
        ClusterSnapshot snapshot = syntheticSnapshot(2, 2, now.addSecs(-12));
        snapshot.ssh.lastSuccess = now.addSecs(-2);
        snapshot.accounting.ok = false;
        snapshot.accounting.lastSuccess = now.addSecs(-300);
        snapshot.accounting.lastAttempt = now;
        snapshot.accounting.error =
            QStringLiteral("slurmdbd does not answer: Connection refused. Start it in Hosts.");
        indicator.setSnapshot(snapshot);
        QLabel *ssh = indicator.label(QStringLiteral("ssh"));
        QLabel *controller = indicator.label(QStringLiteral("slurmctld"));
        QLabel *accounting = indicator.label(QStringLiteral("slurmdbd"));
        QCOMPARE(ssh->text(), QStringLiteral("ssh: 2 s ago"));
        QCOMPARE(controller->text(), QStringLiteral("slurmctld: 12 s ago"));
        QCOMPARE(accounting->text(), QStringLiteral("slurmdbd: 5 min ago"));
        QVERIFY(!controller->property("failing").toBool());
        QVERIFY(controller->styleSheet().isEmpty());
        QVERIFY(accounting->property("failing").toBool());
        QVERIFY(accounting->styleSheet().contains(QStringLiteral("color: #")));
        QVERIFY(accounting->toolTip().contains(QStringLiteral("Connection refused. Start it in Hosts.")));
        QVERIFY(accounting->toolTip().contains(QStringLiteral("keeps trying")));
        QVERIFY(controller->toolTip().startsWith(QStringLiteral("slurmctld answers.")));

        // Ages tick without a new snapshot.
        indicator.setClock([now] { return now.addSecs(60); });
        QCOMPARE(controller->text(), QStringLiteral("slurmctld: 1 min ago"));

        // Never answered.
        ClusterSnapshot first;
        first.ssh.lastAttempt = now;
        first.ssh.error = QStringLiteral("No route to host.");
        indicator.setSnapshot(first);
        QCOMPARE(ssh->text(), QStringLiteral("ssh: no answer yet"));
        QVERIFY(ssh->property("failing").toBool());
        QCOMPARE(controller->text(), QStringLiteral("slurmctld: connecting…"));
        indicator.clear();
        QCOMPARE(ssh->text(), QStringLiteral("Not monitoring a cluster"));
    }

    void notifierWithoutTray()
    {
        ClusterNotifier notifier;
        notifier.setTrayEnabled(false);
        QVERIFY(!notifier.trayAvailable());
        notifier.setUser(QStringLiteral("alice"));
        QSignalSpy notified(&notifier, &ClusterNotifier::notified);

        ClusterSnapshot snapshot = syntheticSnapshot(10, 12);
        notifier.setSnapshot(snapshot);
        QCOMPARE(notified.count(), 0); // the first snapshot is the baseline

        // An outage: stale snapshots in between say nothing ...
        ClusterSnapshot stale = snapshot;
        stale.controller.ok = false;
        notifier.setSnapshot(stale);
        // ... and what happened meanwhile is told once, when fresh again.
        ClusterSnapshot later = snapshot;
        later.takenAt = later.takenAt.addSecs(30);
        later.jobs[1].state = QStringLiteral("FAILED"); // 1001: bob
        later.jobs[4].state = QStringLiteral("FAILED"); // 1004: alice
        later.nodes[2].state = QStringLiteral("DOWN");
        later.nodes[2].reason = QStringLiteral("Not responding");
        notifier.setSnapshot(stale);
        notifier.setSnapshot(later);
        QVERIFY(notifier.isComparing()); // on a pool thread: the GUI thread does not wait for it
        QTRY_COMPARE(notified.count(), 2);
        QVERIFY(!notifier.isComparing());
        QCOMPARE(notifier.log().size(), 2);
        QVERIFY2(
            notifier.log().at(0).contains(QStringLiteral("Job 1004 failed: train-5 (alice) ended in FAILED")),
            qPrintable(notifier.log().at(0)));
        QVERIFY(notifier.log().at(1).contains(QStringLiteral("Node node0003 is down: DOWN: Not responding")));
        notifier.setSnapshot(later);
        QTRY_VERIFY(!notifier.isComparing());
        QCOMPARE(notified.count(), 2); // nothing repeated

        // A comparison in flight when another cluster is opened says nothing.
        ClusterSnapshot failedAgain = later;
        failedAgain.takenAt = failedAgain.takenAt.addSecs(30);
        failedAgain.jobs[0].state = QStringLiteral("FAILED");
        notifier.setSnapshot(failedAgain);
        notifier.reset();
        QTRY_VERIFY(!notifier.isComparing());
        QTest::qWait(50);
        QCOMPARE(notified.count(), 2);

        later.jobs[0].state = QStringLiteral("COMPLETED");
        notifier.setSnapshot(later);
        QCOMPARE(notified.count(), 2); // after a reset the next snapshot is a new baseline
    }

    void mainWindowMonitorsTheOpenCluster()
    {
        MainWindow window;
        window.setSshDefaults(sshDefaults());
        window.liveCluster()->setInterval(std::chrono::milliseconds(500));
        const Result<void> opened = window.openCluster(unreachableCluster(QStringLiteral("nowhere")));
        SLURMDECK_VERIFY_OK(opened);
        QVERIFY(window.statusBar()->findChild<SourceHealthIndicator *>());
        QVERIFY(!window.liveCluster()->isConnected());
        QVERIFY(!window.nodesView()->action(ClusterOperations::NodeAction::Drain)->isEnabled());

        QElapsedTimer gui;
        gui.start();
        window.showArea(Area::Nodes);
        QVERIFY2(gui.elapsed() < 100,
                 qPrintable(QString::number(gui.elapsed()))); // no waiting on the GUI thread
        QTRY_VERIFY(window.liveCluster()->isConnected());
        QCOMPARE(window.liveCluster()->clusterName(), QStringLiteral("nowhere"));
        QCOMPARE(window.liveCluster()->user(), QStringLiteral("root"));

        // The controller cannot be reached: the views and the indicator say so.
        QTRY_COMPARE_WITH_TIMEOUT(window.nodesView()->emptyState()->headline(),
                                  QStringLiteral("Cannot reach the cluster yet"), 20000);
        QVERIFY(window.nodesView()->emptyState()->explanation().contains(QStringLiteral("ssh")));
        QTRY_VERIFY(window.sourceHealth()->label(QStringLiteral("ssh"))->property("failing").toBool());
        QCOMPARE(window.sourceHealth()->label(QStringLiteral("ssh"))->text(),
                 QStringLiteral("ssh: no answer yet"));
        QCOMPARE(window.jobsView()->emptyState()->headline(), QStringLiteral("Cannot reach the cluster yet"));

        // Another cluster replaces the monitor.
        QSignalSpy disconnected(window.liveCluster(), &LiveCluster::disconnected);
        const Result<void> reopened = window.openCluster(unreachableCluster(QStringLiteral("elsewhere")));
        SLURMDECK_VERIFY_OK(reopened);
        QCOMPARE(disconnected.count(), 1);
        QTRY_COMPARE(window.liveCluster()->clusterName(), QStringLiteral("elsewhere"));
        QTRY_VERIFY(window.liveCluster()->isConnected());
    }

    void clusterWithoutControllerSaysWhy()
    {
        MainWindow window;
        window.setSshDefaults(sshDefaults());
        Cluster headless; // no host runs slurmctld (a file cannot say so; a plan could)
        headless.name = QStringLiteral("headless");
        QSignalSpy failed(window.liveCluster(), &LiveCluster::failed);
        window.session()->setCluster(headless);
        window.liveCluster()->start();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!window.liveCluster()->isConnected());
        QVERIFY(window.jobsView()->emptyState()->explanation().startsWith(
            QStringLiteral("Cannot monitor this cluster")));
        QVERIFY(window.nodesView()->emptyState()->explanation().startsWith(
            QStringLiteral("Cannot monitor this cluster")));
    }
};

QTEST_MAIN(TestLiveStatus)
#include "tst_livestatus.moc"
