// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterDocument: the open cluster the GUI edits. Loading keeps the old cluster on a bad
// file, edits are validated and mark the document modified, saving round-trips.
#include "ResultTesting.h"
#include "inventory/ClusterDocument.h"
#include "inventory/ClusterFile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/") + QLatin1String(name);
}

Host makeHost(const QString &name, const QString &address)
{
    Host host;
    host.name = name;
    host.address = address;
    host.roles = HostRole::Compute;
    return host;
}

} // namespace

class TestClusterDocument final : public QObject
{
    Q_OBJECT

private slots:
    void startsEmptyAndUnmodified()
    {
        ClusterDocument document;
        QVERIFY(document.hosts().isEmpty());
        QVERIFY(!document.isModified());
        QVERIFY(document.path().isEmpty());
        QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
    }

    void loadsAFile()
    {
        ClusterDocument document;
        QSignalSpy changed(&document, &ClusterDocument::changed);
        QSignalSpy pathChanged(&document, &ClusterDocument::pathChanged);
        const Result<void> loaded = document.load(dataFile("valid-full.yaml"));
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(document.cluster().name, QStringLiteral("seed-lab"));
        QCOMPARE(document.hosts().size(), 4);
        QCOMPARE(document.path(), dataFile("valid-full.yaml"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(pathChanged.count(), 1);
        QVERIFY(!document.isModified());
        QVERIFY(document.hasController());
    }

    void badFileKeepsThePreviousClusterAndReportsEveryProblem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("syntax") << dataFile("syntax-error.yaml");
        QTest::newRow("many problems") << dataFile("many-problems.yaml");
        QTest::newRow("missing") << dataFile("does-not-exist.yaml");
    }
    void badFileKeepsThePreviousClusterAndReportsEveryProblem()
    {
        QFETCH(QString, file);
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        QVERIFY(document.removeHost(QStringLiteral("nas2")).has_value());
        const Cluster before = document.cluster();
        QSignalSpy changed(&document, &ClusterDocument::changed);

        const Result<void> loaded = document.load(file);
        QVERIFY(!loaded.has_value());
        QCOMPARE(document.cluster(), before);
        QCOMPARE(document.path(), dataFile("valid-full.yaml"));
        QVERIFY(document.isModified());
        QCOMPARE(changed.count(), 0);
        if (!file.contains(QStringLiteral("does-not-exist"))) {
            QCOMPARE(loaded.error().code, Error::Code::Parse);
            const QStringList lines = loaded.error().detail.split(u'\n', Qt::SkipEmptyParts);
            QVERIFY(!lines.isEmpty());
            for (const QString &line : lines)
                QVERIFY2(line.startsWith(file + u':'), qPrintable(line));
        } else {
            QCOMPARE(loaded.error().code, Error::Code::NotFound);
        }
    }

    void addHostsValidatesNames_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("ok");
        QTest::newRow("new") << QStringList{QStringLiteral("w1"), QStringLiteral("w2")} << true;
        QTest::newRow("taken") << QStringList{QStringLiteral("macbook")} << false;
        QTest::newRow("taken, other case") << QStringList{QStringLiteral("MacBook")} << false;
        QTest::newRow("twice in one go") << QStringList{QStringLiteral("w1"), QStringLiteral("w1")} << false;
        QTest::newRow("invalid") << QStringList{QStringLiteral("w_1")} << false;
        QTest::newRow("empty") << QStringList{QString()} << false;
    }
    void addHostsValidatesNames()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, ok);
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        QSignalSpy changed(&document, &ClusterDocument::changed);
        QSignalSpy modified(&document, &ClusterDocument::modifiedChanged);
        QList<Host> hosts;
        for (const QString &name : names)
            hosts.append(makeHost(name, QStringLiteral("10.0.0.9")));
        const Result<void> added = document.addHosts(hosts);
        QCOMPARE(added.has_value(), ok);
        QCOMPARE(document.hosts().size(), ok ? 4 + names.size() : 4); // all or none
        QCOMPARE(document.isModified(), ok);
        QCOMPARE(changed.count(), ok ? 1 : 0);
        QCOMPARE(modified.count(), ok ? 1 : 0);
        if (!ok)
            QVERIFY(!added.error().message.isEmpty());
    }

    void setHostRenamesAndKeepsPartitionsPointingAtIt()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        Host gpu = *document.cluster().findHost(QStringLiteral("gpu-box"));
        gpu.name = QStringLiteral("big-gpu");
        gpu.port = 2200;
        SLURMDECK_VERIFY_OK(document.setHost(QStringLiteral("gpu-box"), gpu));
        QVERIFY(!document.cluster().findHost(QStringLiteral("gpu-box")));
        QCOMPARE(document.cluster().findHost(QStringLiteral("big-gpu"))->port, 2200);
        QCOMPARE(document.hosts().first().name, QStringLiteral("big-gpu")); // same place
        for (const Partition &partition : document.cluster().partitions)
            QVERIFY(!partition.nodes.contains(QStringLiteral("gpu-box")));
        QVERIFY(document.isModified());

        Host clash = gpu;
        clash.name = QStringLiteral("nas1");
        QVERIFY(!document.setHost(QStringLiteral("big-gpu"), clash).has_value());
        QVERIFY(!document.setHost(QStringLiteral("nobody"), gpu).has_value());
    }

    void unchangedEditIsNotAModification()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        QSignalSpy changed(&document, &ClusterDocument::changed);
        SLURMDECK_VERIFY_OK(
            document.setHost(QStringLiteral("nas1"), *document.cluster().findHost(QStringLiteral("nas1"))));
        QCOMPARE(changed.count(), 0);
        QVERIFY(!document.isModified());
    }

    void removeHostDropsItFromPartitions()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        SLURMDECK_VERIFY_OK(document.removeHost(QStringLiteral("macbook")));
        QCOMPARE(document.hosts().size(), 3);
        for (const Partition &partition : document.cluster().partitions)
            QVERIFY(!partition.nodes.contains(QStringLiteral("macbook")));
        QCOMPARE(document.removeHost(QStringLiteral("macbook")).error().code, Error::Code::NotFound);
    }

    void resetRolesGivesOneController()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.addHosts({makeHost(QStringLiteral("a"), QStringLiteral("10.0.0.1")),
                                               makeHost(QStringLiteral("b"), QStringLiteral("10.0.0.2"))}));
        QVERIFY(!document.hasController());
        document.resetRolesToDefaults();
        QVERIFY(document.hasController());
        QCOMPARE(document.cluster().hostsWithRole(HostRole::Controller).size(), 1);
    }

    void saveAsRoundTripsAndClearsModified()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sub/new-lab.yaml"));
        ClusterDocument document;
        document.reset(path);
        QCOMPARE(document.path(), path);
        SLURMDECK_VERIFY_OK(document.addHosts({makeHost(QStringLiteral("a"), QStringLiteral("10.0.0.1"))}));
        document.resetRolesToDefaults();
        QVERIFY(document.isModified());
        QSignalSpy modified(&document, &ClusterDocument::modifiedChanged);

        SLURMDECK_VERIFY_OK(document.save());
        QVERIFY(!document.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(document.cluster().name, QStringLiteral("new-lab")); // named after the file

        ClusterDocument reloaded;
        SLURMDECK_VERIFY_OK(reloaded.load(path));
        QCOMPARE(reloaded.cluster(), document.cluster());

        const QString other = dir.filePath(QStringLiteral("other.yaml"));
        QSignalSpy pathChanged(&document, &ClusterDocument::pathChanged);
        SLURMDECK_VERIFY_OK(document.saveAs(other));
        QCOMPARE(document.path(), other);
        QCOMPARE(pathChanged.count(), 1);
        QVERIFY(QFile::exists(other));
    }

    void saveRefusesAClusterThatWouldNotLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        ClusterDocument document;
        document.reset(path);
        // Two hosts, no controller: ClusterFile refuses; nothing is written.
        SLURMDECK_VERIFY_OK(document.addHosts({makeHost(QStringLiteral("a"), QStringLiteral("10.0.0.1")),
                                               makeHost(QStringLiteral("b"), QStringLiteral("10.0.0.2"))}));
        QVERIFY(!document.save().has_value());
        QVERIFY(document.isModified());
        QVERIFY(!QFile::exists(path));
    }

    void saveWithoutPathIsAnError()
    {
        ClusterDocument document;
        QCOMPARE(document.save().error().code, Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestClusterDocument)
#include "tst_clusterdocument.moc"
