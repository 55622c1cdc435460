// SPDX-License-Identifier: GPL-3.0-or-later
// Subnet parsing and the TCP port prober (against real listening and closed sockets on
// loopback). Discovery end to end runs against the lab in tests/lab/tst_discoverylab.cpp.
#include "ResultTesting.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryMerge.h"
#include "discovery/DiscoveryToCluster.h"
#include "discovery/PortProber.h"
#include "discovery/Subnet.h"
#include "inventory/ClusterDocument.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace SlurmDeck;

class TestDiscovery final : public QObject
{
    Q_OBJECT

private slots:
    void parsesSubnets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<quint32>("hosts");
        QTest::newRow("/24") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0/24") << 254U;
        QTest::newRow("host bits set")
            << QStringLiteral(" 192.168.1.77/24 ") << QStringLiteral("192.168.1.0/24") << 254U;
        QTest::newRow("/30") << QStringLiteral("10.0.0.5/30") << QStringLiteral("10.0.0.4/30") << 2U;
        QTest::newRow("/31") << QStringLiteral("10.0.0.5/31") << QStringLiteral("10.0.0.4/31") << 2U;
        QTest::newRow("bare address") << QStringLiteral("10.1.2.3") << QStringLiteral("10.1.2.3/32") << 1U;
        QTest::newRow("/20") << QStringLiteral("172.16.5.0/20") << QStringLiteral("172.16.0.0/20") << 4094U;
    }
    void parsesSubnets()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(quint32, hosts);
        const Result<Subnet> subnet = parseSubnet(text);
        SLURMDECK_VERIFY_OK(subnet);
        QCOMPARE(subnet->toString(), normalised);
        QCOMPARE(subnet->hostCount(), hosts);
        QCOMPARE(quint32(subnet->hostAddresses().size()), hosts);
    }

    void hostAddressesSkipNetworkAndBroadcast()
    {
        const Result<Subnet> subnet = parseSubnet(QStringLiteral("10.9.8.0/29"));
        SLURMDECK_VERIFY_OK(subnet);
        const QList<QHostAddress> addresses = subnet->hostAddresses();
        QCOMPARE(addresses.first(), QHostAddress(QStringLiteral("10.9.8.1")));
        QCOMPARE(addresses.last(), QHostAddress(QStringLiteral("10.9.8.6")));
    }

    void rejectsBadSubnets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("IPv4");
        QTest::newRow("words") << QStringLiteral("my-lan") << QStringLiteral("IPv4");
        QTest::newRow("ipv6") << QStringLiteral("fd00::/64") << QStringLiteral("IPv4");
        QTest::newRow("octet") << QStringLiteral("192.168.1.300/24") << QStringLiteral("IPv4");
        QTest::newRow("prefix") << QStringLiteral("10.0.0.0/33") << QStringLiteral("0 to 32");
        QTest::newRow("prefix text") << QStringLiteral("10.0.0.0/x") << QStringLiteral("0 to 32");
        QTest::newRow("too big") << QStringLiteral("10.0.0.0/16") << QStringLiteral("too large");
    }
    void rejectsBadSubnets()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Result<Subnet> subnet = parseSubnet(text);
        QVERIFY(!subnet.has_value());
        QCOMPARE(subnet.error().code, Error::Code::InvalidArgument);
        QVERIFY2(subnet.error().message.contains(reason), qPrintable(subnet.error().message));
    }

    void targetsFromWhatTheUserTyped()
    {
        DiscoveryRequest request;
        request.hosts = {QStringLiteral("stale")};
        SLURMDECK_VERIFY_OK(
            setDiscoveryTargets(request, true, QStringLiteral(" 10.0.0.0/30, 192.168.1.0/24 "), {}));
        QCOMPARE(request.subnets.size(), 2);
        QCOMPARE(request.subnets.at(1).toString(), QStringLiteral("192.168.1.0/24"));
        QVERIFY(request.hosts.isEmpty());

        SLURMDECK_VERIFY_OK(
            setDiscoveryTargets(request, false, {}, QStringLiteral("gpu-box, nas1\n  10.0.0.7\tmacbook")));
        QCOMPARE(request.hosts, (QStringList{QStringLiteral("gpu-box"), QStringLiteral("nas1"),
                                             QStringLiteral("10.0.0.7"), QStringLiteral("macbook")}));
        QVERIFY(request.subnets.isEmpty());

        const Result<void> noSubnet = setDiscoveryTargets(request, true, QStringLiteral(" , "), {});
        QVERIFY(!noSubnet);
        QVERIFY(noSubnet.error().message.contains(QStringLiteral("192.168.1.0/24")));
        QVERIFY(!setDiscoveryTargets(request, true, QStringLiteral("10.0.0.0/99"), {}));
        const Result<void> noHost =
            setDiscoveryTargets(request, false, QStringLiteral("10.0.0.0/24"), QStringLiteral("  "));
        QVERIFY(!noHost);
        QVERIFY(noHost.error().message.contains(QStringLiteral("host")));
    }

    // "alice@ws1" logs in as alice and keeps her as the host's user; a bare host gets the
    // login everyone gets. The login's uid and home become facts of the host.
    void userAtHostIsThatHostsUser()
    {
        QCOMPARE(splitUserAtHost(QStringLiteral("alice@10.0.0.5")).user, QStringLiteral("alice"));
        QCOMPARE(splitUserAtHost(QStringLiteral("alice@10.0.0.5")).host, QStringLiteral("10.0.0.5"));
        QCOMPARE(splitUserAtHost(QStringLiteral("ws1")).user, QString());
        QCOMPARE(splitUserAtHost(QStringLiteral("@ws1")).host, QStringLiteral("@ws1"));
        QCOMPARE(splitUserAtHost(QStringLiteral("ws1@")).host, QStringLiteral("ws1@"));

        HostFingerprint fingerprint;
        fingerprint.hostname = QStringLiteral("ws1");
        fingerprint.loginUid = 1000;
        fingerprint.homeDirectory = QStringLiteral("/home/alice");
        DiscoveredHost alice;
        alice.target = QStringLiteral("alice@10.0.0.5");
        alice.status = DiscoveredHost::Status::Fingerprinted;
        alice.fingerprint = fingerprint;
        DiscoveredHost nas = alice;
        nas.target = QStringLiteral("10.0.0.6");
        nas.fingerprint->hostname = QStringLiteral("nas");
        SshTarget login;
        login.user = QStringLiteral("admin");
        const Cluster cluster = clusterFromDiscovery(QStringLiteral("lab"), {alice, nas}, login);
        QCOMPARE(cluster.hosts.size(), 2);
        QCOMPARE(cluster.hosts.at(0).address, QStringLiteral("10.0.0.5"));
        QCOMPARE(cluster.hosts.at(0).user, QStringLiteral("alice"));
        QCOMPARE(cluster.hosts.at(0).detected.loginUid, std::optional<int>(1000));
        QCOMPARE(cluster.hosts.at(0).detected.home, QStringLiteral("/home/alice"));
        QCOMPARE(cluster.hosts.at(1).user, QStringLiteral("admin"));
    }

    // hosts add and Hosts → Discover…: new hosts join with the roles asked for (names made
    // unique against the cluster); a host already there keeps its name and roles and only
    // gets its facts refreshed; a host that failed is left out.
    void mergeAddsNewHostsAndRefreshesKnownOnes()
    {
        ClusterDocument document;
        Cluster cluster;
        cluster.name = QStringLiteral("lab");
        Host head;
        head.name = QStringLiteral("ws1");
        head.address = QStringLiteral("10.0.0.5");
        head.roles = HostRole::Controller | HostRole::Compute;
        cluster.hosts << head;
        SLURMDECK_VERIFY_OK(document.replaceCluster(cluster));

        HostFingerprint fingerprint;
        fingerprint.hostname = QStringLiteral("ws1");
        fingerprint.logicalCpus = 8;
        DiscoveredHost known;
        known.target = QStringLiteral("10.0.0.5");
        known.status = DiscoveredHost::Status::Fingerprinted;
        known.fingerprint = fingerprint;
        DiscoveredHost twin = known; // another machine also called ws1
        twin.target = QStringLiteral("alice@10.0.0.7");
        DiscoveredHost failed = known;
        failed.target = QStringLiteral("10.0.0.9");
        failed.status = DiscoveredHost::Status::Unreachable;
        const Result<MergeOutcome> merged = mergeDiscoveredHosts(document, {known, twin, failed}, SshTarget(),
                                                                 HostRole::Compute | HostRole::Monitoring);
        SLURMDECK_VERIFY_OK(merged);
        QCOMPARE(merged->refreshed, QStringList{QStringLiteral("ws1")});
        QCOMPARE(merged->added, QStringList{QStringLiteral("ws1-2")});
        QCOMPARE(document.hosts().size(), 2);
        QCOMPARE(document.hosts().at(0).roles, head.roles);
        QCOMPARE(document.hosts().at(0).detected.cpus, std::optional<int>(8));
        const Host &added = document.hosts().at(1);
        QCOMPARE(added.address, QStringLiteral("10.0.0.7"));
        QCOMPARE(added.user, QStringLiteral("alice"));
        QCOMPARE(added.roles, HostRole::Compute | HostRole::Monitoring);
    }

    void localSubnetsAreScannable()
    {
        for (const Subnet &subnet : localSubnets()) {
            QVERIFY(subnet.prefixLength >= 24);
            QVERIFY(!subnet.network.isLoopback());
            QCOMPARE(subnet.network.protocol(), QAbstractSocket::IPv4Protocol);
        }
    }

    void proberFindsOpenAndClosedPorts()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();

        for (const auto &[port, open] :
             {std::pair{listening.serverPort(), true}, std::pair{closedPort, false}}) {
            PortProber prober;
            QSignalSpy probed(&prober, &PortProber::probed);
            QSignalSpy finished(&prober, &PortProber::finished);
            prober.start({QHostAddress::LocalHost}, port);
            QVERIFY(finished.wait(5000));
            QCOMPARE(probed.count(), 1);
            const auto outcome = probed.first().first().value<PortProber::Outcome>();
            QCOMPARE(outcome.open, open);
            QCOMPARE(outcome.port, port);
            if (!open)
                QCOMPARE(outcome.reason, QStringLiteral("connection refused"));
        }
    }

    void proberBoundsConcurrencyAndReportsEveryAddress()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::Any));
        QList<QHostAddress> addresses;
        for (int last = 1; last <= 40; ++last)
            addresses.append(QHostAddress(QStringLiteral("127.0.0.%1").arg(last)));
        PortProber prober;
        prober.setConcurrency(5);
        QSignalSpy probed(&prober, &PortProber::probed);
        QSignalSpy progress(&prober, &PortProber::progress);
        QSignalSpy finished(&prober, &PortProber::finished);
        prober.start(addresses, listening.serverPort());
        QVERIFY(prober.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(probed.count(), 40);
        QCOMPARE(progress.last().at(0).toInt(), 40);
        int open = 0;
        for (const QList<QVariant> &signal : probed)
            open += signal.first().value<PortProber::Outcome>().open ? 1 : 0;
        QCOMPARE(open, 40); // 127/8 is all loopback
        QVERIFY(!prober.isRunning());
    }

    void emptyProbeFinishes()
    {
        PortProber prober;
        QSignalSpy finished(&prober, &PortProber::finished);
        prober.start({}, 22);
        QVERIFY(finished.wait(1000));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
