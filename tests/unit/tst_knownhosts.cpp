// SPDX-License-Identifier: GPL-3.0-or-later
// SlurmDeck's own known_hosts check (the rules hold whatever ~/.ssh/config says): host
// patterns, hashed names from ssh-keygen -H, markers, and unreadable lines named by file
// and line. Fixtures in tests/data/known_hosts.
#include "ssh/KnownHosts.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;
using namespace Qt::Literals::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(SLURMDECK_TEST_DATA_DIR "/known_hosts/") + name;
}

QByteArray key(const char *name)
{
    QFile file(fixture(QStringLiteral("key_%1.b64").arg(QLatin1String(name))));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QByteArray::fromBase64(file.readAll().trimmed());
}

} // namespace

Q_DECLARE_METATYPE(HostKeyCheck::Verdict)

class TestKnownHosts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *name : {"a", "b", "c", "r"})
            QVERIFY2(key(name).size() > 32, name);
    }

    void verdicts_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<HostKeyCheck::Verdict>("verdict");
        QTest::addColumn<QString>("where");
        using V = HostKeyCheck::Verdict;
        const QStringList plain{QStringLiteral("plain")};
        const QStringList hashed{QStringLiteral("hashed")};
        QTest::newRow("plain: known") << plain << u"10.0.0.5"_s << key("a") << V::Known << u"plain:2"_s;
        QTest::newRow("plain: changed") << plain << u"10.0.0.5"_s << key("b") << V::Changed << u"plain:2"_s;
        QTest::newRow("plain: unknown") << plain << u"10.0.0.99"_s << key("a") << V::Unknown << QString();
        QTest::newRow("plain: port") << plain << u"[10.0.0.6]:2222"_s << key("b") << V::Known << u"plain:3"_s;
        QTest::newRow("plain: port 22 is another entry")
            << plain << u"10.0.0.6"_s << key("b") << V::Unknown << QString();
        QTest::newRow("plain: second name of a list")
            << plain << u"10.0.0.7"_s << key("r") << V::Known << u"plain:4"_s;
        QTest::newRow("plain: names ignore case")
            << plain << u"GPU-Box.LAN"_s << key("r") << V::Known << u"plain:4"_s;
        QTest::newRow("plain: wildcard")
            << plain << u"n1.lab.example"_s << key("c") << V::Known << u"plain:6"_s;
        QTest::newRow("plain: negated wildcard")
            << plain << u"evil.lab.example"_s << key("c") << V::Unknown << QString();
        QTest::newRow("hashed: known") << hashed << u"10.0.0.5"_s << key("a") << V::Known << u"hashed:1"_s;
        QTest::newRow("hashed: changed")
            << hashed << u"10.0.0.5"_s << key("c") << V::Changed << u"hashed:1"_s;
        QTest::newRow("hashed: port")
            << hashed << u"[10.0.0.6]:2222"_s << key("b") << V::Known << u"hashed:2"_s;
        QTest::newRow("hashed: unknown") << hashed << u"10.0.0.8"_s << key("a") << V::Unknown << QString();
        QTest::newRow("revoked beats known")
            << QStringList{QStringLiteral("plain"), QStringLiteral("markers")} << u"[10.0.0.6]:2222"_s
            << key("b") << V::Revoked << u"markers:1"_s;
        QTest::newRow("revoked for any host") << QStringList{QStringLiteral("markers")} << u"10.9.9.9"_s
                                              << key("b") << V::Revoked << u"markers:1"_s;
        QTest::newRow("cert authority only") << QStringList{QStringLiteral("markers")} << u"db.corp.example"_s
                                             << key("a") << V::CertAuthorityOnly << u"markers:2"_s;
        QTest::newRow("cert authority elsewhere")
            << QStringList{QStringLiteral("markers")} << u"db.home.example"_s << key("a") << V::Unknown
            << QString();
        QTest::newRow("one file knows, another is empty")
            << QStringList{QStringLiteral("missing"), QStringLiteral("hashed")} << u"10.0.0.5"_s << key("a")
            << V::Known << u"hashed:1"_s;
    }
    void verdicts()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, host);
        QFETCH(QByteArray, key);
        QFETCH(HostKeyCheck::Verdict, verdict);
        QFETCH(QString, where);
        QList<KnownHostsFile> parsed;
        for (const QString &name : files) {
            KnownHostsFile file = readKnownHostsFile(fixture(name));
            for (KnownHostsEntry &entry : file.entries)
                entry.file = name; // shorter places to compare
            QVERIFY(file.problems.isEmpty());
            parsed << file;
        }
        const HostKeyCheck check = checkHostKey(parsed, host, key);
        QCOMPARE(check.verdict, verdict);
        QCOMPARE(check.where, where);
    }

    void unreadableLinesAreNamedNotSkipped()
    {
        const KnownHostsFile file = readKnownHostsFile(fixture(QStringLiteral("broken")));
        QCOMPARE(file.entries.size(), 1);
        QCOMPARE(file.entries.first().line, 1);
        QStringList places;
        for (const KnownHostsProblem &problem : file.problems) {
            QCOMPARE(problem.file, fixture(QStringLiteral("broken")));
            places << QString::number(problem.line) + u' ' + problem.message;
        }
        QCOMPARE(places.size(), 5);
        QVERIFY2(places.at(0).startsWith(u"2 unknown marker '@trusted'"), qPrintable(places.at(0)));
        QVERIFY2(places.at(1).startsWith(u"3 expected HOSTS KEYTYPE KEY"), qPrintable(places.at(1)));
        QVERIFY2(places.at(2).startsWith(u"4 the key is not valid base64"), qPrintable(places.at(2)));
        QVERIFY2(places.at(3).startsWith(u"5 the key does not match its type 'ssh-rsa'"),
                 qPrintable(places.at(3)));
        QVERIFY2(places.at(4).startsWith(u"6 the hashed host name is malformed"), qPrintable(places.at(4)));
        QVERIFY(file.problems.first().toString().startsWith(fixture(QStringLiteral("broken")) + u":2: "));

        // The problems travel with the verdict, so a caller can refuse to call the key unknown.
        const HostKeyCheck check = checkHostKey({file}, QStringLiteral("10.0.0.9"), key("a"));
        QCOMPARE(check.verdict, HostKeyCheck::Verdict::Unknown);
        QCOMPARE(check.problems.size(), 5);
    }

    void unreadableFileIsAProblem()
    {
        const KnownHostsFile file = readKnownHostsFile(QStringLiteral(SLURMDECK_TEST_DATA_DIR));
        QCOMPARE(file.problems.size(), 1);
        QCOMPARE(file.problems.first().line, 0);
        QVERIFY(readKnownHostsFile(fixture(QStringLiteral("does-not-exist"))).problems.isEmpty());
    }

    void hostileInputEndsQuickly()
    {
        // Many stars against a long near-miss: the matcher must stay linear-ish.
        const QString pattern = QString(u"*a"_s).repeated(1000) + u'b';
        const QByteArray line = pattern.toUtf8() + " ssh-ed25519 " + key("a").toBase64() + '\n';
        const KnownHostsFile file = parseKnownHosts(line.repeated(5), QStringLiteral("hostile"));
        QCOMPARE(file.entries.size(), 5);
        const HostKeyCheck check = checkHostKey({file}, QString(5000, u'a'), key("b"));
        QCOMPARE(check.verdict, HostKeyCheck::Verdict::Unknown);
        QCOMPARE(parseKnownHosts(QByteArray("\0\0\0", 3), QStringLiteral("nul")).problems.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
