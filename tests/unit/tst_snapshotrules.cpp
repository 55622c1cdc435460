// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's snapshot rules on what real Slurm 22.05 printed (tests/data/slurm/22.05: a
// drained, a down, a not responding node; jobs pending for a drained node, a down node and a
// down partition), and on the states a few faults give.
#include "CapturedSnapshot.h"
#include "doctor/SnapshotRules.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;
using SlurmDeck::Testing::capturedSnapshot;

namespace {

// The captured cluster's nodes, all healthy and idle.
void makeNodesIdle(ClusterSnapshot &snapshot)
{
    for (SlurmNode &node : snapshot.nodes) {
        node.state = QStringLiteral("IDLE");
        node.flags.clear();
        node.reason.clear();
    }
}

QStringList rulesAndPlaces(const QList<Finding> &findings)
{
    QStringList list;
    for (const Finding &finding : findings)
        list << finding.rule + u' ' + finding.node;
    return list;
}

} // namespace

class TestSnapshotRules final : public QObject
{
    Q_OBJECT

private slots:
    void capturedClusterFindings()
    {
        const QList<Finding> findings = SnapshotRules::diagnose(capturedSnapshot(), true);
        QCOMPARE(
            rulesAndPlaces(findings),
            (QStringList{QStringLiteral("node-drained node04"), QStringLiteral("node-down node05"),
                         QStringLiteral("node-not-responding node06"), QStringLiteral("node-drained node07"),
                         QStringLiteral("job-waits-for-unavailable-nodes node06"),
                         QStringLiteral("job-waits-for-unavailable-nodes node07"),
                         QStringLiteral("job-partition-down ")}));
        const Finding &drained = findings.at(0);
        QCOMPARE(drained.severity, Finding::Severity::Warning);
        QVERIFY2(drained.evidence.contains(QLatin1String("disk replaced, waiting for RMA #42")),
                 qPrintable(drained.evidence));
        QCOMPARE(drained.fix,
                 QStringLiteral("Once the reason is dealt with: slurmdeck-cli nodes resume node04"));
        const Finding &silent = findings.at(2);
        QCOMPARE(silent.severity, Finding::Severity::Error);
        QVERIFY(silent.cause.contains(QLatin1String("port 6818")));
        QVERIFY(silent.fix.contains(QLatin1String("slurmdeck-cli services node06 logs slurmd")));
        const Finding &gpuJob = findings.at(4);
        QVERIFY2(gpuJob.cause.contains(QLatin1String("needs 4 gpus")), qPrintable(gpuJob.cause));
        QVERIFY(gpuJob.fix.contains(QLatin1String("slurmdeck-cli jobs cancel 11")));
        QVERIFY2(findings.at(6).cause.contains(QLatin1String("partition long, which is DOWN")),
                 qPrintable(findings.at(6).cause));
    }

    // A node Slurm refused at registration (a Mac whose Docker VM has less memory than the
    // cluster file says): the cause and the re-plan as the fix.
    void nodeLargerThanItsEngine()
    {
        ClusterSnapshot snapshot = capturedSnapshot();
        snapshot.jobs.clear();
        makeNodesIdle(snapshot);
        SlurmNode &mac = snapshot.nodes.first();
        mac.state = QStringLiteral("DOWN");
        mac.flags = {QStringLiteral("DRAIN"), QStringLiteral("INVALID_REG")};
        mac.reason = QStringLiteral("Low RealMemory (reported:7845 < 100.00% of configured:31000)");
        const QList<Finding> findings = SnapshotRules::diagnose(snapshot, true);
        QCOMPARE(rulesAndPlaces(findings), QStringList{QStringLiteral("node-size ") + mac.name});
        QVERIFY(
            findings.first().fix.startsWith(QStringLiteral("slurmdeck-cli doctor --fix reads ") + mac.name));
        QCOMPARE(findings.first().autoFix, Finding::AutoFix::Replan);
    }

    // A job asking more CPUs per node than any node of its partition has never starts.
    void jobLargerThanAnyNode()
    {
        ClusterSnapshot snapshot = capturedSnapshot();
        SlurmJob job;
        job.id = QStringLiteral("99");
        job.jobId = 99;
        job.name = QStringLiteral("huge");
        job.partition = QStringLiteral("debug");
        job.state = QStringLiteral("PENDING");
        job.reason = QStringLiteral("Resources");
        job.nodeCount = 1;
        job.cpus = 64;
        snapshot.jobs = {job};
        const QList<Finding> findings = SnapshotRules::diagnose(snapshot, true);
        QCOMPARE(findings.last().rule, QStringLiteral("job-too-large"));
        QVERIFY2(findings.last().cause.contains(QLatin1String("64 CPUs")) &&
                     findings.last().cause.contains(QLatin1String("the most: 4 CPUs")),
                 qPrintable(findings.last().cause));
    }

    // The sources first: no controller means nothing else is checked; no slurmdbd is named.
    void sourcesComeFirst()
    {
        ClusterSnapshot snapshot = capturedSnapshot();
        snapshot.accounting.ok = false;
        snapshot.accounting.error = QStringLiteral("sacct: error: Problem talking to the database");
        QCOMPARE(SnapshotRules::diagnose(snapshot, true).first().rule, QStringLiteral("accounting-missing"));
        QVERIFY(SnapshotRules::diagnose(snapshot, false).first().rule != u"accounting-missing");
        snapshot.controller.ok = false;
        snapshot.controller.error =
            QStringLiteral("slurm_load_jobs error: Unable to contact slurm controller");
        const QList<Finding> silent = SnapshotRules::diagnose(snapshot, true);
        QCOMPARE(rulesAndPlaces(silent), QStringList{QStringLiteral("slurmctld-silent ")});
        QCOMPARE(silent.first().evidence, snapshot.controller.error);
    }

    void healthyClusterHasNoFinding()
    {
        ClusterSnapshot snapshot = capturedSnapshot();
        snapshot.jobs.clear();
        makeNodesIdle(snapshot);
        for (SlurmPartition &partition : snapshot.partitions)
            partition.state = QStringLiteral("UP");
        QCOMPARE(SnapshotRules::diagnose(snapshot, true), QList<Finding>());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotRules)
#include "tst_snapshotrules.moc"
