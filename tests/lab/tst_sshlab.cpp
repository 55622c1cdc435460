// SPDX-License-Identifier: GPL-3.0-or-later
// The SSH layer against the lab's real sshd servers: host-key trust (unknown, accepted,
// remembered, changed, hashed known_hosts), login, exec with separate streams, exit status,
// timeout and cancellation, quoting through a real remote shell, and atomic SFTP uploads.
// Runs in the lab's client namespace (CTest: lab.sh client -- tst_sshlab).
#include "LabManifest.h"
#include "ResultTesting.h"
#include "SshLabSupport.h"
#include "remote/ShellQuote.h"
#include "slurm/ControllerLink.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace SlurmDeck;
using namespace SlurmDeck::SshLabSupport;

class TestSshLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    Lab::Host m_linux;
    Lab::Host m_qnap;

    // A target that trusts the lab's known_hosts, with SlurmDeck's own file and an empty
    // SSH config in the temp dir, so the machine's ~/.ssh never matters.
    SshTarget targetFor(const Lab::Host &host) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.clientKey();
        target.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        target.userKnownHostsFile = m_lab.knownHosts();
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts_") + host.name);
        target.connectTimeout = std::chrono::seconds(5);
        return target;
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_temp.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content);
        return path;
    }

    QString expectedFingerprint(const Lab::Host &host) const
    {
        // "256 SHA256:abc... comment (ED25519)"
        return run(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), m_lab.hostKeyPub(host.name)})
            .section(u' ', 1, 1);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_temp.isValid());
        writeFile(QStringLiteral("empty_ssh_config"), {});
        const std::optional<Lab::Host> linuxHost = m_lab.firstOfPlatform(QStringLiteral("linux"));
        const std::optional<Lab::Host> qnapHost = m_lab.firstOfPlatform(QStringLiteral("qnap"));
        QVERIFY2(linuxHost && qnapHost, "the lab needs a linux and a qnap host");
        m_linux = *linuxHost;
        m_qnap = *qnapHost;
        QVERIFY2(QFile::exists(m_lab.clientKey()), qPrintable(m_lab.clientKey()));
    }

    void knownKeyConnectsAndExecSeparatesStreams()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(m_linux), &prompt);
        const Result<void> connected = connection.connect();
        SLURMDECK_VERIFY_OK(connected);
        QVERIFY(prompt.asked().isEmpty());
        QCOMPARE(connection.resolvedHost(), m_linux.address);
        QCOMPARE(connection.hostKey().keyType, QStringLiteral("ssh-ed25519"));

        const Result<ExecResult> hostname = connection.exec(QStringLiteral("hostname"));
        SLURMDECK_VERIFY_OK(hostname);
        QCOMPARE(hostname->standardOutput.trimmed(), m_linux.hostname.toUtf8());

        // Reused connection, separate streams, exit status.
        const Result<ExecResult> mixed = connection.exec(QStringLiteral("echo out; echo err >&2; exit 3"));
        QVERIFY(mixed.has_value());
        QCOMPARE(mixed->standardOutput, QByteArray("out\n"));
        QCOMPARE(mixed->standardError, QByteArray("err\n"));
        QCOMPARE(mixed->exitStatus, 3);
        QVERIFY(!mixed->succeeded());
    }

    void sshConfigAliasApplies()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshTarget target;
        target.host = m_qnap.name; // an alias in the lab's ssh_config
        target.configFile = m_lab.sshConfig();
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("alias_known_hosts"));
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        SLURMDECK_VERIFY_OK(connected);
        QCOMPARE(connection.resolvedHost(), m_qnap.address);
        QCOMPARE(connection.resolvedUser(), QStringLiteral("root"));
        QVERIFY(prompt.asked().isEmpty()); // UserKnownHostsFile from the config was used
        const Result<ExecResult> hostname = connection.exec(QStringLiteral("hostname"));
        QVERIFY(hostname.has_value());
        QCOMPARE(hostname->standardOutput.trimmed(), m_qnap.hostname.toUtf8());
    }

    void unknownKeyIsShownAndRejectionSendsNothing()
    {
        ScriptedHostKeyPrompt prompt(HostKeyDecision::Reject);
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile = writeFile(QStringLiteral("empty_known_hosts"), {});
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyUnknown);
        QVERIFY(!connection.isConnected());

        QCOMPARE(prompt.asked().size(), 1);
        const HostKeyInfo asked = prompt.asked().constFirst();
        QCOMPARE(asked.host, m_linux.address);
        QCOMPARE(asked.keyType, QStringLiteral("ssh-ed25519"));
        QVERIFY(asked.fingerprint.startsWith(QStringLiteral("SHA256:")));
        QCOMPARE(asked.fingerprint, expectedFingerprint(m_linux));
        QCOMPARE(asked.verifyCommand(), QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"));
        QVERIFY(connected.error().message.contains(asked.fingerprint));
        QVERIFY(!QFile::exists(target.slurmDeckKnownHostsFile) ||
                QFile(target.slurmDeckKnownHostsFile).size() == 0);
    }

    void acceptedKeyIsRememberedInSlurmDecksOwnFile()
    {
        SshTarget target = targetFor(m_qnap);
        target.userKnownHostsFile = writeFile(QStringLiteral("empty_known_hosts_2"), {});
        {
            ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
            SshConnection connection(target, &prompt);
            const Result<void> connected = connection.connect();
            SLURMDECK_VERIFY_OK(connected);
            QCOMPARE(prompt.asked().size(), 1);
        }
        QFile own(target.slurmDeckKnownHostsFile);
        QVERIFY(own.open(QIODevice::ReadOnly));
        QVERIFY(own.readAll().contains(m_qnap.address.toUtf8()));
        {
            ScriptedHostKeyPrompt prompt(std::nullopt);
            SshConnection connection(target, &prompt);
            const Result<void> connected = connection.connect();
            SLURMDECK_VERIFY_OK(connected);
            QVERIFY2(prompt.asked().isEmpty(), "a remembered key must not be asked about again");
        }
        QVERIFY(QFile(target.userKnownHostsFile).size() == 0); // the user's file is never written
    }

    void acceptOnceIsNotRemembered()
    {
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile = writeFile(QStringLiteral("empty_known_hosts_3"), {});
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("once_known_hosts"));
        for (int attempt = 0; attempt < 2; ++attempt) {
            ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptOnce);
            SshConnection connection(target, &prompt);
            QVERIFY(connection.connect().has_value());
            QCOMPARE(prompt.asked().size(), 1);
        }
    }

    void changedKeyIsRefusedWithoutAsking()
    {
        const QByteArray forged =
            forgedHostKeyLine(m_linux.address, m_temp.filePath(QStringLiteral("other_host_key")));
        QVERIFY(!forged.isEmpty());

        ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile = writeFile(QStringLiteral("forged_known_hosts"), forged);
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyChanged);
        QVERIFY(connected.error().message.contains(QStringLiteral("CHANGED")));
        QVERIFY(connected.error().message.contains(expectedFingerprint(m_linux)));
        QVERIFY2(prompt.asked().isEmpty(), "a changed key must be refused, never offered for acceptance");
        QVERIFY(!connection.isConnected());
    }

    void changedKeyInSlurmDecksOwnFileIsRefusedToo()
    {
        SshTarget target = targetFor(m_qnap);
        target.userKnownHostsFile = writeFile(QStringLiteral("empty_known_hosts_4"), {});
        target.slurmDeckKnownHostsFile =
            writeFile(QStringLiteral("forged_own"),
                      forgedHostKeyLine(m_qnap.address, m_temp.filePath(QStringLiteral("other_2"))));
        ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyChanged);
        QVERIFY(prompt.asked().isEmpty());
    }

    // `StrictHostKeyChecking no` and `UserKnownHostsFile /dev/null` (common for a home LAN)
    // must not make libssh accept an unknown or changed key: SlurmDeck's rules apply.
    void permissiveSshConfigChangesNothing()
    {
        const QString config =
            writeFile(QStringLiteral("permissive_ssh_config"),
                      "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
                      "  GlobalKnownHostsFile /dev/null\n");
        SshTarget target = targetFor(m_linux);
        target.configFile = config;
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("permissive_own"));
        {
            target.userKnownHostsFile = writeFile(QStringLiteral("permissive_empty"), {});
            ScriptedHostKeyPrompt prompt(HostKeyDecision::Reject);
            SshConnection connection(target, &prompt);
            const Result<void> connected = connection.connect();
            QVERIFY(!connected.has_value());
            QCOMPARE(connected.error().code, Error::Code::HostKeyUnknown);
            QCOMPARE(prompt.asked().size(), 1);
        }
        {
            target.userKnownHostsFile =
                writeFile(QStringLiteral("permissive_forged"),
                          forgedHostKeyLine(m_linux.address, m_temp.filePath(QStringLiteral("other_3"))));
            ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
            SshConnection connection(target, &prompt);
            const Result<void> connected = connection.connect();
            QVERIFY(!connected.has_value());
            QCOMPARE(connected.error().code, Error::Code::HostKeyChanged);
            QVERIFY(prompt.asked().isEmpty());
        }
        QVERIFY(!QFile::exists(target.slurmDeckKnownHostsFile) ||
                QFile(target.slurmDeckKnownHostsFile).size() == 0);
    }

    void revokedKeyIsRefusedWithoutAsking()
    {
        QFile pub(m_lab.hostKeyPub(m_linux.name));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> fields = pub.readAll().split(' ');
        SshTarget target = targetFor(m_linux);
        // The lab's known_hosts vouches for the key, and the system file revokes it.
        target.systemKnownHostsFile =
            writeFile(QStringLiteral("revoking_known_hosts"),
                      "@revoked * " + fields.value(0) + ' ' + fields.value(1) + '\n');
        ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyChanged);
        QVERIFY2(connected.error().message.contains(QStringLiteral("REVOKED")),
                 qPrintable(connected.error().message));
        QVERIFY(connected.error().message.contains(QStringLiteral("revoking_known_hosts:1")));
        QVERIFY(prompt.asked().isEmpty());
    }

    void certAuthorityOnlyIsToldApartFromUnknown()
    {
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile =
            writeFile(QStringLiteral("ca_known_hosts"),
                      "@cert-authority " + forgedHostKeyLine(QStringLiteral("10.213.7.*"),
                                                             m_temp.filePath(QStringLiteral("ca_key"))));
        ScriptedHostKeyPrompt prompt(HostKeyDecision::Reject);
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyUnknown);
        QCOMPARE(prompt.asked().size(), 1);
        QVERIFY2(prompt.asked().first().note.contains(QStringLiteral("@cert-authority")),
                 qPrintable(prompt.asked().first().note));
        QVERIFY(connected.error().message.contains(QStringLiteral("@cert-authority")));
    }

    void unparsableKnownHostsLineIsNamed()
    {
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile =
            writeFile(QStringLiteral("garbled_known_hosts"), "# fine\n10.213.7.99 ssh-ed25519 %%%garbled\n");
        ScriptedHostKeyPrompt prompt(HostKeyDecision::AcceptAndRemember);
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::Parse);
        QVERIFY2(connected.error().message.contains(target.userKnownHostsFile + QStringLiteral(":2")),
                 qPrintable(connected.error().message));
        QVERIFY(prompt.asked().isEmpty());
    }

    void hashedKnownHostsEntriesAreRead()
    {
        QFile original(m_lab.knownHosts());
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString hashed = writeFile(QStringLiteral("hashed_known_hosts"), original.readAll());
        run(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), hashed});
        QFile check(hashed);
        QVERIFY(check.open(QIODevice::ReadOnly));
        const QByteArray content = check.readAll();
        QVERIFY2(content.startsWith("|1|"), content.constData());
        QVERIFY(!content.contains(m_linux.address.toUtf8()));

        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile = hashed;
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        SLURMDECK_VERIFY_OK(connected);
        QVERIFY(prompt.asked().isEmpty());
    }

    void cliPolicyRefusesUnknownKeys()
    {
        FixedHostKeyPolicy refuse(HostKeyDecision::Reject);
        SshTarget target = targetFor(m_linux);
        target.userKnownHostsFile = writeFile(QStringLiteral("empty_known_hosts_5"), {});
        SshConnection connection(target, &refuse);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::HostKeyUnknown);
        QVERIFY(connected.error().message.contains(QStringLiteral("ssh-keygen -lf")));
    }

    void unknownUserKeyIsAnAuthenticationError()
    {
        const QString strangerKey = m_temp.filePath(QStringLiteral("stranger_key"));
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
             QString(), QStringLiteral("-f"), strangerKey});
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshTarget target = targetFor(m_linux);
        target.identityFile = strangerKey;
        SshConnection connection(target, &prompt);
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::Authentication);
        QVERIFY2(connected.error().message.contains(QStringLiteral("ssh-copy-id")),
                 qPrintable(connected.error().message));
    }

    void unreachableHostsFailFastWithAReason_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("nobody at that address") << QStringLiteral("10.213.7.250") << 22;
        QTest::newRow("port closed") << QString() << 2222;
    }
    void unreachableHostsFailFastWithAReason()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshTarget target = targetFor(m_linux);
        if (!host.isEmpty())
            target.host = host;
        target.port = port;
        target.connectTimeout = std::chrono::seconds(2);
        SshConnection connection(target, &prompt);
        QElapsedTimer timer;
        timer.start();
        const Result<void> connected = connection.connect();
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().code, Error::Code::Network);
        QVERIFY(connected.error().message.contains(QStringLiteral("Cannot reach")));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    }

    // Closing a window while the controller is unreachable: the link's worker sits in
    // ssh_connect (seconds), and destroying the link must not wait for it.
    void destroyingALinkToAnUnreachableHostReturnsAtOnce()
    {
        SshTarget target = targetFor(m_linux);
        target.host = QStringLiteral("10.213.7.250"); // nobody there: the connect hangs, then fails
        target.connectTimeout = std::chrono::seconds(5);
        auto link =
            std::make_unique<ControllerLink>(target, QStringLiteral("nothing"),
                                             std::make_shared<ScriptedHostKeyPrompt>(std::nullopt), nullptr);
        QObject context;
        std::atomic<bool> started = false;
        link->submit<int>(
            [&started](ControllerShell &shell) {
                started = true;
                const Result<ExecResult> ran =
                    shell.runOnHost(QStringLiteral("true"), std::chrono::seconds(5));
                return ran ? 0 : 1;
            },
            &context, [](int) {});
        QTRY_VERIFY(started.load());
        QTest::qWait(300); // inside ssh_connect by now
        QElapsedTimer timer;
        timer.start();
        link.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QTest::qWait(6000); // the abandoned worker ends by itself; ASan/valgrind would see it misbehave
    }

    void quotingRoundTripsThroughRemoteShells_data() { addAwkwardStrings(); }
    void quotingRoundTripsThroughRemoteShells()
    {
        QFETCH(QString, argument);
        for (const Lab::Host &host : {m_linux, m_qnap}) {
            ScriptedHostKeyPrompt prompt(std::nullopt);
            SshConnection connection(targetFor(host), &prompt);
            QVERIFY(connection.connect().has_value());
            const QString direct = Shell::join({QStringLiteral("printf"), QStringLiteral("%s"), argument});
            const Result<ExecResult> once = connection.exec(direct);
            QVERIFY(once.has_value());
            QCOMPARE(once->standardOutput, argument.toUtf8());
            // Twice quoted: through the login shell, then through `sh -c`.
            const Result<ExecResult> twice =
                connection.exec(Shell::join({QStringLiteral("sh"), QStringLiteral("-c"), direct}));
            QVERIFY(twice.has_value());
            QCOMPARE(twice->standardOutput, argument.toUtf8());
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned")));
    }

    void standardInputAndLargeOutput()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(m_linux), &prompt);
        QVERIFY(connection.connect().has_value());
        QByteArray binary(300 * 1024, '\0');
        for (char &byte : binary)
            byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
        ExecOptions options;
        options.standardInput = binary;
        const Result<ExecResult> echoed = connection.exec(QStringLiteral("cat"), options);
        QVERIFY(echoed.has_value());
        QCOMPARE(echoed->standardOutput.size(), binary.size());
        QCOMPARE(echoed->standardOutput, binary);

        // A file streamed as input (how image archives travel to `docker load`).
        QByteArray archive;
        for (int i = 0; i < 40; ++i)
            archive += binary;
        const QString archivePath = writeFile(QStringLiteral("archive.bin"), archive);
        ExecOptions fromFile;
        fromFile.standardInput = QByteArrayLiteral("head:");
        fromFile.standardInputFile = archivePath;
        const Result<ExecResult> counted = connection.exec(QStringLiteral("wc -c"), fromFile);
        SLURMDECK_VERIFY_OK(counted);
        QCOMPARE(counted->standardOutput.trimmed().toLongLong(), 5 + archive.size());

        const Result<ExecResult> big = connection.exec(QStringLiteral("head -c 5000000 /dev/zero"));
        QVERIFY(big.has_value());
        QCOMPARE(big->standardOutput.size(), 5000000);
    }

    void timeoutEndsTheCommandAndKeepsTheConnection()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(m_linux), &prompt);
        QVERIFY(connection.connect().has_value());
        ExecOptions options;
        options.timeout = std::chrono::seconds(1);
        QElapsedTimer timer;
        timer.start();
        const Result<ExecResult> slow = connection.exec(QStringLiteral("sleep 30"), options);
        QVERIFY(!slow.has_value());
        QCOMPARE(slow.error().code, Error::Code::Timeout);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        const Result<ExecResult> after = connection.exec(QStringLiteral("echo still here"));
        SLURMDECK_VERIFY_OK(after);
        QCOMPARE(after->standardOutput, QByteArray("still here\n"));
    }

    // A host that streams without end must not hold a worker: too much output is an error
    // (never a partial parse), and the deadline and Cancel hold while data keeps coming.
    void endlessOutputIsStopped()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(m_linux), &prompt);
        QVERIFY(connection.connect().has_value());
        QElapsedTimer timer;
        timer.start();
        ExecOptions capped;
        capped.maxOutputBytes = 1024 * 1024;
        const Result<ExecResult> flood = connection.exec(QStringLiteral("yes"), capped);
        QVERIFY(!flood.has_value());
        QCOMPARE(flood.error().code, Error::Code::RemoteCommandFailed);
        QVERIFY2(flood.error().message.contains(QStringLiteral("1024 KiB")),
                 qPrintable(flood.error().message));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));

        ExecOptions toFile; // no cap: a file takes it all, so only the deadline can stop it
        toFile.standardOutputFile = QProcess::nullDevice();
        toFile.timeout = std::chrono::seconds(1);
        timer.restart();
        const Result<ExecResult> endless = connection.exec(QStringLiteral("yes"), toFile);
        QVERIFY(!endless.has_value());
        QCOMPARE(endless.error().code, Error::Code::Timeout);
        QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));

        CancelToken cancel;
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel.cancel();
        });
        toFile.timeout = std::chrono::minutes(5);
        timer.restart();
        const Result<ExecResult> cancelled = connection.exec(QStringLiteral("yes"), toFile, cancel);
        canceller.join();
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
        QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));

        const Result<ExecResult> after = connection.exec(QStringLiteral("echo still here"));
        SLURMDECK_VERIFY_OK(after);
    }

    void cancelFromAnotherThread()
    {
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(m_linux), &prompt);
        QVERIFY(connection.connect().has_value());
        CancelToken cancel;
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        const Result<ExecResult> slow = connection.exec(QStringLiteral("sleep 30"), {}, cancel);
        canceller.join();
        QVERIFY(!slow.has_value());
        QCOMPARE(slow.error().code, Error::Code::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
    }

    void uploadReplacesAtomicallyWithModeAndKeepsPrevious_data()
    {
        QTest::addColumn<QString>("hostName");
        QTest::newRow("linux") << m_linux.name;
        QTest::newRow("qnap") << m_qnap.name;
    }
    void uploadReplacesAtomicallyWithModeAndKeepsPrevious()
    {
        QFETCH(QString, hostName);
        const Lab::Host &host = hostName == m_qnap.name ? m_qnap : m_linux;
        ScriptedHostKeyPrompt prompt(std::nullopt);
        SshConnection connection(targetFor(host), &prompt);
        QVERIFY(connection.connect().has_value());

        const QString dir = QStringLiteral("/root/slurmdeck-upload-test/a/b");
        QVERIFY(connection.exec(QStringLiteral("rm -rf /root/slurmdeck-upload-test")).has_value());
        const Result<void> made = connection.makeDirectories(dir);
        SLURMDECK_VERIFY_OK(made);
        const QString path = dir + QStringLiteral("/munge.key");
        // An existing, world-readable file: sftp_open alone would keep its 0644.
        QVERIFY(connection.exec(QStringLiteral("umask 022; echo old > ") + Shell::quote(path)).has_value());

        QByteArray secret(1024, '\0');
        for (char &byte : secret)
            byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
        const Result<void> uploaded = connection.upload(secret, path, UploadOptions{0400, true});
        SLURMDECK_VERIFY_OK(uploaded);

        const Result<ExecResult> mode = connection.exec(QStringLiteral("stat -c %a ") + Shell::quote(path));
        QVERIFY(mode.has_value());
        QCOMPARE(mode->standardOutput.trimmed(), QByteArray("400"));
        const Result<QByteArray> downloaded = connection.download(path);
        SLURMDECK_VERIFY_OK(downloaded);
        QCOMPARE(*downloaded, secret);
        const Result<QByteArray> previous = connection.download(path + QStringLiteral(".previous"));
        QVERIFY(previous.has_value());
        QCOMPARE(*previous, QByteArray("old\n"));
        const Result<ExecResult> leftovers = connection.exec(QStringLiteral("ls -A ") + Shell::quote(dir));
        QVERIFY(leftovers.has_value());
        QCOMPARE(leftovers->standardOutput, QByteArray("munge.key\nmunge.key.previous\n"));

        const Result<QByteArray> missing = connection.download(dir + QStringLiteral("/nope"));
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(connection.exec(QStringLiteral("rm -rf /root/slurmdeck-upload-test")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSshLab)
#include "tst_sshlab.moc"
