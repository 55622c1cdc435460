// SPDX-License-Identifier: GPL-3.0-or-later
// Saving a cluster file: parent directories made, failures leave the previous file as it
// was (a write cut short by the file size limit included), invalid clusters refused (see
// tst_inventory.cpp for reading).
#include "InventoryFixtures.h"
#include "ResultTesting.h"
#include "inventory/ClusterFile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace SlurmDeck;
using namespace SlurmDeck::InventoryFixtures;
using namespace Qt::StringLiterals;

class TestInventorySave final : public QObject
{
    Q_OBJECT

private slots:
    void saveCreatesParentDirectory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b/clusters/lab.yaml"));
        const Result<void> saved = ClusterFile::save(sampleCluster(), path);
        QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().toString()));
        const Result<Cluster> loaded = ClusterFile::load(path);
        QVERIFY(loaded.has_value());
        QVERIFY(*loaded == sampleCluster());
        // Nothing but the target is left behind (QSaveFile's temporary file is gone).
        QCOMPARE(QDir(dir.filePath(QStringLiteral("a/b/clusters"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("lab.yaml")});
    }

    void saveIntoUncreatableDirectoryFails()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QVERIFY(QFile(blocker).open(QIODevice::WriteOnly));
        const Result<void> saved = ClusterFile::save(sampleCluster(), blocker + u"/sub/lab.yaml"_s);
        QVERIFY(!saved.has_value());
        QCOMPARE(saved.error().code, Error::Code::Io);
    }

    void saveOverDirectoryFailsAndKeepsIt()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("lab.yaml"));
        QVERIFY(QDir().mkpath(target + u"/inside"_s));
        const Result<void> saved = ClusterFile::save(sampleCluster(), target);
        QVERIFY(!saved.has_value());
        QCOMPARE(saved.error().code, Error::Code::Io);
        QVERIFY(QFileInfo(target + u"/inside"_s).isDir());
    }

    // A write that fails half way (here: the file size limit, which binds root too) leaves
    // the previous file exactly as it was.
    void failedWriteLeavesExistingFileUntouched()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        const QByteArray original = "# previous contents\nname: old\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original);
        }
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tiny = saved;
        tiny.rlim_cur = 16;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        const Result<void> result = ClusterFile::save(sampleCluster(), path);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, Error::Code::Io);
        QCOMPARE(readAll(path), original);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("lab.yaml")});
#else
        QFAIL("this check needs RLIMIT_FSIZE (POSIX)");
#endif
    }

    void invalidClusterIsNotSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        QVERIFY(ClusterFile::save(sampleCluster(), path).has_value());
        const QByteArray before = readAll(path);

        Cluster broken = sampleCluster();
        broken.hosts[1].name = broken.hosts[0].name; // duplicate
        const Result<void> result = ClusterFile::save(broken, path);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, Error::Code::InvalidArgument);
        QVERIFY2(result.error().message.contains(u"duplicate host name 'mac'"_s),
                 qPrintable(result.error().message));
        QCOMPARE(readAll(path), before);
    }

    void duplicateNamesAreReported()
    {
        Cluster cluster = sampleCluster();
        cluster.hosts.append(makeHost(QStringLiteral("GPU"), Platform::Linux));
        cluster.hosts.last().roles = HostRole::Compute;
        cluster.partitions.append({QStringLiteral("main"), {QStringLiteral("mac")}, false, {}});
        const QList<Diagnostic> problems =
            ClusterFile::validate(QString::fromUtf8(ClusterFile::toYaml(cluster)), u"d.yaml"_s);
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).message.startsWith(u"duplicate host name 'GPU'"_s));
        QVERIFY(problems.at(1).message.startsWith(u"duplicate partition name 'main'"_s));
        for (const Diagnostic &problem : problems) {
            QCOMPARE(problem.file, u"d.yaml"_s);
            QVERIFY(problem.line > 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestInventorySave)
#include "tst_inventorysave.moc"
