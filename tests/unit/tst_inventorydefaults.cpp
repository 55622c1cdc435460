// SPDX-License-Identifier: GPL-3.0-or-later
// Default roles, spelling suggestions, MaxTime formats and the cluster file's default path:
// the inventory's helpers around the file itself (see tst_inventory.cpp).
#include "InventoryFixtures.h"
#include "ResultTesting.h"
#include "common/AppPaths.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "inventory/SpellingSuggestion.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace SlurmDeck;
using namespace Qt::StringLiterals;

using namespace SlurmDeck::InventoryFixtures;

class TestInventoryDefaults final : public QObject
{
    Q_OBJECT

private slots:
    void defaultRolesPreferTheGpuLinuxHost()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("lab");
        cluster.hosts = {makeHost(QStringLiteral("mac"), Platform::MacOS),
                         makeHost(QStringLiteral("linux"), Platform::Linux),
                         makeHost(QStringLiteral("nas"), Platform::Qnap),
                         makeHost(QStringLiteral("gpu"), Platform::Linux, 1)};
        cluster.hosts[0].roles = HostRole::Controller; // replaced
        assignDefaultRoles(cluster);

        const HostRoles all =
            HostRole::Controller | HostRole::Database | HostRole::Monitoring | HostRole::Compute;
        QCOMPARE(cluster.hosts.at(3).roles, all);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cluster.hosts.at(i).roles, HostRoles(HostRole::Compute));
        QCOMPARE(cluster.partitions.size(), 2);
        QCOMPARE(cluster.partitions.at(0),
                 (Partition{QStringLiteral("main"), {QStringLiteral("ALL")}, true, QString()}));
        QCOMPARE(cluster.partitions.at(1).name, QStringLiteral("gpu"));
        QCOMPARE(cluster.partitions.at(1).nodes, QStringList{QStringLiteral("gpu")});
        QVERIFY(!cluster.partitions.at(1).isDefault);
        QVERIFY(
            ClusterFile::validate(QString::fromUtf8(ClusterFile::toYaml(cluster)), u"r.yaml"_s).isEmpty());
    }

    void defaultRolesWithoutGpuTakeFirstLinuxHost()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("lab");
        cluster.hosts = {makeHost(QStringLiteral("mac"), Platform::MacOS),
                         makeHost(QStringLiteral("nas"), Platform::Qnap),
                         makeHost(QStringLiteral("deb1"), Platform::Linux),
                         makeHost(QStringLiteral("deb2"), Platform::Linux)};
        cluster.hosts[1].platformOverride = Platform::Linux; // the override counts
        cluster.hosts[1].detected.platform = Platform::Unknown;
        assignDefaultRoles(cluster);
        QVERIFY(cluster.hosts.at(1).hasRole(HostRole::Controller));
        QVERIFY(cluster.hosts.at(1).hasRole(HostRole::Database));
        QVERIFY(cluster.hosts.at(1).hasRole(HostRole::Monitoring));
        QCOMPARE(cluster.hostsWithRole(HostRole::Controller).size(), 1);
        QCOMPARE(cluster.hostsWithRole(HostRole::Compute).size(), 4);
        QCOMPARE(cluster.partitions.size(), 1);
        QCOMPARE(cluster.partitions.at(0).name, QStringLiteral("main"));
    }

    void defaultRolesWithoutLinuxTakeFirstHost()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("lab");
        cluster.hosts = {makeHost(QStringLiteral("nas"), Platform::Qnap),
                         makeHost(QStringLiteral("mac"), Platform::MacOS, 1),
                         makeHost(QStringLiteral("unknown"), Platform::Unknown)};
        assignDefaultRoles(cluster);
        QVERIFY(cluster.hosts.at(0).hasRole(HostRole::Controller));
        QCOMPARE(cluster.hostsWithRole(HostRole::Controller).size(), 1);
        QCOMPARE(cluster.partitions.size(), 2); // a GPU host that is not Linux still gets `gpu`
        QCOMPARE(cluster.partitions.at(1).nodes, QStringList{QStringLiteral("mac")});
    }

    void defaultRolesOnEmptyCluster()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("lab");
        cluster.partitions.append({QStringLiteral("old"), {QStringLiteral("ALL")}, true, {}});
        assignDefaultRoles(cluster);
        QVERIFY(cluster.hosts.isEmpty());
        QVERIFY(cluster.partitions.isEmpty());
    }

    void spellingSuggestions()
    {
        const QStringList keys = {u"name"_s, u"address"_s, u"port"_s, u"user"_s};
        QCOMPARE(closestSpelling(u"adress"_s, keys), u"address"_s);
        QCOMPARE(closestSpelling(u"prot"_s, keys), u"port"_s);
        QCOMPARE(closestSpelling(u"Name"_s, keys), u"name"_s);
        QCOMPARE(closestSpelling(u"colour"_s, keys), QString());
        QCOMPARE(closestSpelling(u"x"_s, keys), QString());
        QCOMPARE(editDistance(u"kitten"_s, u"sitting"_s), 3);
        QCOMPARE(editDistance(u"ab"_s, u"ba"_s), 1);
    }

    void maxTimeFormats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        for (const char *good :
             {"UNLIMITED", "infinite", "60", "30:00", "12:00:00", "1-00", "1-12:30", "7-00:00:00"})
            QTest::newRow(good) << QString::fromLatin1(good) << true;
        for (const char *bad : {"", "1 day", "1h", "-1", "1-", "1:2:3:4", "UNLIMITEDX"})
            QTest::newRow(bad[0] ? bad : "empty") << QString::fromLatin1(bad) << false;
    }
    void maxTimeFormats()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(Partition::isValidMaxTime(text), valid);
    }

    // An earlier SlurmDeck kept its files in ~/.config/SlurmDeck/SlurmDeck (Qt's organisation
    // and application directories): they move up, without overwriting what is there already.
    void doubledDirectoriesMoveUp()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString config = AppPaths::configDirectory();
        const QString data = AppPaths::dataDirectory();
        QDir(config).removeRecursively();
        QDir(data).removeRecursively();
        const auto write = [](const QString &path, const QByteArray &content) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
        };
        QVERIFY(write(config + u"/SlurmDeck/clusters/lab.yaml"_s, "name: lab\n"));
        QVERIFY(write(data + u"/SlurmDeck/known_hosts"_s, "old keys\n"));
        QVERIFY(write(data + u"/SlurmDeck/job-templates.json"_s, "[]"));
        QVERIFY(write(data + u"/job-templates.json"_s, "[{\"kept\": true}]"));

        const QStringList moved = AppPaths::migrateDoubledDirectories();
        QCOMPARE(moved.size(), 2);
        QVERIFY(QFile::exists(config + u"/clusters/lab.yaml"_s));
        QVERIFY(QFile::exists(data + u"/known_hosts"_s));
        QFile kept(data + u"/job-templates.json"_s);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("[{\"kept\": true}]"));            // never overwritten
        QVERIFY(!QFileInfo::exists(config + u"/SlurmDeck"_s));                 // emptied and removed
        QVERIFY(QFileInfo::exists(data + u"/SlurmDeck/job-templates.json"_s)); // left, not lost
        QCOMPARE(ClusterFile::defaultPath(), config + u"/clusters/default.yaml"_s);
        QVERIFY(AppPaths::migrateDoubledDirectories().isEmpty()); // once is enough
        QDir(config).removeRecursively();
        QDir(data).removeRecursively();
    }

    void defaultPathAndOverride()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = ClusterFile::defaultPath();
        QVERIFY2(path.endsWith(u"/clusters/default.yaml"_s), qPrintable(path));
        // One SlurmDeck directory, not Qt's organisation/application pair.
        QCOMPARE(path, QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                           u"/SlurmDeck/clusters/default.yaml"_s);
        QCOMPARE(ClusterFile::resolvePath(QString()), path);
        QCOMPARE(ClusterFile::resolvePath(u"/tmp/other.yaml"_s), u"/tmp/other.yaml"_s);
    }

    // Truncations, byte flips, insertions and random garbage: the loader must answer with
    // a value or an error, never crash or hang. Fixed seed, so a failure reproduces.
};

QTEST_GUILESS_MAIN(TestInventoryDefaults)
#include "tst_inventorydefaults.moc"
