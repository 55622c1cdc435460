// SPDX-License-Identifier: GPL-3.0-or-later
// The secrets a backup carries on request (SealedSecrets, the system's openssl): they come
// back with the passphrase they were sealed with, nothing of them is readable in the file,
// and a wrong passphrase, a damaged file or a passphrase that is too short is an error that
// says so, never secrets made of noise.
#include "ResultTesting.h"
#include "secrets/SealedSecrets.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;

class TestSealedSecrets final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    ClusterSecrets::Values m_values{ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword()};

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_temp.isValid()); }

    void sealedSecretsComeBackWithTheirPassphrase()
    {
        const QString file = m_temp.filePath(QStringLiteral("roundtrip.enc"));
        SLURMDECK_VERIFY_OK(SealedSecrets::seal(m_values, "correct horse battery", file));
        const QByteArray sealed = contents(file);
        QVERIFY(sealed.startsWith("Salted__")); // openssl's salted format
        QVERIFY(!sealed.contains(m_values.mungeKey.toBase64().left(40)));
        QVERIFY(!sealed.contains(m_values.databasePassword));
        QVERIFY(!sealed.contains("munge_key"));

        const Result<ClusterSecrets::Values> back = SealedSecrets::unseal(file, "correct horse battery");
        SLURMDECK_VERIFY_OK(back);
        QVERIFY(back->mungeKey == m_values.mungeKey);
        QVERIFY(back->databasePassword == m_values.databasePassword);

        // A second seal of the same secrets differs: a new salt each time.
        const QString again = m_temp.filePath(QStringLiteral("again.enc"));
        SLURMDECK_VERIFY_OK(SealedSecrets::seal(m_values, "correct horse battery", again));
        QVERIFY(contents(again) != sealed);
    }

    void aClusterWithoutADatabaseHasNoPassword()
    {
        const QString file = m_temp.filePath(QStringLiteral("nopassword.enc"));
        SLURMDECK_VERIFY_OK(SealedSecrets::seal({m_values.mungeKey, {}}, "a long passphrase", file));
        const Result<ClusterSecrets::Values> back = SealedSecrets::unseal(file, "a long passphrase");
        SLURMDECK_VERIFY_OK(back);
        QVERIFY(back->mungeKey == m_values.mungeKey);
        QVERIFY(back->databasePassword.isEmpty());
    }

    void aWrongPassphraseOrADamagedFileIsRefused()
    {
        const QString file = m_temp.filePath(QStringLiteral("refused.enc"));
        SLURMDECK_VERIFY_OK(SealedSecrets::seal(m_values, "correct horse battery", file));
        for (const QByteArray &wrong : {QByteArray("correct horse batterz"), QByteArray("12345678")}) {
            const Result<ClusterSecrets::Values> back = SealedSecrets::unseal(file, wrong);
            QVERIFY(!back);
            QCOMPARE(back.error().code, Error::Code::Authentication);
            QVERIFY2(back.error().message.contains(QStringLiteral("passphrase is wrong")),
                     qPrintable(back.error().toString()));
        }
        QByteArray damaged = contents(file);
        damaged[damaged.size() - 20] = char(damaged[damaged.size() - 20] ^ 0x55);
        QFile rewrite(file);
        QVERIFY(rewrite.open(QIODevice::WriteOnly));
        rewrite.write(damaged);
        rewrite.close();
        const Result<ClusterSecrets::Values> back = SealedSecrets::unseal(file, "correct horse battery");
        QVERIFY(!back);
        QCOMPARE(back.error().code, Error::Code::Authentication);
        const Result<ClusterSecrets::Values> missing =
            SealedSecrets::unseal(m_temp.filePath(QStringLiteral("missing.enc")), "correct horse battery");
        QVERIFY(!missing);
    }

    void aShortPassphraseSealsNothing()
    {
        const QString file = m_temp.filePath(QStringLiteral("short.enc"));
        const Result<void> sealed = SealedSecrets::seal(m_values, "1234567", file);
        QVERIFY(!sealed);
        QVERIFY2(sealed.error().message.contains(QStringLiteral("at least 8")),
                 qPrintable(sealed.error().message));
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestSealedSecrets)
#include "tst_sealedsecrets.moc"
