// SPDX-License-Identifier: GPL-3.0-or-later
// The Slurm release a cluster runs (settings.slurm_release, issue 13), on the lab's hosts
// (primary as root, worker2 as an ordinary user): a cluster of Debian 12's Slurm 22.05 is not
// moved onto 24.11, which Slurm's upgrade path does not allow (nothing is written, the cluster
// keeps running), also when its .env is gone but its state is there; a new cluster on Debian
// 13's Slurm 24.11 deploys and runs jobs, with CgroupPlugin=disabled; and it is not moved back.
// The 24.11 image comes from the lab.images-slurm-24.11 fixture.
#include "LabCluster.h"
#include "ResultTesting.h"
#include "inventory/SlurmRelease.h"
#include "secrets/ClusterSecrets.h"

#include <QTest>

using namespace SlurmDeck;

class TestReleaseLab final : public QObject
{
    Q_OBJECT

private:
    Lab::LabCluster m_lab;

    QString describe(const DeployReport &report, const QStringList &log) const
    {
        QStringList text = log.mid(std::max<qsizetype>(0, log.size() - 30));
        for (const HostDeployResult &host : report.hosts)
            text << QStringLiteral("%1: %2 %3").arg(host.host, phaseText(host.phase), host.message);
        for (const VerificationCheck &check : report.checks)
            text << QStringLiteral("check %1 %2: %3")
                        .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name,
                             check.detail);
        return text.join(u'\n');
    }

    // `command` on the primary, its stdout trimmed (or the error).
    QString onPrimary(const QString &command) const
    {
        const Result<ExecResult> ran = m_lab.onHost(m_lab.primary(), command);
        return ran ? QString::fromUtf8(ran->standardOutput).trimmed() : ran.error().toString();
    }

    QString primaryDirectory() const { return m_lab.plan.hosts.first().directory; }

    // The release that wrote slurmctld's saved node state on the primary, as the deploy reads it.
    QString stateRelease() const
    {
        QByteArray header;
        const QString bytes =
            onPrimary(QStringLiteral("od -An -tu1 -N23 %1/data/slurmctld/node_state 2>/dev/null")
                          .arg(Shell::quote(primaryDirectory())));
        for (const QString &number : bytes.simplified().split(u' ', Qt::SkipEmptyParts))
            header += static_cast<char>(number.toInt());
        return SlurmRelease::ofStateHeader(header);
    }

    QString envImage() const
    {
        return onPrimary(QStringLiteral("sed -n 's/^SLURMDECK_SLURM_IMAGE=//p' %1/.env")
                             .arg(Shell::quote(primaryDirectory())));
    }

    bool deployWorks(const QString &release)
    {
        m_lab.cluster.settings.slurmRelease = release;
        if (!m_lab.replan())
            return false;
        QStringList log;
        const std::optional<DeployReport> report = m_lab.deploy(&log, true);
        if (!report || !report->ok()) {
            qWarning("%s", report ? qPrintable(describe(*report, log)) : "the deploy did not finish");
            return false;
        }
        return QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000);
    }

    // A deploy for `release` is refused on every host with `refusal`, before anything changes.
    void verifyRefused(const QString &release, const QString &refusal)
    {
        const QString imageBefore = envImage();
        m_lab.cluster.settings.slurmRelease = release;
        SLURMDECK_VERIFY_OK(m_lab.replan());
        QStringList log;
        const std::optional<DeployReport> report = m_lab.deploy(&log, true);
        QVERIFY(report);
        QVERIFY2(!report->ok(), qPrintable(describe(*report, log)));
        QCOMPARE(report->hosts.size(), 2);
        for (const HostDeployResult &host : report->hosts) {
            QCOMPARE(host.phase, DeployPhase::Failed);
            QVERIFY2(host.message.contains(refusal), qPrintable(describe(*report, log)));
        }
        QCOMPARE(envImage(), imageBefore); // nothing written
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY(m_lab.home.isValid());
        QVERIFY(m_lab.writeSshConfig());
        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("releasetest"), QStringLiteral("releasetest.yaml"),
                                          false, ClusterSecrets::generateMungeKey(),
                                          ClusterSecrets::generatePassword()));
        // primary (root, everything) and worker2 (alice, an ordinary user; computes).
        m_lab.cluster.hosts.removeIf(
            [](const SlurmDeck::Host &host) { return host.name != u"primary" && host.name != u"worker2"; });
        QCOMPARE(m_lab.cluster.hosts.size(), 2);
        for (Partition &partition : m_lab.cluster.partitions)
            partition.nodes.removeIf([this](const QString &node) {
                return node != Partition::allNodesKeyword() && !m_lab.cluster.findHost(node);
            });
        m_lab.cluster.partitions.removeIf(
            [](const Partition &partition) { return partition.nodes.isEmpty(); });
        SLURMDECK_VERIFY_OK(m_lab.replan());
        m_lab.tearDown(); // leftovers of a killed run
    }

    void cleanupTestCase() { m_lab.tearDown(); }

    void a2205ClusterIsNotMovedTo2411()
    {
        QVERIFY(deployWorks(QStringLiteral("22.05")));
        QCOMPARE(m_lab.slurm(QStringLiteral("scontrol --version")), QStringLiteral("slurm-wlm 22.05.8"));
        QCOMPARE(envImage(), QStringLiteral("slurmdeck/slurm:22.05"));
        // What the deploy reads of a controller's state: written by 22.05 itself.
        QVERIFY2(QTest::qWaitFor([this] { return stateRelease() == u"22.05"; }, 60000),
                 qPrintable(onPrimary(QStringLiteral("od -An -tu1 -N23 %1/data/slurmctld/node_state")
                                          .arg(Shell::quote(primaryDirectory())))));

        verifyRefused(QStringLiteral("24.11"),
                      QStringLiteral("Slurm does not support upgrading 22.05 to 24.11: 24.11 reads the "
                                     "controller's state and the accounting database only of 23.02, 23.11, "
                                     "24.05."));
        QCOMPARE(m_lab.slurm(QStringLiteral("scontrol --version")), QStringLiteral("slurm-wlm 22.05.8"));
        QVERIFY(m_lab.allNodesIdle());

        // Without the .env (as a remove that kept the data leaves it), the state still tells.
        QCOMPARE(onPrimary(QStringLiteral("rm %1/.env && echo gone").arg(Shell::quote(primaryDirectory()))),
                 QStringLiteral("gone"));
        verifyRefused(QStringLiteral("24.11"),
                      QStringLiteral("Slurm does not support upgrading 22.05 to 24.11"));
    }

    void aNewClusterRuns2411()
    {
        m_lab.tearDown(); // a new cluster: no state, no accounting data
        QVERIFY(deployWorks(QStringLiteral("24.11")));
        QCOMPARE(m_lab.slurm(QStringLiteral("scontrol --version")), QStringLiteral("slurm-wlm 24.11.5"));
        QCOMPARE(envImage(), QStringLiteral("slurmdeck/slurm:24.11"));
        QCOMPARE(onPrimary(QStringLiteral("grep ^CgroupPlugin= %1/etc/slurm/cgroup.conf")
                               .arg(Shell::quote(primaryDirectory()))),
                 QStringLiteral("CgroupPlugin=disabled"));
        QCOMPARE(m_lab.slurm(QStringLiteral("sinfo -h -N -o %N | sort | tr '\\n' ' '")).trimmed(),
                 QStringLiteral("primary worker2"));
        QCOMPARE(m_lab.slurm(QStringLiteral("srun -N2 -t 1 hostname | sort | tr '\\n' ' '")).trimmed(),
                 QStringLiteral("primary worker2"));
        QVERIFY2(QTest::qWaitFor([this] { return stateRelease() == u"24.11"; }, 60000),
                 qPrintable(stateRelease()));
    }

    void a2411ClusterIsNotMovedBack()
    {
        verifyRefused(QStringLiteral("22.05"), QStringLiteral("Slurm cannot go back from 24.11 to 22.05"));
        QCOMPARE(m_lab.slurm(QStringLiteral("scontrol --version")), QStringLiteral("slurm-wlm 24.11.5"));
        QVERIFY(m_lab.allNodesIdle());
    }
};

QTEST_GUILESS_MAIN(TestReleaseLab)
#include "tst_releaselab.moc"
