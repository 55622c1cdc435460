// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster's users: the cluster file's `users` list (read with its places, written back),
// the default (the controller's ordinary login, as the fingerprint found it), the accounts
// file every Slurm container reads, and sbatch run as the chosen user.
#include "InventoryFixtures.h"
#include "ResultTesting.h"
#include "fingerprint/FingerprintParser.h"
#include "inventory/ClusterFile.h"
#include "inventory/ClusterRules.h"
#include "plan/ClusterPlanner.h"
#include "plan/PlanInputs.h"
#include "plan/TemplateSource.h"
#include "plan/Topology.h"
#include "slurm/JobRequest.h"

#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::InventoryFixtures;

namespace {

const QString hostsYaml =
    QStringLiteral("name: lab\n"
                   "hosts:\n"
                   "  - {name: primary, address: 10.0.0.1, roles: [controller, database, "
                   "monitoring, compute]}\n");

QStringList diagnostics(const QString &users)
{
    return diagnosticsOf(hostsYaml + users);
}

// The cluster's controller logged in as alice (uid 2001, gid 2002), as the probe found her.
Cluster aliceCluster()
{
    Cluster cluster = sampleCluster(); // "gpu" gets the controller role
    for (Host &host : cluster.hosts) {
        host.detected.loginUser = QStringLiteral("alice");
        host.detected.loginUid = 2001;
        host.detected.loginGid = 2002;
    }
    return cluster;
}

} // namespace

class TestClusterUsers final : public QObject
{
    Q_OBJECT

private slots:
    void readsAndWritesTheUsersList()
    {
        const Result<Cluster> cluster =
            ClusterFile::loadFromString(hostsYaml + QStringLiteral("users:\n"
                                                                   "  - {name: alice, uid: 1000, gid: 1000}\n"
                                                                   "  - {name: bob, uid: 501, gid: 20}\n"),
                                        QStringLiteral("t.yaml"));
        SLURMDECK_VERIFY_OK(cluster);
        QCOMPARE(cluster->users, (QList<ClusterUser>{{QStringLiteral("alice"), 1000, 1000},
                                                     {QStringLiteral("bob"), 501, 20}}));
        const Result<Cluster> again = ClusterFile::loadFromString(
            QString::fromUtf8(ClusterFile::toYaml(*cluster)), QStringLiteral("again"));
        SLURMDECK_VERIFY_OK(again);
        QCOMPARE(again->users, cluster->users);
        QCOMPARE(ClusterUsers::effective(*cluster), cluster->users); // the file's, whoever logs in
    }

