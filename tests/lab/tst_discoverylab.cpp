// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery against the lab: the emulated subnet is scanned and every emulated host is
// found and fingerprinted with the facts the host really has (CPU count, memory,
// architecture, Docker version, compose flavour), including the QNAP-like host whose
// docker is off the PATH. Failing hosts get their own status while the others go on.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "discovery/Discovery.h"
#include "ssh/HostKey.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;

namespace {

QString runLocal(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

qint64 localMemTotalBytes()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = meminfo.readLine().simplified().split(' ');
    return fields.value(1).toLongLong() * 1024;
}

} // namespace

class TestDiscoveryLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;

    DiscoveryRequest baseRequest() const
    {
        DiscoveryRequest request;
        request.login.user = QStringLiteral("root");
        request.login.identityFile = m_lab.clientKey();
        request.login.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        request.login.userKnownHostsFile = m_lab.knownHosts();
        request.login.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        request.login.connectTimeout = std::chrono::seconds(5);
        return request;
    }

    static QList<DiscoveredHost> discover(const DiscoveryRequest &request,
                                          std::shared_ptr<HostKeyPrompt> prompt)
    {
        Discovery discovery(std::move(prompt), nullptr);
        QSignalSpy finished(&discovery, &Discovery::finished);
        discovery.start(request);
        if (!finished.wait(120000))
            return {};
        return discovery.results();
    }

    static const DiscoveredHost *byAddress(const QList<DiscoveredHost> &hosts, const QString &address)
    {
        for (const DiscoveredHost &host : hosts) {
            if (host.address == address)
                return &host;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_temp.isValid());
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
    }

    void subnetScanFindsAndFingerprintsEveryHost()
    {
        DiscoveryRequest request = baseRequest();
        const Result<Subnet> subnet = parseSubnet(QStringLiteral("10.213.7.0/24"));
        SLURMDECK_VERIFY_OK(subnet);
        request.subnets = {*subnet};
        request.probeTimeout = std::chrono::milliseconds(800);

        QElapsedTimer timer;
        timer.start();
        const QList<DiscoveredHost> found =
            discover(request, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        qInfo("scanned a /24 and fingerprinted %d hosts in %lld ms", int(found.size()), timer.elapsed());
        QCOMPARE(found.size(), m_lab.hosts.size()); // the client namespace runs no sshd

        const QString serverVersion = runLocal(
            QStringLiteral("/usr/bin/docker"),
            {QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}")});
        QVERIFY(!serverVersion.isEmpty());
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            const DiscoveredHost *host = byAddress(found, labHost.address);
            QVERIFY2(host, qPrintable(labHost.name));
            QVERIFY2(host->ok(), qPrintable(labHost.name + QStringLiteral(": ") + host->message));
            const HostFingerprint &fp = *host->fingerprint;
            QCOMPARE(fp.hostname, labHost.hostname);
            QCOMPARE(fp.platform, Lab::platformOf(labHost));
            QCOMPARE(fp.architecture, QStringLiteral("x86_64"));
            QCOMPARE(fp.loginUid.value_or(-1), 0); // logged in as root here
            QCOMPARE(fp.homeDirectory, QStringLiteral("/root"));
            QCOMPARE(fp.engineCpus.value_or(-1), QThread::idealThreadCount());
            if (labHost.platform == u"macos") {
                // The Mac says 16 CPUs and 32 GiB; its engine has this machine's: a smaller VM.
                QCOMPARE(fp.osPrettyName, QStringLiteral("macOS 14.2.1"));
                QCOMPARE(fp.logicalCpus.value_or(-1), 16);
                QCOMPARE(fp.memoryBytes.value_or(-1), qint64(34359738368));
                QCOMPARE(fp.kernel, QStringLiteral("23.2.0"));
                QVERIFY2(fp.warnings.join(u' ').contains(QLatin1String("Settings > Resources")),
                         qPrintable(fp.warnings.join(u'\n')));
            } else {
                QCOMPARE(fp.logicalCpus.value_or(-1), QThread::idealThreadCount());
                QCOMPARE(fp.memoryBytes.value_or(-1), localMemTotalBytes());
                QCOMPARE(fp.kernel, QSysInfo::kernelVersion());
            }
            QCOMPARE(fp.dockerServerVersion, serverVersion);
            QVERIFY2(fp.dockerPath == labHost.docker || labHost.platform != u"qnap",
                     qPrintable(fp.dockerPath));
            QVERIFY(fp.composeFlavour == ComposeFlavour::StandaloneV1);
            QCOMPARE(fp.composePath, labHost.compose);
            QCOMPARE(fp.composeVersion, QStringLiteral("1.29.2"));
            QVERIFY(fp.listeningPorts.count(22) == 1);
            QVERIFY(host->clockOffsetSeconds.has_value());
            QVERIFY2(std::abs(*host->clockOffsetSeconds) < 1.5,
                     qPrintable(QString::number(*host->clockOffsetSeconds)));
            QCOMPARE(host->hostKey.keyType, QStringLiteral("ssh-ed25519"));
            if (labHost.platform == u"qnap") {
                QCOMPARE(fp.qnapModel.isEmpty(), false);
                QVERIFY(fp.dockerPath.startsWith(
                    QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/")));
            }
        }
    }

    void oneBadHostDoesNotStopTheOthers()
    {
        DiscoveryRequest request = baseRequest();
        const Lab::Host good = m_lab.hosts.first();
        request.hosts = {good.address, QStringLiteral("10.213.7.251"), m_lab.hosts.last().address};
        request.login.connectTimeout = std::chrono::seconds(2);
        const QList<DiscoveredHost> found =
            discover(request, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        QCOMPARE(found.size(), 3);
        const DiscoveredHost *missing = byAddress(found, QStringLiteral("10.213.7.251"));
        QVERIFY(missing);
        QCOMPARE(missing->status, DiscoveredHost::Status::Unreachable);
        QVERIFY(missing->message.contains(QStringLiteral("Cannot reach")));
        QVERIFY(byAddress(found, good.address)->ok());
        QVERIFY(byAddress(found, m_lab.hosts.last().address)->ok());
    }

    void unknownKeysAreNotTrustedWithoutTheUsersSay()
    {
        DiscoveryRequest request = baseRequest();
        QFile empty(m_temp.filePath(QStringLiteral("empty_known_hosts")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        request.login.userKnownHostsFile = empty.fileName();
        request.login.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("fresh_own_known_hosts"));
        request.hosts = {m_lab.hosts.first().address};

        const QList<DiscoveredHost> refused =
            discover(request, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().status, DiscoveredHost::Status::HostKeyUnknown);
        QVERIFY(refused.first().hostKey.fingerprint.startsWith(QStringLiteral("SHA256:")));

        const QList<DiscoveredHost> accepted =
            discover(request, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::AcceptAndRemember));
        QCOMPARE(accepted.size(), 1);
        QVERIFY2(accepted.first().ok(), qPrintable(accepted.first().message));
    }

    void aliasesFromSshConfigAreUsed()
    {
        DiscoveryRequest request;
        request.login.configFile = m_lab.sshConfig();
        request.login.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("alias_known_hosts"));
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            request.hosts.append(host.name);
        const QList<DiscoveredHost> found =
            discover(request, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        QCOMPARE(found.size(), m_lab.hosts.size());
        for (const DiscoveredHost &host : found) {
            QVERIFY2(host.ok(), qPrintable(host.target + QStringLiteral(": ") + host.message));
            QCOMPARE(host.fingerprint->hostname, host.target);
            for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
                if (labHost.name != host.target)
                    continue;
                QCOMPARE(host.user, labHost.user); // the config's User, per host
                QCOMPARE(host.fingerprint->loginUid.value_or(-1), labHost.uid);
                QCOMPARE(host.fingerprint->homeDirectory, labHost.home);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryLab)
#include "tst_discoverylab.moc"
