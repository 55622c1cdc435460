// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck-cli discover / init as a user runs them, against the lab's hosts: JSON
// output with real fingerprints, unknown keys refused without --accept-new-host-keys and
// remembered with it, changed keys refused always, and a cluster file written by init.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "inventory/ClusterFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_home; // HOME for the CLI: its ~/.ssh and SlurmDeck's own files

    Run cli(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_CLI_EXE), arguments);
        Run run;
        if (!process.waitForFinished(120000)) {
            process.kill();
            run.err = QStringLiteral("timed out");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QStringList hostNames() const
    {
        QStringList names;
        for (const Lab::Host &host : m_lab.hosts)
            names << host.name;
        return names;
    }

    void writeUserKnownHosts(const QByteArray &content) const
    {
        QDir().mkpath(m_home.filePath(QStringLiteral(".ssh")));
        QFile file(m_home.filePath(QStringLiteral(".ssh/known_hosts")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    void forgetSlurmDecksKnownHosts() const
    {
        // ~/.local/share/SlurmDeck/known_hosts.
        QVERIFY(QDir(m_home.filePath(QStringLiteral(".local/share"))).removeRecursively());
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_home.isValid());
    }

    void discoverAliasesAsJson()
    {
        const Run run = cli(QStringList{QStringLiteral("discover"), QStringLiteral("--json"),
                                        QStringLiteral("--ssh-config"), m_lab.sshConfig()} +
                            hostNames());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray hosts = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(hosts.size(), m_lab.hosts.size());
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            const auto it = std::find_if(hosts.begin(), hosts.end(), [&labHost](const QJsonValue &value) {
                return value.toObject().value(QStringLiteral("target")).toString() == labHost.name;
            });
            QVERIFY2(it != hosts.end(), qPrintable(labHost.name));
            const QJsonObject host = it->toObject();
            QCOMPARE(host.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(host.value(QStringLiteral("address")).toString(), labHost.address);
            const QJsonObject fp = host.value(QStringLiteral("fingerprint")).toObject();
            QCOMPARE(fp.value(QStringLiteral("platform")).toString(), labHost.platform);
            QCOMPARE(fp.value(QStringLiteral("arch")).toString(), QStringLiteral("x86_64"));
            QCOMPARE(fp.value(QStringLiteral("compose")).toString(), QStringLiteral("v1"));
            QCOMPARE(fp.value(QStringLiteral("compose_path")).toString(), labHost.compose);
            QVERIFY(fp.value(QStringLiteral("cpus")).toInt() > 0);
            QVERIFY(host.value(QStringLiteral("host_key"))
                        .toObject()
                        .value(QStringLiteral("sha256"))
                        .toString()
                        .startsWith(QStringLiteral("SHA256:")));
        }
    }

    void unknownKeysNeedTheFlag()
    {
        writeUserKnownHosts({});
        forgetSlurmDecksKnownHosts();
        const Lab::Host &host = m_lab.hosts.first();
        const QStringList login{QStringLiteral("--user"), QStringLiteral("root"),
                                QStringLiteral("--identity"), m_lab.clientKey(), host.address};

        const Run refused = cli(QStringList{QStringLiteral("discover")} + login);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--accept-new-host-keys")), qPrintable(refused.err));
        QVERIFY(refused.err.contains(QStringLiteral("SHA256:")));

        const Run accepted =
            cli(QStringList{QStringLiteral("discover"), QStringLiteral("--accept-new-host-keys")} + login);
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        QVERIFY(accepted.out.contains(host.address));

        const Run remembered = cli(QStringList{QStringLiteral("discover")} + login);
        QVERIFY2(remembered.exitCode == 0, qPrintable(remembered.err));
    }

    void changedKeysAreRefusedEvenWithTheFlag()
    {
        forgetSlurmDecksKnownHosts();
        const Lab::Host &host = m_lab.hosts.last();
        // The host's name in the user's known_hosts with a different host's key.
        const QString otherPub = m_lab.hostKeyPub(m_lab.hosts.first().name);
        QFile pub(otherPub);
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> fields = pub.readAll().split(' ');
        writeUserKnownHosts(host.address.toUtf8() + ' ' + fields.value(0) + ' ' + fields.value(1) + '\n');

        const Run run = cli({QStringLiteral("discover"), QStringLiteral("--accept-new-host-keys"),
                             QStringLiteral("--user"), QStringLiteral("root"), QStringLiteral("--identity"),
                             m_lab.clientKey(), host.address});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("CHANGED")), qPrintable(run.err));
        writeUserKnownHosts({});
    }

    // The reproduced defect: under this ~/.ssh/config, discover fingerprinted unknown hosts
    // without --accept-new-host-keys and accepted changed keys.
    void permissiveSshConfigDoesNotBypassHostKeyRules()
    {
        forgetSlurmDecksKnownHosts();
        writeUserKnownHosts({});
        const QString config = m_home.filePath(QStringLiteral(".ssh/permissive_config"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n");
        }
        const Lab::Host &host = m_lab.hosts.first();
        const QStringList login{QStringLiteral("--ssh-config"),
                                config,
                                QStringLiteral("--user"),
                                QStringLiteral("root"),
                                QStringLiteral("--identity"),
                                m_lab.clientKey(),
                                host.address};

        const Run unknown = cli(QStringList{QStringLiteral("discover")} + login);
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("--accept-new-host-keys")), qPrintable(unknown.err));

        QFile other(m_lab.hostKeyPub(m_lab.hosts.last().name));
        QVERIFY(other.open(QIODevice::ReadOnly));
        const QList<QByteArray> otherKey = other.readAll().split(' ');
        writeUserKnownHosts(host.address.toUtf8() + ' ' + otherKey.value(0) + ' ' + otherKey.value(1) + '\n');
        const Run changed =
            cli(QStringList{QStringLiteral("discover"), QStringLiteral("--accept-new-host-keys")} + login);
        QCOMPARE(changed.exitCode, 1);
        QVERIFY2(changed.err.contains(QStringLiteral("CHANGED")), qPrintable(changed.err));

        QFile own(m_lab.hostKeyPub(host.name));
        QVERIFY(own.open(QIODevice::ReadOnly));
        const QList<QByteArray> ownKey = own.readAll().split(' ');
        writeUserKnownHosts("@revoked * " + ownKey.value(0) + ' ' + ownKey.value(1) + '\n');
        const Run revoked =
            cli(QStringList{QStringLiteral("discover"), QStringLiteral("--accept-new-host-keys")} + login);
        QCOMPARE(revoked.exitCode, 1);
        QVERIFY2(revoked.err.contains(QStringLiteral("REVOKED")), qPrintable(revoked.err));
        // Nothing the refused runs saw was remembered: the key is still unknown.
        writeUserKnownHosts({});
        const Run still = cli(QStringList{QStringLiteral("discover")} + login);
        QCOMPARE(still.exitCode, 1);
        QVERIFY2(still.err.contains(QStringLiteral("--accept-new-host-keys")), qPrintable(still.err));
    }

    void initWritesAClusterWithDefaultRoles()
    {
        const QString path = m_home.filePath(QStringLiteral("clusters/lab.yaml"));
        const Run run =
            cli(QStringList{QStringLiteral("init"), QStringLiteral("lab"), QStringLiteral("--ssh-config"),
                            m_lab.sshConfig(), QStringLiteral("--cluster"), path} +
                hostNames());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(path));

        const Result<Cluster> cluster = ClusterFile::load(path);
        SLURMDECK_VERIFY_OK(cluster);
        QCOMPARE(cluster->name, QStringLiteral("lab"));
        QCOMPARE(cluster->hosts.size(), m_lab.hosts.size());
        const Host *primary = cluster->findHost(m_lab.hosts.first().hostname);
        QVERIFY(primary);
        QVERIFY(primary->hasRole(HostRole::Controller));
        QVERIFY(primary->hasRole(HostRole::Database));
        QVERIFY(primary->hasRole(HostRole::Monitoring));
        for (const Host &host : cluster->hosts) {
            QVERIFY(host.hasRole(HostRole::Compute));
            QVERIFY(host.detected.cpus.value_or(0) > 0);
            QCOMPARE(host.detected.arch, QStringLiteral("x86_64"));
        }
        const Host *nas = cluster->findHost(QStringLiteral("nas1"));
        QVERIFY(nas);
        QCOMPARE(nas->effectivePlatform(), Platform::Qnap);
        QCOMPARE(nas->address, QStringLiteral("nas1")); // the alias is kept

        const Run again =
            cli(QStringList{QStringLiteral("init"), QStringLiteral("lab"), QStringLiteral("--cluster"), path,
                            QStringLiteral("--ssh-config"), m_lab.sshConfig()} +
                hostNames());
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("--force")));
    }

    void initWritesNothingWhenANamedHostFails()
    {
        const QString path = m_home.filePath(QStringLiteral("clusters/broken.yaml"));
        const Run run = cli({QStringLiteral("init"), QStringLiteral("broken"), QStringLiteral("--ssh-config"),
                             m_lab.sshConfig(), QStringLiteral("--timeout"), QStringLiteral("2"),
                             QStringLiteral("--cluster"), path, m_lab.hosts.first().name,
                             QStringLiteral("10.213.7.252")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("Nothing was written")));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_clilab.moc"
