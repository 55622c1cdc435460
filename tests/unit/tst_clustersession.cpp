// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterSession, the layer both fronts reach the hosts through: locate() gives the Topology
// with SSH targets and login users and never needs a secret; prepareDeploy() renders with
// the secrets; answers come on the context's thread and are dropped once it is gone.
#include "ResultTesting.h"
#include "inventory/ClusterFile.h"
#include "session/ClusterSession.h"
#include "session/MungeKeyRotation.h"
#include "ssh/HostKey.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace SlurmDeck;

namespace {

Cluster seedCluster()
{
    const Result<Cluster> loaded =
        ClusterFile::load(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-full.yaml"));
    return loaded ? *loaded : Cluster{};
}

} // namespace

class TestClusterSession final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_temp;

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("ssh_config"));
        return ssh;
    }

    ClusterSession session() const
    {
        return {seedCluster(), sshDefaults(), std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                nullptr};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!seedCluster().hosts.isEmpty());
        QFile config(sshDefaults().configFile);
        QVERIFY(config.open(QIODevice::WriteOnly));
        // An alias for one host, with the user SSH logs in as there.
        config.write("Host nas1\n  HostName 192.168.1.30\n  User admin\n");
    }

    void locateNeedsNoSecret()
    {
        const ClusterSession located(seedCluster(), sshDefaults(),
                                     std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject), nullptr);
        QObject context;
        std::optional<Result<ClusterSession::Located>> answer;
        Qt::HANDLE answeredOn = nullptr;
        located.locate(&context, [&](Result<ClusterSession::Located> result) {
            answer = std::move(result);
            answeredOn = QThread::currentThreadId();
        });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
        QCOMPARE(answeredOn, QThread::currentThreadId());
        SLURMDECK_VERIFY_OK(*answer);
        const ClusterSession::Located &where = answer->value();
        QCOMPARE(where.topology.controllerHost, QStringLiteral("gpu-box"));
        QCOMPARE(where.targets.size(), where.topology.hosts.size());
        for (const HostPlan &host : where.topology.hosts)
            QVERIFY(host.files.isEmpty()); // no secret anywhere
        // The alias resolved for the other hosts, and the user the ssh config gives.
        QCOMPARE(where.topology.host(QStringLiteral("nas1"))->networkAddress, QStringLiteral("192.168.1.30"));
        QCOMPARE(where.loginUsers.value(QStringLiteral("nas1")), QStringLiteral("admin"));
    }

    void prepareDeployRendersWithTheSecrets()
    {
        ClusterSession deploying(seedCluster(), sshDefaults(), nullptr, nullptr);
        deploying.setSecrets(QByteArray(1024, 'k'), QByteArrayLiteral("db-password"));
        QObject context;
        std::optional<Result<ClusterSession::Prepared>> answer;
        deploying.prepareDeploy(&context,
                                [&](Result<ClusterSession::Prepared> result) { answer = std::move(result); });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
        SLURMDECK_VERIFY_OK(*answer);
        const HostPlan &first = answer->value().plan.hosts.first();
        QCOMPARE(first.file(QStringLiteral("secrets/munge.key"))->content, QByteArray(1024, 'k'));
    }

    void answersAreDroppedWithTheirContext()
    {
        const ClusterSession located = session();
        bool called = false;
        {
            QObject context;
            located.locate(&context, [&](Result<ClusterSession::Located>) { called = true; });
        }
        ClusterSession deploying(seedCluster(), sshDefaults(), nullptr, nullptr);
        deploying.setSecrets(QByteArray(1024, 'k'), QByteArrayLiteral("db-password"));
        {
            QObject context;
            deploying.prepareDeploy(&context, [&](Result<ClusterSession::Prepared>) { called = true; });
        }
        QTest::qWait(300);
        QVERIFY(!called);
    }

    // A rotation's key is new each time, and its outcome tells the hosts that deployed it
    // (their reported hash) from those that did not.
    void mungeKeyRotationTellsWhichHostsHaveTheNewKey()
    {
        const MungeKeyRotation rotation;
        QCOMPARE(rotation.newKey().size(), 1024);
        QVERIFY(MungeKeyRotation().newKey() != rotation.newKey());
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(rotation.newKey(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(rotation.newKeySha256(), sha);
        DeployReport report;
        HostDeployResult done;
        done.host = QStringLiteral("gpu-box");
        done.mungeKeySha256 = sha.toUpper();
        HostDeployResult old;
        old.host = QStringLiteral("nas1");
        old.mungeKeySha256 = QString(64, u'0');
        HostDeployResult unreachable;
        unreachable.host = QStringLiteral("macbook");
        report.hosts = {done, old, unreachable};
        const MungeKeyRotation::Outcome outcome = rotation.outcome(report);
        QCOMPARE(outcome.withNewKey, QStringList{QStringLiteral("gpu-box")});
        QCOMPARE(outcome.withoutNewKey, (QStringList{QStringLiteral("nas1"), QStringLiteral("macbook")}));
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
