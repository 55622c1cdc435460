// SPDX-License-Identifier: GPL-3.0-or-later
// The OS keychain through QtKeychain, against a real Secret Service (GNOME Keyring in a
// private D-Bus session: CTest runs this through tests/keyring-session.sh).
#include "ResultTesting.h"
#include "secrets/ClusterSecrets.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "secrets/SecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace SlurmDeck;

namespace {

// Answers from a script and counts how often the user would have been asked.
class ScriptedAsker final : public SecretAsker
{
public:
    explicit ScriptedAsker(std::optional<SecretAnswer> answer) : m_answer(std::move(answer)) {}
    void askUser(const CredentialRequest &request,
                 std::function<void(std::optional<SecretAnswer>)> answer) override
    {
        ++asked;
        lastRequest = request;
        answer(m_answer);
    }
    int asked = 0;
    CredentialRequest lastRequest;

private:
    std::optional<SecretAnswer> m_answer;
};

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    QString m_service =
        QStringLiteral("slurmdeck-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    // Waits on the event loop (the keychain is asynchronous) for a secret request made from
    // a worker thread, as SshConnection makes it.
    static std::optional<QString> askFromWorker(KeychainCredentialPrompt &prompt,
                                                const CredentialRequest &request)
    {
        std::optional<std::optional<QString>> received;
        std::mutex mutex;
        std::thread worker([&] {
            prompt.askForSecret(request, [&](std::optional<QString> secret) {
                std::lock_guard lock(mutex);
                received = std::move(secret);
            });
        });
        worker.join();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            {
                std::lock_guard lock(mutex);
                if (received)
                    return *received;
            }
            QTest::qWait(10);
        }
        return QStringLiteral("<no answer within 15 s>");
    }

private slots:
    void writeReadDelete()
    {
        SecretStore store(m_service);
        const QByteArray secret("pa$$ w0rd ✓\n\0binary", 21);

        std::optional<Result<void>> written;
        store.write(QStringLiteral("password:root@nas1"), secret, this, [&](Result<void> r) { written = r; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*written);

        std::optional<Result<std::optional<QByteArray>>> read;
        store.read(QStringLiteral("password:root@nas1"), this,
                   [&](Result<std::optional<QByteArray>> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*read);
        QVERIFY(read->value().has_value());
        QCOMPARE(*read->value(), secret);

        std::optional<Result<void>> removed;
        store.remove(QStringLiteral("password:root@nas1"), this, [&](Result<void> r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*removed);

        read.reset();
        store.read(QStringLiteral("password:root@nas1"), this,
                   [&](Result<std::optional<QByteArray>> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*read);
        QVERIFY2(!read->value().has_value(), "a deleted entry must read as absent");
    }

    void callbackIsDroppedWhenContextDies()
    {
        SecretStore store(m_service);
        bool called = false;
        {
            QObject context;
            store.read(QStringLiteral("nothing"), &context,
                       [&](Result<std::optional<QByteArray>>) { called = true; });
        }
        QTest::qWait(500);
        QVERIFY(!called);
    }

    void passphraseIsAskedOnceWhenRemembered()
    {
        auto asker = std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("correct horse"), true});
        KeychainCredentialPrompt prompt(m_service, asker);
        const CredentialRequest request{CredentialRequest::Kind::KeyPassphrase,
                                        QStringLiteral("root@primary"),
                                        QStringLiteral("/home/me/.ssh/id_ed25519"),
                                        {}};
        QCOMPARE(askFromWorker(prompt, request), std::optional<QString>(QStringLiteral("correct horse")));
        QCOMPARE(asker->asked, 1);
        QCOMPARE(asker->lastRequest.keyFile, QStringLiteral("/home/me/.ssh/id_ed25519"));

        // A second connection (even a new prompt object) finds it in the keychain.
        KeychainCredentialPrompt later(m_service, asker);
        QCOMPARE(askFromWorker(later, request), std::optional<QString>(QStringLiteral("correct horse")));
        QCOMPARE(asker->asked, 1);
    }

    void notRememberedMeansAskedAgain()
    {
        auto asker = std::make_shared<ScriptedAsker>(SecretAnswer{QStringLiteral("once"), false});
        KeychainCredentialPrompt prompt(m_service, asker);
        const CredentialRequest request{
            CredentialRequest::Kind::Password, QStringLiteral("admin@nas2"), {}, {}};
        QCOMPARE(askFromWorker(prompt, request), std::optional<QString>(QStringLiteral("once")));
        QCOMPARE(askFromWorker(prompt, request), std::optional<QString>(QStringLiteral("once")));
        QCOMPARE(asker->asked, 2);
    }

    void declinedIsNoSecret()
    {
        auto asker = std::make_shared<ScriptedAsker>(std::nullopt);
        KeychainCredentialPrompt prompt(m_service, asker);
        const CredentialRequest request{CredentialRequest::Kind::Password, QStringLiteral("x@y"), {}, {}};
        QCOMPARE(askFromWorker(prompt, request), std::optional<QString>());
    }

    void clusterSecretsAreGeneratedOnceAndKept()
    {
        const QString service = m_service + QStringLiteral("-cluster");
        std::optional<Result<ClusterSecrets::Values>> first;
        {
            ClusterSecrets secrets(service);
            secrets.load(this, [&](Result<ClusterSecrets::Values> values) { first = values; });
            QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 15000);
        }
        SLURMDECK_VERIFY_OK(*first);
        QCOMPARE(first->value().mungeKey.size(), ClusterSecrets::mungeKeyBytes);
        QCOMPARE(first->value().databasePassword.size(), 32);

        std::optional<Result<ClusterSecrets::Values>> second;
        ClusterSecrets again(service);
        again.load(this, [&](Result<ClusterSecrets::Values> values) { second = values; });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*second);
        QCOMPARE(second->value().mungeKey, first->value().mungeKey);
        QCOMPARE(second->value().databasePassword, first->value().databasePassword);
    }

