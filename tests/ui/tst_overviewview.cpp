// SPDX-License-Identifier: GPL-3.0-or-later
// The Overview at scale (a made-up 1,000-node, 10,000-job cluster, SyntheticCluster.h): its
// counts, gauges and lists agree with the snapshot, a refresh stays within a frame, every
// item leads to its view, events are capped; and in the window: the Overview comes first, a
// cluster with hosts opens on it, and a cluster that cannot be monitored says why there.
// The last hour's CPU use from a real Prometheus is checked by tst_screenshotslab.
#include "MainWindow.h"
#include "ResultTesting.h"
#include "SyntheticCluster.h"
#include "models/PartitionCountsModel.h"
#include "slurm/SnapshotChanges.h"
#include "views/OverviewView.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/Sparkline.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace SlurmDeck::Testing;

Q_DECLARE_METATYPE(SlurmDeck::Ui::Area)

namespace {

QStringList texts(const QListWidget *list)
{
    QStringList lines;
    for (int row = 0; row < list->count(); ++row)
        lines << list->item(row)->text();
    return lines;
}

Area areaOf(const QListWidgetItem *item)
{
    return static_cast<Area>(item->data(OverviewView::AreaRole).toInt());
}

} // namespace

class TestOverviewView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<SlurmDeck::Ui::Area>(); }

    void countsAndGaugesAtScale()
    {
        const ClusterSnapshot snapshot = syntheticSnapshot(1000, 10000);
        OverviewView view;
        view.resize(1100, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(snapshot, QStringLiteral("alice"));

        int idle = 0, busy = 0, down = 0, drained = 0, cpus = 0, allocated = 0, gpus = 0;
        for (const SlurmNode &node : snapshot.nodes) {
            const bool isDown = SnapshotChanges::isNodeDown(node);
            const bool isDrained = SnapshotChanges::isNodeDrained(node);
            down += isDown ? 1 : 0;
            drained += isDrained && !isDown ? 1 : 0;
            idle += !isDown && !isDrained && node.state == u"IDLE" ? 1 : 0;
            busy += !isDown && !isDrained && node.state != u"IDLE" ? 1 : 0;
            cpus += node.cpusTotal;
            allocated += node.cpusAllocated;
            gpus += node.gpusTotal;
        }
        // The table: every node, then main and gpu.
        PartitionCountsModel *model = view.partitionModel();
        QCOMPARE(model->rowCount(), 3);
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toInt(); };
        QCOMPARE(cell(0, PartitionCountsModel::Nodes), 1000);
        QCOMPARE(cell(0, PartitionCountsModel::Idle), idle);
        QCOMPARE(cell(0, PartitionCountsModel::Allocated), busy);
        QCOMPARE(cell(0, PartitionCountsModel::Down), down);
        QCOMPARE(cell(0, PartitionCountsModel::Drained), drained);
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("main"));
        QCOMPARE(cell(1, PartitionCountsModel::Nodes), 1000);
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("gpu"));
        QCOMPARE(cell(2, PartitionCountsModel::Nodes), 125); // every 8th node

        // Gauges: allocated of total.
        QCOMPARE(view.cpuGauge()->value(), allocated);
        QCOMPARE(view.cpuGauge()->maximum(), cpus);
        QVERIFY(view.cpuGauge()->text().contains(QString::number(cpus)));
        QVERIFY(view.gpuGauge()->isEnabled());
        QVERIFY(view.gpuGauge()->text().contains(QStringLiteral("of %1 GPUs").arg(gpus)));
        QVERIFY(view.memoryGauge()->text().contains(QStringLiteral("GiB")));

        // Jobs: ids 1000..10999, every third pending; alice has every fourth.
        int running = 0, pending = 0, mine = 0;
        for (const SlurmJob &job : snapshot.jobs) {
            running += job.state == u"RUNNING" ? 1 : 0;
            pending += job.state == u"PENDING" ? 1 : 0;
            mine += job.user == u"alice" && job.state == u"RUNNING" ? 1 : 0;
        }
        QCOMPARE(view.overview().jobsRunning, running);
        QCOMPARE(view.overview().jobsPending, pending);
        QVERIFY(view.jobsLabel()->text().contains(QStringLiteral("<b>%1</b> running").arg(running)));
        QVERIFY(view.jobsLabel()->text().contains(QStringLiteral("%1 yours").arg(mine)));

        // Down first, at most 20 nodes, then how many more.
        const QStringList attention = texts(view.attentionList());
        QCOMPARE(attention.size(), ClusterOverview::maxNodesNeedingAction + 1);
        QVERIFY2(attention.first().contains(QStringLiteral("down")), qPrintable(attention.first()));
        QVERIFY2(attention.last().contains(QStringLiteral("%1 more").arg(down + drained - 20)),
                 qPrintable(attention.last()));
        QVERIFY(view.sourcesLabel()->text().contains(QStringLiteral("slurmctld")));
    }

    // A poll at 1,000 nodes and 10,000 jobs, with 5 % of them changed each time: the median
    // refresh stays within one frame (16 ms) of the GUI thread.
    void refreshFitsAFrame()
    {
        ClusterSnapshot snapshot = syntheticSnapshot(1000, 10000);
        OverviewView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(snapshot, QStringLiteral("alice"));
        int nextJob = 20000;
        QList<qint64> nanoseconds;
        for (quint32 poll = 1; poll <= 9; ++poll) {
            churn(snapshot, 0.05, poll, nextJob);
            QElapsedTimer clock;
            clock.start();
            view.setSnapshot(snapshot, QStringLiteral("alice"));
            QCoreApplication::processEvents(); // the repaint it caused
            nanoseconds << clock.nsecsElapsed();
        }
        std::sort(nanoseconds.begin(), nanoseconds.end());
        const double medianMs = double(nanoseconds.at(nanoseconds.size() / 2)) / 1e6;
        qInfo("median Overview refresh at 1,000 nodes / 10,000 jobs: %.2f ms", medianMs);
        QVERIFY2(medianMs < 16.0, qPrintable(QString::number(medianMs)));
    }

    void itemsLeadToTheirViews()
    {
        ClusterSnapshot snapshot = syntheticSnapshot(60, 30);
        OverviewView view;
        QSignalSpy requested(&view, &OverviewView::areaRequested);
        view.setSnapshot(snapshot, QStringLiteral("bob"));
        Finding stopped;
        stopped.rule = QStringLiteral("service-stopped");
        stopped.host = QStringLiteral("worker1");
        stopped.service = QStringLiteral("slurmd");
        stopped.cause = QStringLiteral("the container exited");
        view.setFindings({stopped});

        QListWidget *attention = view.attentionList();
        QVERIFY(attention->count() >= 3);
        QCOMPARE(areaOf(attention->item(0)), Area::Nodes);
        const QStringList lines = texts(attention);
        const qsizetype service = lines.indexOf(QStringLiteral("slurmd on worker1: the container exited"));
        QVERIFY2(service >= 0, qPrintable(lines.join(u'\n')));
        QCOMPARE(areaOf(attention->item(int(service))), Area::Services);
        QCOMPARE(areaOf(attention->item(attention->count() - 1)), Area::Problems);

        emit attention->itemActivated(attention->item(int(service)));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.takeFirst().first().value<Area>(), Area::Services);
        emit view.jobsLabel()->linkActivated(QStringLiteral("jobs"));
        QCOMPARE(requested.takeFirst().first().value<Area>(), Area::Jobs);

        // Events: newest first, each to its view, never more than 20.
        for (int i = 0; i < 25; ++i)
            view.addEvent(QStringLiteral("event %1").arg(i), i % 2 ? Area::Jobs : Area::Nodes);
        view.addEvent(QStringLiteral("Deploy finished"), Area::Deploy);
        QCOMPARE(view.eventList()->count(), OverviewView::maxEvents);
        QVERIFY(view.eventList()->item(0)->text().endsWith(QStringLiteral("Deploy finished")));
        emit view.eventList()->itemActivated(view.eventList()->item(0));
        QCOMPARE(requested.takeFirst().first().value<Area>(), Area::Deploy);
        QVERIFY(view.eventList()->item(1)->text().endsWith(QStringLiteral("event 24")));
    }

    void healthyClusterNeedsNothing()
    {
        ClusterSnapshot snapshot = syntheticSnapshot(4, 2);
        for (SlurmNode &node : snapshot.nodes) {
            node.state = QStringLiteral("IDLE");
            node.flags.clear();
        }
        OverviewView view;
        view.setSnapshot(snapshot, {});
        QCOMPARE(view.attentionList()->count(), 1);
        QVERIFY(view.attentionList()->item(0)->text().startsWith(QStringLiteral("Nothing")));
        QVERIFY(!view.jobsLabel()->text().contains(QStringLiteral("yours"))); // no user: no "yours"
        QVERIFY(!view.gpuGauge()->isEnabled() || view.overview().gpusTotal > 0);

        view.clearCluster(QStringLiteral("Cannot monitor this cluster: no controller"));
        QCOMPARE(view.emptyState()->explanation(),
                 QStringLiteral("Cannot monitor this cluster: no controller"));
        QCOMPARE(view.partitionModel()->rowCount(), 1); // only the empty "all" row
    }

    // The window: Overview first; a cluster with hosts opens on it and starts monitoring;
    // while the controller does not answer (nothing listens on its port) the Overview says
    // why instead of showing an empty cluster.
    void windowOpensOnTheOverview()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("closed.yaml"));
        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("name: closed\n"
                   "hosts:\n"
                   "  - name: lonely\n"
                   "    address: 127.0.0.1\n"
                   "    port: 1\n"
                   "    user: nobody\n"
                   "    roles: [controller, database, monitoring, compute]\n"
                   "    detected: {platform: linux, arch: x86_64, cpus: 2, memory_mib: 2048, gpus: 0}\n");
        yaml.close();

        MainWindow window;
        window.showStartArea();
        QCOMPARE(window.currentArea(), Area::Hosts); // no cluster yet
        SLURMDECK_VERIFY_OK(window.openCluster(file));
        window.showStartArea();
        QCOMPARE(window.currentArea(), Area::Overview);
        OverviewView *overview = window.overviewView();
        QCOMPARE(window.view(Area::Overview), overview);
        QVERIFY2(QTest::qWaitFor(
                     [overview] {
                         return overview->emptyState()->explanation().contains(u"has not answered yet");
                     },
                     20000),
                 qPrintable(overview->emptyState()->explanation()));
        qInfo("%s", qPrintable(overview->emptyState()->explanation()));
    }
};

QTEST_MAIN(TestOverviewView)
#include "tst_overviewview.moc"
