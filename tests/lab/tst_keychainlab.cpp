// SPDX-License-Identifier: GPL-3.0-or-later
// A passphrase-protected key against a lab host: the passphrase is asked once, kept in
// the OS keychain (a real Secret Service in a private D-Bus session) when the user agrees,
// and found there by the next connection.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "remote/ShellQuote.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "secrets/SecretStore.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <future>

using namespace SlurmDeck;

namespace {

class ScriptedAsker final : public SecretAsker
{
public:
    explicit ScriptedAsker(SecretAnswer answer) : m_answer(std::move(answer)) {}
    void askUser(const CredentialRequest &request,
                 std::function<void(std::optional<SecretAnswer>)> answer) override
    {
        ++asked;
        lastKind = request.kind;
        lastKeyFile = request.keyFile; // asked on the prompt's (this test's main) thread
        answer(m_answer);
    }
    std::atomic<int> asked = 0;
    std::atomic<CredentialRequest::Kind> lastKind = CredentialRequest::Kind::Password;
    QString lastKeyFile;

private:
    SecretAnswer m_answer;
};

} // namespace

class TestKeychainLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    QString m_key;
    QByteArray m_publicKey;
    const QString m_authorizedKeys = QStringLiteral("/etc/ssh/slurmdeck_lab_authorized_keys");

    SshTarget target(const QString &identity) const
    {
        SshTarget t;
        t.host = m_lab.hosts.first().address;
        t.user = QStringLiteral("root");
        t.identityFile = identity;
        t.configFile = m_temp.filePath(QStringLiteral("empty_config"));
        t.userKnownHostsFile = m_lab.knownHosts();
        t.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return t;
    }

    // Connects on a worker thread (as the product does) while this thread runs the event
    // loop the keychain needs.
    Result<void> connectFromWorker(SshConnection &connection)
    {
        auto future = std::async(std::launch::async, [&connection] { return connection.connect(); });
        while (future.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready)
            QTest::qWait(10);
        return future.get();
    }

    Result<ExecResult> runWithLabKey(const QString &command)
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(target(m_lab.clientKey()), &reject);
        const Result<void> connected = connection.connect();
        if (!connected)
            return connected.error();
        return connection.exec(command);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QFile config(m_temp.filePath(QStringLiteral("empty_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();

        m_key = m_temp.filePath(QStringLiteral("encrypted_key"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QStringLiteral("correct horse battery"), QStringLiteral("-f"),
                      m_key});
        QVERIFY(keygen.waitForFinished(30000));
        QFile pub(m_key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        m_publicKey = pub.readAll().trimmed();
        const Result<ExecResult> added =
            runWithLabKey(QStringLiteral("printf '%s\\n' ") + Shell::quote(QString::fromUtf8(m_publicKey)) +
                          QStringLiteral(" >> ") + m_authorizedKeys);
        SLURMDECK_VERIFY_OK(added);
        QCOMPARE(added->exitStatus, 0);
    }

    void cleanupTestCase()
    {
        if (m_publicKey.isEmpty())
            return;
        const Result<ExecResult> removed =
            runWithLabKey(QStringLiteral("grep -vF ") + Shell::quote(QString::fromUtf8(m_publicKey)) + u' ' +
                          m_authorizedKeys + QStringLiteral(" > /tmp/ak; cat /tmp/ak > ") + m_authorizedKeys);
        QVERIFY(removed.has_value());
    }

    void passphraseIsAskedOnceAndKeptInTheKeychain()
    {
        const QString service =
            QStringLiteral("slurmdeck-lab-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto asker =
            std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("correct horse battery"), true});
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        {
            KeychainCredentialPrompt prompt(service, asker);
            SshConnection connection(target(m_key), &reject, &prompt);
            const Result<void> connected = connectFromWorker(connection);
            SLURMDECK_VERIFY_OK(connected);
            QCOMPARE(asker->asked.load(), 1);
            QVERIFY(asker->lastKind.load() == CredentialRequest::Kind::KeyPassphrase);
            const Result<ExecResult> who = connection.exec(QStringLiteral("whoami"));
            SLURMDECK_VERIFY_OK(who);
            QCOMPARE(who->standardOutput, QByteArray("root\n"));
        }
        {
            KeychainCredentialPrompt prompt(service, asker);
            SshConnection connection(target(m_key), &reject, &prompt);
            const Result<void> connected = connectFromWorker(connection);
            SLURMDECK_VERIFY_OK(connected);
            QCOMPARE(asker->asked.load(), 1); // from the keychain this time
        }
    }

    // The keychain holds a passphrase that no longer opens the key (the key was re-encrypted):
    // it is forgotten, the user is asked, and the new answer replaces it.
    void storedWrongPassphraseIsForgottenAndAskedAgain()
    {
        const QString service =
            QStringLiteral("slurmdeck-lab-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        SecretStore store(service);
        const QString key = QStringLiteral("passphrase:") + m_key;
        bool written = false;
        store.write(key, "stale passphrase", this, [&written](Result<void> ok) { written = ok.has_value(); });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);

        auto asker =
            std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("correct horse battery"), true});
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        {
            KeychainCredentialPrompt prompt(service, asker);
            SshConnection connection(target(m_key), &reject, &prompt);
            const Result<void> connected = connectFromWorker(connection);
            SLURMDECK_VERIFY_OK(connected);
        }
        QCOMPARE(asker->asked.load(), 1);
        QCOMPARE(asker->lastKeyFile, m_key);
        std::optional<QByteArray> stored;
        bool read = false;
        store.read(key, this, [&](Result<std::optional<QByteArray>> value) {
            read = true;
            if (value)
                stored = *value;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
        QCOMPARE(stored.value_or(QByteArray()), QByteArray("correct horse battery"));
    }

    // A key named only by ~/.ssh/config's IdentityFile: its passphrase is asked and kept under
    // that file's name, not under libssh's generic "Passphrase" prompt shared by every key.
    void passphraseIsKeptUnderTheConfiguredKeyFile()
    {
        const QString service =
            QStringLiteral("slurmdeck-lab-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString config = m_temp.filePath(QStringLiteral("identity_config"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Host *\n  IdentityFile " + m_key.toUtf8() + "\n");
        }
        auto asker =
            std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("correct horse battery"), true});
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshTarget t = target({});
        t.configFile = config;
        KeychainCredentialPrompt prompt(service, asker);
        SshConnection connection(t, &reject, &prompt);
        const Result<void> connected = connectFromWorker(connection);
        SLURMDECK_VERIFY_OK(connected);
        QCOMPARE(asker->asked.load(), 1);
        QCOMPARE(asker->lastKeyFile, m_key);
    }

    void wrongPassphraseIsAnAuthenticationError()
    {
        const QString service =
            QStringLiteral("slurmdeck-lab-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto asker = std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("wrong"), false});
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        KeychainCredentialPrompt prompt(service, asker);
        SshConnection connection(target(m_key), &reject, &prompt);
        const Result<void> connected = connectFromWorker(connection);
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::Authentication);
        QVERIFY(asker->asked.load() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestKeychainLab)
#include "tst_keychainlab.moc"