    void reportsEachProblemWithItsPlace()
    {
        const QStringList found = diagnostics(QStringLiteral("users:\n"
                                                             "  - {name: Alice, uid: 1000, gid: 1000}\n"
                                                             "  - {name: root, uid: 0, gid: 0}\n"
                                                             "  - {name: carol, uid: 1000, gid: 1000}\n"
                                                             "  - {name: carol, uid: 1001}\n"
                                                             "  - dave\n"));
        const QString all = found.join(u'\n');
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:5:12: user name 'Alice' must be an account name")),
                 qPrintable(all));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:6:23: ")), qPrintable(all)); // uid 0
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:7:24: uid 1000 is given twice (first on line 5)")),
                 qPrintable(all));
        QVERIFY2(
            anyContains(found, QStringLiteral("t.yaml:8:12: user 'carol' is given twice (first on line 7)")),
            qPrintable(all));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:8:5: user 'carol' has no 'gid'")),
                 qPrintable(all));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:9:5: a user must be a mapping")), qPrintable(all));

        Cluster cluster = sampleCluster();
        cluster.users = {ClusterUser{QStringLiteral("alice"), 100, 100}};
        QVERIFY(!ClusterRules::check(cluster));
    }

    void theDefaultIsTheControllersOrdinaryLogin()
    {
        Cluster cluster = aliceCluster();
        QCOMPARE(ClusterUsers::effective(cluster),
                 (QList<ClusterUser>{{QStringLiteral("alice"), 2001, 2002}}));
        // Kept in the file's detected facts.
        const Result<Cluster> saved = ClusterFile::loadFromString(
            QString::fromUtf8(ClusterFile::toYaml(cluster)), QStringLiteral("saved"));
        SLURMDECK_VERIFY_OK(saved);
        QCOMPARE(ClusterUsers::effective(*saved), ClusterUsers::effective(cluster));

        // Root (or a QNAP admin), or a gid the probe did not find: no users, jobs run as root.
        for (Host &host : cluster.hosts)
            host.detected.loginUid = 0;
        QVERIFY(ClusterUsers::effective(cluster).isEmpty());
        cluster = aliceCluster();
        for (Host &host : cluster.hosts)
            host.detected.loginGid.reset();
        QVERIFY(ClusterUsers::effective(cluster).isEmpty());
    }

    void everySlurmContainerGetsTheAccounts()
    {
        PlanInputs inputs;
        inputs.mungeKey = QByteArray(1024, 'k');
        inputs.databasePassword = QByteArrayLiteral("pw");
        const ClusterPlanner planner(
            TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")));
        const Result<ClusterPlan> plan = planner.plan(aliceCluster(), inputs);
        SLURMDECK_VERIFY_OK(plan);
        QCOMPARE(plan->users, QStringList{QStringLiteral("alice")});
        for (const HostPlan &host : plan->hosts) {
            const RenderedFile *accounts = host.file(QStringLiteral("etc/slurm/users.conf"));
            QVERIFY2(accounts, qPrintable(host.hostName));
            QVERIFY(accounts->content.endsWith("\nalice:2001:2002\n"));
        }
        QVERIFY(ClusterPlanner::managedFiles().contains(QStringLiteral("etc/slurm/users.conf")));
        // The monitor's plan (no files) knows them too.
        const Result<Topology> topology = Topology::of(aliceCluster(), {});
        SLURMDECK_VERIFY_OK(topology);
        QCOMPARE(topology->withoutFiles().users, QStringList{QStringLiteral("alice")});

        const Result<ClusterPlan> rootPlan = planner.plan(sampleCluster(), inputs);
        SLURMDECK_VERIFY_OK(rootPlan);
        QVERIFY(rootPlan->users.isEmpty());
        for (const HostPlan &host : rootPlan->hosts)
            QVERIFY(!host.file(QStringLiteral("etc/slurm/users.conf")));
    }

    void sbatchRunsAsTheChosenUser()
    {
        JobRequest request;
        request.script = QStringLiteral("#!/bin/sh\ntrue\n");
        QCOMPARE(JobRequests::submitArgv(request).first(), QStringLiteral("sh"));
        request.user = QStringLiteral("alice");
        const QStringList argv = JobRequests::submitArgv(request);
        QCOMPARE(argv.mid(0, 4), (QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                                              QStringLiteral("alice"), QStringLiteral("--")}));
        QCOMPARE(argv.at(4), QStringLiteral("sh"));
        request.user = QStringLiteral("-alice");
        QVERIFY(anyContains(JobRequests::validateJobRequest(request, ClusterSnapshot{}),
                            QStringLiteral("is not an account name")));
    }

    void theProbeFindsTheLoginsGroup()
    {
        const QByteArray output =
            "@@slurmdeck:fingerprint 1\n@@slurmdeck:section login\n2001\nalice\n/home/alice\n"
            "2002\n@@slurmdeck:end\n";
        const Result<HostFingerprint> parsed = parseFingerprint(output);
        SLURMDECK_VERIFY_OK(parsed);
        const HostFingerprint &fp = *parsed;
        QCOMPARE(fp.loginUid, std::optional<int>(2001));
        QCOMPARE(fp.loginGid, std::optional<int>(2002));
        QCOMPARE(fp.loginUser, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestClusterUsers)
#include "tst_clusterusers.moc"
