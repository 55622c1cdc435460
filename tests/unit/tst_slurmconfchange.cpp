// SPDX-License-Identifier: GPL-3.0-or-later
// How a slurm.conf change reaches running daemons (SlurmConfChange): the files compared
// are rendered by SlurmDeck's own renderer from the seed's cluster file, changed as a user
// changes the cluster file.
#include "SeedCluster.h"
#include "inventory/ClusterFile.h"
#include "plan/SlurmConfChange.h"
#include "plan/SlurmConfig.h"

#include <QTest>

using namespace SlurmDeck;
using SlurmDeck::Testing::seedCluster;
using SlurmDeck::Testing::seedInputs;
using Apply = SlurmConfChange::Apply;

namespace {

QByteArray render(const Cluster &cluster)
{
    return renderSlurmConf(cluster, seedInputs());
}

} // namespace

class TestSlurmConfChange final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(seedCluster().hosts.size() >= 2); }

    void sameConfigurationNeedsNothing()
    {
        const QByteArray conf = render(seedCluster());
        const SlurmConfChange change = classifySlurmConfChange(conf, conf);
        QCOMPARE(change.apply, Apply::Nothing);
        QVERIFY(change.reasons.isEmpty());
        // Comments, blank lines, spacing and the case of a parameter name are not changes.
        QByteArray reformatted = "# edited by hand\n\n" + conf;
        reformatted.replace("SchedulerType=", "schedulertype = ");
        reformatted.replace("State=UP", "State=UP   ");
        QCOMPARE(classifySlurmConfChange(conf, reformatted).apply, Apply::Nothing);
    }

    void partitionChangesAreAReconfigure()
    {
        const Cluster before = seedCluster();
        Cluster after = before;
        after.partitions[0].maxTime = QStringLiteral("2-00:00:00");
        Partition extra;
        extra.name = QStringLiteral("long");
        extra.nodes = {before.hosts.first().name};
        after.partitions << extra;
        const SlurmConfChange change = classifySlurmConfChange(render(before), render(after));
        QCOMPARE(change.apply, Apply::Reconfigure);
        QVERIFY2(change.reasons.contains(QStringLiteral("partition long added")),
                 qPrintable(change.reasons.join(u'|')));
        QVERIFY2(change.reasons.contains(
                     QStringLiteral("partition %1: maxtime changed").arg(before.partitions[0].name)),
                 qPrintable(change.reasons.join(u'|')));
        QVERIFY(change.describe().contains(QStringLiteral("scontrol reconfigure")));
        // Removing it again is a reconfigure too.
        QCOMPARE(classifySlurmConfChange(render(after), render(before)).apply, Apply::Reconfigure);
    }

    void nodeChangesRestartTheDaemons()
    {
        Cluster before = seedCluster();
        const Host added = before.hosts.takeLast();
        for (Partition &partition : before.partitions)
            partition.nodes.removeAll(added.name);
        const Cluster after = seedCluster();
        const SlurmConfChange grown = classifySlurmConfChange(render(before), render(after));
        QCOMPARE(grown.apply, Apply::RestartDaemons);
        QVERIFY2(grown.reasons.contains(QStringLiteral("node %1 added").arg(added.name)),
                 qPrintable(grown.reasons.join(u'|')));
        QVERIFY(grown.describe().contains(QStringLiteral("running jobs keep running")));
        const SlurmConfChange shrunk = classifySlurmConfChange(render(after), render(before));
        QCOMPARE(shrunk.apply, Apply::RestartDaemons);
        QVERIFY(shrunk.reasons.contains(QStringLiteral("node %1 removed").arg(added.name)));

        Cluster resized = after;
        resized.hosts[0].detected.memoryMib = 1024;
        resized.hosts[0].detected.engineMemoryMib = 1024;
        const SlurmConfChange memory = classifySlurmConfChange(render(after), render(resized));
        QCOMPARE(memory.apply, Apply::RestartDaemons);
        QVERIFY2(memory.reasons.constFirst().contains(QStringLiteral("realmemory")),
                 qPrintable(memory.reasons.join(u'|')));
    }

    void parametersThatReconfigureCannotApplyRestart_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<int>("apply");
        QTest::newRow("port") << QByteArray("SlurmdPort=6818") << QByteArray("SlurmdPort=7818")
                              << int(Apply::RestartDaemons);
        QTest::newRow("controller") << QByteArray("SlurmctldHost=a(10.0.0.1)")
                                    << QByteArray("SlurmctldHost=a(10.0.0.2)") << int(Apply::RestartDaemons);
        QTest::newRow("plugin") << QByteArray("TaskPlugin=task/none") << QByteArray("TaskPlugin=task/cgroup")
                                << int(Apply::RestartDaemons);
        QTest::newRow("new plugin line")
            << QByteArray("") << QByteArray("SelectType=select/linear") << int(Apply::RestartDaemons);
        QTest::newRow("timeout") << QByteArray("SlurmdTimeout=60") << QByteArray("SlurmdTimeout=120")
                                 << int(Apply::Reconfigure);
        QTest::newRow("debug") << QByteArray("SlurmctldDebug=info") << QByteArray("SlurmctldDebug=debug")
                               << int(Apply::Reconfigure);
    }
    void parametersThatReconfigureCannotApplyRestart()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(int, apply);
        const QByteArray base = "ClusterName=lab\nNodeName=a NodeAddr=10.0.0.1 CPUs=2\n";
        const SlurmConfChange change = classifySlurmConfChange(base + from + '\n', base + to + '\n');
        QCOMPARE(int(change.apply), apply);
        QCOMPARE(change.reasons.size(), 1);
    }

    void otherFilesAndMerging()
    {
        QCOMPARE(slurmFileChange(QStringLiteral("etc/slurm/slurmdbd.conf")).apply, Apply::Nothing);
        const SlurmConfChange gres = slurmFileChange(QStringLiteral("etc/slurm/gres.conf"));
        QCOMPARE(gres.apply, Apply::RestartDaemons);
        SlurmConfChange merged{Apply::Reconfigure, {QStringLiteral("partition x added")}};
        merged.merge(gres);
        merged.merge(gres);
        QCOMPARE(merged.apply, Apply::RestartDaemons);
        QCOMPARE(merged.reasons.size(), 2);
    }

    void hostileTextIsJustText()
    {
        const QByteArray junk("=\n==\nNodeName\nNodeName=\nPartitionName==x=y\n\xff\xfe#\n#=\n");
        const SlurmConfChange change = classifySlurmConfChange(junk, QByteArray());
        QVERIFY(change.apply != Apply::Nothing);
        QCOMPARE(classifySlurmConfChange(junk, junk).apply, Apply::Nothing);
    }
};

QTEST_GUILESS_MAIN(TestSlurmConfChange)
#include "tst_slurmconfchange.moc"