    // What a sealed backup reads: the secrets there, never new ones.
    void readingGeneratesNothing()
    {
        const QString service = m_service + QStringLiteral("-read");
        const auto read = [&]() -> std::optional<Result<ClusterSecrets::Values>> {
            std::optional<Result<ClusterSecrets::Values>> values;
            ClusterSecrets secrets(service);
            secrets.read(this, [&](Result<ClusterSecrets::Values> got) { values = got; });
            (void)QTest::qWaitFor([&] { return values.has_value(); }, 15000); // nullopt: it did not answer
            return values;
        };
        const std::optional<Result<ClusterSecrets::Values>> none = read();
        QVERIFY(none.has_value());
        QVERIFY(!*none);
        QCOMPARE(none->error().code, Error::Code::NotFound);
        QVERIFY2(none->error().message.contains(QStringLiteral("adopt")), qPrintable(none->error().message));
        const std::optional<Result<ClusterSecrets::Values>> stillNone = read(); // nothing was generated
        QVERIFY(stillNone.has_value() && !*stillNone);

        std::optional<Result<ClusterSecrets::Values>> loaded;
        ClusterSecrets generating(service);
        generating.load(this, [&](Result<ClusterSecrets::Values> values) { loaded = values; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 15000);
        SLURMDECK_VERIFY_OK(*loaded);
        const std::optional<Result<ClusterSecrets::Values>> found = read();
        QVERIFY(found.has_value());
        SLURMDECK_VERIFY_OK(*found);
        QCOMPARE(found->value().mungeKey, loaded->value().mungeKey);
        QCOMPARE(found->value().databasePassword, loaded->value().databasePassword);
    }

    // Adopted secrets go in as they are; different ones already there are kept, and
    // nothing is written, unless replacing was asked for.
    void adoptedSecretsAreStoredButNeverOverwriteSilently()
    {
        const QString service = m_service + QStringLiteral("-adopted");
        const Error timedOut{Error::Code::Timeout, QStringLiteral("the keychain did not answer"), {}};
        const auto store = [&](const ClusterSecrets::Values &values, bool replace) -> Result<void> {
            std::optional<Result<void>> stored;
            ClusterSecrets secrets(service);
            secrets.store(values, replace, this, [&](Result<void> done) { stored = done; });
            if (!QTest::qWaitFor([&] { return stored.has_value(); }, 15000))
                return timedOut;
            return *stored;
        };
        const auto load = [&]() -> Result<ClusterSecrets::Values> {
            std::optional<Result<ClusterSecrets::Values>> loaded;
            ClusterSecrets secrets(service);
            secrets.load(this, [&](Result<ClusterSecrets::Values> values) { loaded = values; });
            if (!QTest::qWaitFor([&] { return loaded.has_value(); }, 15000))
                return timedOut;
            return *loaded;
        };
        const ClusterSecrets::Values adopted{QByteArray(1024, 'a'), QByteArrayLiteral("adoptedPassw0rd")};
        SLURMDECK_VERIFY_OK(store(adopted, false));
        SLURMDECK_VERIFY_OK(store(adopted, false)); // the same again is fine
        Result<ClusterSecrets::Values> loaded = load();
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->mungeKey, adopted.mungeKey);
        QCOMPARE(loaded->databasePassword, adopted.databasePassword);

        const ClusterSecrets::Values other{QByteArray(1024, 'b'), QByteArrayLiteral("otherPassw0rd")};
        const Result<void> refused = store(other, false);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("--force")),
                 qPrintable(refused.error().message));
        loaded = load();
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->mungeKey, adopted.mungeKey); // nothing was written
        QCOMPARE(loaded->databasePassword, adopted.databasePassword);

        SLURMDECK_VERIFY_OK(store(other, true));
        loaded = load();
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->mungeKey, other.mungeKey);
        QCOMPARE(loaded->databasePassword, other.databasePassword);
    }

    void generatedSecretsAreRandomAndFingerprintsAreShort()
    {
        const QByteArray a = ClusterSecrets::generateMungeKey();
        const QByteArray b = ClusterSecrets::generateMungeKey();
        QCOMPARE(a.size(), 1024);
        QVERIFY(a != b);
        QVERIFY(ClusterSecrets::generatePassword() != ClusterSecrets::generatePassword());
        for (char c : ClusterSecrets::generatePassword())
            QVERIFY(std::isalnum(static_cast<unsigned char>(c)));
        const QString fingerprint = ClusterSecrets::fingerprint(a);
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));
        QCOMPARE(fingerprint.size(), 7 + 32);
        QCOMPARE(ClusterSecrets::fingerprint(a), fingerprint);
        QVERIFY(ClusterSecrets::fingerprint(b) != fingerprint);
    }

    void keychainKeysNameTheSecret()
    {
        QCOMPARE((CredentialRequest{CredentialRequest::Kind::Password, QStringLiteral("u@h"), {}, {}})
                     .keychainKey(),
                 QStringLiteral("password:u@h"));
        QCOMPARE(
            (CredentialRequest{
                 CredentialRequest::Kind::KeyPassphrase, QStringLiteral("u@h"), QStringLiteral("/k"), {}})
                .keychainKey(),
            QStringLiteral("passphrase:/k"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
