// SPDX-License-Identifier: GPL-3.0-or-later
// The line the Deploy view shows when a deploy ends well: how many hosts, checks and seconds,
// and the hosts where slurmd kept its container for the jobs running there.
#include "views/DeploySummary.h"

#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestDeploySummary final : public QObject
{
    Q_OBJECT

private:
    static DeployReport report()
    {
        DeployReport report;
        for (const QString &host :
             {QStringLiteral("head"), QStringLiteral("node1"), QStringLiteral("node2")}) {
            HostDeployResult result;
            result.host = host;
            result.phase = DeployPhase::Done;
            report.hosts << result;
        }
        for (int i = 0; i < 5; ++i)
            report.checks << VerificationCheck{
                QStringLiteral("check %1").arg(i), true, {}, QStringLiteral("head")};
        report.elapsedMs = 12300;
        return report;
    }

private slots:
    void summaryLines_data()
    {
        QTest::addColumn<bool>("nothingChanged");
        QTest::addColumn<bool>("verified");
        QTest::addColumn<QStringList>("busyHosts");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deployed") << false << true << QStringList()
                                  << QStringLiteral("3 hosts deployed, 5 checks passed in 12 s");
        QTest::newRow("unchanged") << true << true << QStringList()
                                   << QStringLiteral("Nothing changed: 3 hosts already up to date, 5 checks "
                                                     "passed in 12 s");
        QTest::newRow("unverified") << false << false << QStringList()
                                    << QStringLiteral("3 hosts deployed in 12 s (not verified)");
        QTest::newRow("busy") << false << true
                              << QStringList{QStringLiteral("node1"), QStringLiteral("node2")}
                              << QStringLiteral(
                                     "3 hosts deployed, 5 checks passed in 12 s slurmd kept its "
                                     "container on node1, node2 for the jobs running there; deploy "
                                     "again once they end (or drain the nodes) to apply its new "
                                     "settings.");
    }

    void summaryLines()
    {
        QFETCH(bool, nothingChanged);
        QFETCH(bool, verified);
        QFETCH(QStringList, busyHosts);
        QFETCH(QString, expected);
        DeployReport done = report();
        done.nothingChanged = nothingChanged;
        if (!verified)
            done.checks.clear();
        for (HostDeployResult &host : done.hosts) {
            if (busyHosts.contains(host.host))
                host.keptServices = {QStringLiteral("slurmd")};
        }
        QCOMPARE(DeploySummary::of(done).text, expected);
        QVERIFY(DeploySummary::of(done).ok);
    }

    void durations()
    {
        QCOMPARE(DeploySummary::formatDuration(1700), QStringLiteral("1.7 s"));
        QCOMPARE(DeploySummary::formatDuration(125000), QStringLiteral("2 min 5 s"));
    }
};

QTEST_MAIN(TestDeploySummary)
#include "tst_deploysummary.moc"
