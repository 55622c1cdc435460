// SPDX-License-Identifier: GPL-3.0-or-later
// The Overview's summary of real Slurm 22.05 output (tests/data/slurm/22.05, whose
// sinfo-default.txt shows the same cluster: a mixed, an allocated, an idle, a drained, a
// draining, a down and an unknown node in three partitions) and of a large made-up cluster.
#include "CapturedSnapshot.h"
#include "slurm/ClusterOverview.h"

#include <QTest>

using namespace SlurmDeck;
using SlurmDeck::Testing::capturedSnapshot;

class TestClusterOverview : public QObject
{
    Q_OBJECT

private slots:
    void countsNodesAsSinfoDoes()
    {
        const ClusterOverview overview =
            ClusterOverviews::summarize(capturedSnapshot(), QStringLiteral("alice"));
        // sinfo: mix node01, alloc node02, idle node03, drain node04, down node05, unk* node06,
        // drng node07.
        QCOMPARE(overview.all.nodes, 7);
        QCOMPARE(overview.all.allocated, 2);
        QCOMPARE(overview.all.idle, 1);
        QCOMPARE(overview.all.drained, 2);
        QCOMPARE(overview.all.down, 1);
        QCOMPARE(overview.all.other, 1);

        QStringList names;
        for (const NodeStateCounts &partition : overview.partitions)
            names << partition.partition;
        QCOMPARE(names,
                 (QStringList{QStringLiteral("debug"), QStringLiteral("gpu"), QStringLiteral("long")}));
        // debug: drng node07, drain node04, mix node01, alloc node02, idle node03, down node05.
        const NodeStateCounts &debug = overview.partitions.at(0);
        QCOMPARE(debug.nodes, 6);
        QCOMPARE(debug.allocated, 2);
        QCOMPARE(debug.idle, 1);
        QCOMPARE(debug.drained, 2);
        QCOMPARE(debug.down, 1);
        // gpu: unk* node06, mix node01.
        QCOMPARE(overview.partitions.at(1).nodes, 2);
        QCOMPARE(overview.partitions.at(1).allocated, 1);
        QCOMPARE(overview.partitions.at(1).other, 1);
        // long: alloc node02, idle node03.
        QCOMPARE(overview.partitions.at(2).nodes, 2);
        QCOMPARE(overview.partitions.at(2).idle, 1);
    }

    void nodesNeedingActionDownFirstWithReasons()
    {
        const ClusterOverview overview = ClusterOverviews::summarize(capturedSnapshot(), {});
        QCOMPARE(overview.nodesNeedingActionCount, 3);
        QStringList nodes;
        for (const NodeNeedingAction &node : overview.nodesNeedingAction)
            nodes << node.node;
        QCOMPARE(nodes,
                 (QStringList{QStringLiteral("node05"), QStringLiteral("node04"), QStringLiteral("node07")}));
        QVERIFY(overview.nodesNeedingAction.first().down);
        for (const NodeNeedingAction &node : overview.nodesNeedingAction)
            QVERIFY2(!node.reason.isEmpty(), qPrintable(node.node + u' ' + node.state));
    }

    void jobsRunningAndPendingAndMine()
    {
        ClusterSnapshot snapshot = capturedSnapshot();
        // squeue: 5 running (7, 8, 9, 10, 13_1), 7 pending rows, all alice's.
        ClusterOverview overview = ClusterOverviews::summarize(snapshot, QStringLiteral("alice"));
        QCOMPARE(overview.jobsRunning, 5);
        QCOMPARE(overview.jobsPending, 7);
        QCOMPARE(overview.myJobsRunning, 5);
        QCOMPARE(overview.myJobsPending, 7);

        snapshot.jobs[0].user = QStringLiteral("bob");
        overview = ClusterOverviews::summarize(snapshot, QStringLiteral("bob"));
        QCOMPARE(overview.myJobsRunning + overview.myJobsPending, 1);
        overview = ClusterOverviews::summarize(snapshot, {});
        QCOMPARE(overview.myJobsRunning + overview.myJobsPending, 0);
    }

    void resourcesAddUp()
    {
        const ClusterSnapshot snapshot = capturedSnapshot();
        int cpus = 0;
        int allocated = 0;
        int gpus = 0;
        for (const SlurmNode &node : snapshot.nodes) {
            cpus += node.cpusTotal;
            allocated += node.cpusAllocated;
            gpus += node.gpusTotal;
        }
        const ClusterOverview overview = ClusterOverviews::summarize(snapshot, {});
        QVERIFY(cpus > 0 && allocated > 0);
        QCOMPARE(overview.cpusTotal, cpus);
        QCOMPARE(overview.cpusAllocated, allocated);
        QCOMPARE(overview.gpusTotal, gpus);
        QVERIFY(overview.memoryTotalMb > 0);
        QVERIFY(overview.memoryAllocatedMb <= overview.memoryTotalMb);
    }

    // Many nodes down: the list stops at the cap; the count says how many there are.
    void nodesNeedingActionAreCapped()
    {
        ClusterSnapshot snapshot;
        for (int i = 0; i < 100; ++i) {
            SlurmNode node;
            node.name = QStringLiteral("n%1").arg(i);
            node.state = i % 2 ? QStringLiteral("DOWN") : QStringLiteral("IDLE");
            node.flags = i % 2 ? QStringList{} : QStringList{QStringLiteral("DRAIN")};
            snapshot.nodes << node;
        }
        const ClusterOverview overview = ClusterOverviews::summarize(snapshot, {});
        QCOMPARE(overview.nodesNeedingActionCount, 100);
        QCOMPARE(overview.nodesNeedingAction.size(), ClusterOverview::maxNodesNeedingAction);
        for (const NodeNeedingAction &node : overview.nodesNeedingAction)
            QVERIFY(node.down); // 50 down ones come before any drained one
        QCOMPARE(overview.all.down, 50);
        QCOMPARE(overview.all.drained, 50);
    }
};

QTEST_GUILESS_MAIN(TestClusterOverview)
#include "tst_clusteroverview.moc"
