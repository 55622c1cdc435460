// SPDX-License-Identifier: GPL-3.0-or-later
// The backup archive on this machine (system tar): what goes in comes out, only the members
// the manifest names are extracted, and a file that is not a SlurmDeck backup (or a crafted
// one) is refused with the reason, never read further.
#include "ResultTesting.h"
#include "deploy/BackupArchive.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;

class TestBackupArchive final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    QString path(const QString &name) const { return m_temp.filePath(name); }

    static bool write(const QString &file, const QByteArray &content)
    {
        QFile out(file);
        return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
    }

    static QByteArray read(const QString &file)
    {
        QFile in(file);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }

    // A tar of `names` from `directory`, made with the system's tar as a crafted file would be.
    static bool tar(const QString &directory, const QString &archive, const QStringList &names)
    {
        return QProcess::execute(
                   QStringLiteral("tar"),
                   QStringList{QStringLiteral("-C"), directory, QStringLiteral("-cf"), archive} + names) == 0;
    }

    BackupManifest manifest() const
    {
        BackupManifest manifest;
        manifest.cluster = QStringLiteral("homelab");
        manifest.created = QDateTime(QDate(2026, 12, 7), QTime(5, 30), Qt::UTC);
        manifest.slurmdeck = QStringLiteral("0.9.0");
        manifest.members = {QStringLiteral("accounting.sql"), QStringLiteral("slurmctld-state.tar")};
        manifest.secretsLeft = {QStringLiteral("munge key")};
        return manifest;
    }

private slots:
    void initTestCase() { QVERIFY(m_temp.isValid()); }

    void whatGoesInComesOut()
    {
        const QString in = path(QStringLiteral("in"));
        QVERIFY(QDir().mkpath(in));
        QVERIFY(write(in + QStringLiteral("/accounting.sql"), "-- dump\n-- Dump completed\n"));
        QVERIFY(write(in + QStringLiteral("/slurmctld-state.tar"), QByteArray(70000, 's')));
        QVERIFY(write(in + QStringLiteral("/stray.txt"), "not named, not packed"));
        const QString archive = path(QStringLiteral("homelab.tar"));
        SLURMDECK_VERIFY_OK(BackupArchive::pack(in, manifest(), archive));
        QVERIFY(!QFile::exists(archive + QStringLiteral(".partial")));

        const QString out = path(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        const Result<BackupManifest> unpacked = BackupArchive::unpack(archive, out);
        SLURMDECK_VERIFY_OK(unpacked);
        QCOMPARE(unpacked->cluster, QStringLiteral("homelab"));
        QCOMPARE(unpacked->created, manifest().created);
        QCOMPARE(unpacked->members, manifest().members);
        QCOMPARE(unpacked->secretsLeft, QStringList{QStringLiteral("munge key")});
        QCOMPARE(read(out + QStringLiteral("/accounting.sql")), QByteArray("-- dump\n-- Dump completed\n"));
        QCOMPARE(read(out + QStringLiteral("/slurmctld-state.tar")), QByteArray(70000, 's'));
        QVERIFY(!QFile::exists(out + QStringLiteral("/stray.txt")));
    }

    void manifestsThatAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << QByteArray("{\"format\": 1,") << QStringLiteral("not a JSON object");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        QTest::newRow("newer format") << QByteArray(R"({"format": 2, "cluster": "x"})")
                                      << QStringLiteral("its format is 2; this SlurmDeck reads format 1");
        QTest::newRow("no cluster") << QByteArray(R"({"format": 1})") << QStringLiteral("names no cluster");
        QTest::newRow("path as member")
            << QByteArray(R"({"format": 1, "cluster": "x", "members": ["../../etc/passwd"]})")
            << QStringLiteral("unknown member '../../etc/passwd'");
    }
    void manifestsThatAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const Result<BackupManifest> read = BackupManifest::fromJson(json);
        QVERIFY(!read);
        QVERIFY2(read.error().message.startsWith(QStringLiteral("Not a SlurmDeck backup: ")),
                 qPrintable(read.error().message));
        QVERIFY2(read.error().message.contains(reason), qPrintable(read.error().message));
    }

    void archivesThatAreRefused()
    {
        const QString crafted = path(QStringLiteral("crafted"));
        QVERIFY(QDir().mkpath(crafted));
        const QString out = path(QStringLiteral("crafted-out"));
        QVERIFY(QDir().mkpath(out));

        // Not a tar at all, and a tar without a manifest.
        QVERIFY(write(path(QStringLiteral("text.tar")), "hello"));
        QVERIFY(!BackupArchive::unpack(path(QStringLiteral("text.tar")), out));
        QVERIFY(write(crafted + QStringLiteral("/accounting.sql"), "x"));
        QVERIFY(tar(crafted, path(QStringLiteral("bare.tar")), {QStringLiteral("accounting.sql")}));
        const Result<BackupManifest> bare = BackupArchive::unpack(path(QStringLiteral("bare.tar")), out);
        QVERIFY(!bare);
        QVERIFY2(bare.error().message.contains(QStringLiteral("holds no slurmdeck-backup.json")),
                 qPrintable(bare.error().message));

        // A member the manifest names but the archive lacks.
        BackupManifest lying = manifest();
        QVERIFY(write(crafted + QStringLiteral("/slurmdeck-backup.json"), lying.toJson()));
        QVERIFY(tar(crafted, path(QStringLiteral("lying.tar")),
                    {QStringLiteral("slurmdeck-backup.json"), QStringLiteral("accounting.sql")}));
        const Result<BackupManifest> missing = BackupArchive::unpack(path(QStringLiteral("lying.tar")), out);
        QVERIFY(!missing);
        QVERIFY2(
            missing.error().message.contains(QStringLiteral("slurmctld-state.tar, which it does not hold")),
            qPrintable(missing.error().message));

        // A member that is a link to a file elsewhere.
        QVERIFY(QFile::remove(crafted + QStringLiteral("/accounting.sql")));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), crafted + QStringLiteral("/accounting.sql")));
        QVERIFY(write(crafted + QStringLiteral("/slurmctld-state.tar"), "s"));
        QVERIFY(tar(crafted, path(QStringLiteral("link.tar")),
                    {QStringLiteral("slurmdeck-backup.json"), QStringLiteral("accounting.sql"),
                     QStringLiteral("slurmctld-state.tar")}));
        const QString linkOut = path(QStringLiteral("link-out"));
        QVERIFY(QDir().mkpath(linkOut));
        const Result<BackupManifest> linked =
            BackupArchive::unpack(path(QStringLiteral("link.tar")), linkOut);
        QVERIFY(!linked);
        QVERIFY2(linked.error().message.contains(QStringLiteral("accounting.sql is not a plain file")),
                 qPrintable(linked.error().message));

        QVERIFY(!BackupArchive::unpack(path(QStringLiteral("absent.tar")), out));
    }
};

QTEST_GUILESS_MAIN(TestBackupArchive)
#include "tst_backuparchive.moc"
