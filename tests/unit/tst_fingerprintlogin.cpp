// SPDX-License-Identifier: GPL-3.0-or-later
// Who the fingerprint probe ran as (its login section) and whether that login may use Docker:
// real captures from the lab's ordinary users (tests/data/fingerprint, see its README.md).
#include "fingerprint/FingerprintParser.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/fingerprint/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestFingerprintLogin final : public QObject
{
    Q_OBJECT

private slots:
    // Who the probe ran as: real captures from the lab, logged in as an ordinary user in the
    // docker group and as one outside it.
    void loginOfAnOrdinaryUser()
    {
        const HostFingerprint alice =
            *parseFingerprint(fixture(QStringLiteral("debian12-lab-docker-group-user.txt")));
        QCOMPARE(alice.loginUid, std::optional<int>(2001));
        QCOMPARE(alice.loginGid, std::optional<int>(2001));
        QCOMPARE(alice.loginUser, QStringLiteral("alice"));
        QCOMPARE(alice.homeDirectory, QStringLiteral("/home/alice"));
        QVERIFY(alice.hasDockerServer());
        QVERIFY(!alice.dockerAccessDenied());
        QVERIFY2(alice.warnings.isEmpty(), qPrintable(alice.warnings.join(u'\n')));

        const HostFingerprint outsider =
            *parseFingerprint(fixture(QStringLiteral("debian12-lab-user-without-docker.txt")));
        QCOMPARE(outsider.loginUid, std::optional<int>(2002));
        QCOMPARE(outsider.loginGid, std::optional<int>(2002));
        QCOMPARE(outsider.loginUser, QStringLiteral("nodocker"));
        QCOMPARE(outsider.homeDirectory, QStringLiteral("/home/nodocker"));
        QVERIFY(outsider.dockerAccessDenied());
        QVERIFY((*parseFingerprint(fixture(QStringLiteral("qnap-armv7-no-docker-access.txt"))))
                    .dockerAccessDenied());
        // An engine that is down is not a denied one.
        QVERIFY(!(*parseFingerprint(fixture(QStringLiteral("debian12-x86_64-busybox-engine-down.txt"))))
                     .dockerAccessDenied());
        // An older probe's output has no login section: nothing is known.
        const HostFingerprint older = *parseFingerprint(fixture(QStringLiteral("debian12-x86_64-dash.txt")));
        QVERIFY(!older.loginUid);
        QVERIFY(older.homeDirectory.isEmpty());
    }

    void loginFieldsThatDoNotLookRightStayUnknown()
    {
        const QByteArray output =
            "@@slurmdeck:fingerprint 1\n@@slurmdeck:section login\n-3\na/b\nrelative/home\n"
            "@@slurmdeck:end\n";
        const HostFingerprint fp = *parseFingerprint(output);
        QVERIFY(!fp.loginUid);
        QVERIFY(fp.loginUser.isEmpty());
        QVERIFY(fp.homeDirectory.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFingerprintLogin)
#include "tst_fingerprintlogin.moc"
