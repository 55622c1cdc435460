// SPDX-License-Identifier: GPL-3.0-or-later
// Changing a deployed cluster while it works (issue 13): a job running on three nodes
// survives a fourth host and a partition being added (slurmctld restarts, slurmd restarts
// inside its container), a partition change is a plain `scontrol reconfigure` that restarts
// no container, and the deploy's checks pass on the busy cluster. A change to slurmd's
// Compose settings leaves the container of a node with a running job alone until a later
// deploy. Real Slurm on the lab's hosts; the cluster file changes as a user would change it.
#include "LabCluster.h"
#include "ResultTesting.h"
#include "plan/ClusterPlanner.h"
#include "secrets/ClusterSecrets.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace SlurmDeck;

class TestLiveChangeLab final : public QObject
{
    Q_OBJECT

private:
    Lab::LabCluster m_lab;
    SlurmDeck::Host m_fourth; // taken out at first, added while a job runs

    QString slurm(const QString &command) const { return m_lab.slurm(command); }

    QString describe(const DeployReport &report, const QStringList &log) const
    {
        QStringList text = log.mid(std::max<qsizetype>(0, log.size() - 40));
        for (const HostDeployResult &host : report.hosts)
            text << QStringLiteral("%1: %2 %3 restarted: %4")
                        .arg(host.host, phaseText(host.phase), host.message,
                             host.restartedServices.join(u','));
        for (const VerificationCheck &check : report.checks)
            text << QStringLiteral("check %1 %2: %3")
                        .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name,
                             check.detail);
        return text.join(u'\n');
    }

    // "host/service" -> when that Slurm container of the cluster last started.
    QHash<QString, QString> containerStarts() const
    {
        QHash<QString, QString> starts;
        for (const Lab::Host &host : m_lab.hosts()) {
            if (!m_lab.targets.contains(host.name)) // not in the cluster (yet)
                continue;
            const QString docker = Shell::quote(host.docker);
            const Result<ExecResult> listed = m_lab.onHost(
                host, QStringLiteral("for c in $(%1 ps -q --filter label=com.docker.compose.project=%2); do "
                                     "%1 inspect -f '{{index .Config.Labels \"com.docker.compose.service\"}} "
                                     "{{.State.StartedAt}}' $c; done")
                          .arg(docker, Shell::quote(m_lab.plan.projectName)));
            if (!listed) {
                starts.insert(host.name, listed.error().toString());
                continue;
            }
            for (const QString &line :
                 QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
                if (line.startsWith(QLatin1String("slurm")))
                    starts.insert(host.name + u'/' + line.section(u' ', 0, 0), line.section(u' ', 1));
            }
        }
        return starts;
    }

    // sbatch on the controller; the job id.
    QString submit(const QString &arguments) const
    {
        const QString answer = slurm(QStringLiteral("sbatch --parsable ") + arguments);
        static const QRegularExpression id(QStringLiteral("^(\\d+)"));
        return id.match(answer).captured(1);
    }

    QString jobField(const QString &job, const QString &field) const
    {
        const QString shown = slurm(QStringLiteral("scontrol show job ") + job);
        const QRegularExpression value(QStringLiteral("\\b%1=(\\S+)").arg(field));
        return value.match(shown).captured(1);
    }

    std::optional<DeployReport> deploy(QStringList *log)
    {
        QElapsedTimer timer;
        timer.start();
        std::optional<DeployReport> report = m_lab.deploy(log, true);
        qInfo("deploy: %lld ms", timer.elapsed());
        return report;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY2(m_lab.hosts().size() >= 4, "the live-change lab test needs four lab hosts");
        QVERIFY(m_lab.home.isValid());
        QVERIFY(m_lab.writeSshConfig());
        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("livetest"), QStringLiteral("livetest.yaml"), false,
                                          ClusterSecrets::generateMungeKey(),
                                          ClusterSecrets::generatePassword()));
        m_lab.tearDown(); // leftovers of a killed run, on all four hosts
        // Three hosts first; the QNAP-like one joins later.
        m_fourth = m_lab.cluster.hosts.takeAt(2);
        for (Partition &partition : m_lab.cluster.partitions)
            partition.nodes.removeAll(m_fourth.name);
        SLURMDECK_VERIFY_OK(m_lab.replan());
        QCOMPARE(m_lab.plan.hosts.size(), 3);

        QStringList log;
        const std::optional<DeployReport> first = deploy(&log);
        QVERIFY(first);
        QVERIFY2(first->ok(), qPrintable(describe(*first, log)));
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void cleanupTestCase()
    {
        SLURMDECK_VERIFY_OK(m_lab.replan()); // the plan with every host the test added
        m_lab.tearDown();
    }

    void partitionChangeIsAReconfigureThatRestartsNothing()
    {
        const QHash<QString, QString> before = containerStarts();
        m_lab.cluster.partitions[0].maxTime = QStringLiteral("1-12:00:00");
        SLURMDECK_VERIFY_OK(m_lab.replan());
        QStringList log;
        const std::optional<DeployReport> report = deploy(&log);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(describe(*report, log)));
        QCOMPARE(report->slurmConfig.apply, SlurmConfChange::Apply::Reconfigure);
        for (const HostDeployResult &host : report->hosts) {
            QStringList files{QStringLiteral("etc/slurm/slurm.conf")};
            if (host.host == m_lab.primary().name) // the controller keeps the cluster's description
                files << ClusterPlanner::clusterDescriptionFile();
            QCOMPARE(host.changedFiles, files);
            QVERIFY2(host.restartedServices.isEmpty(), qPrintable(describe(*report, log)));
        }
        QVERIFY(!before.isEmpty());
        QCOMPARE(containerStarts(), before);
        // slurmctld took it without a restart.
        const QString partition =
            slurm(QStringLiteral("scontrol show partition ") + m_lab.cluster.partitions[0].name);
        QVERIFY2(partition.contains(QStringLiteral("MaxTime=1-12:00:00")), qPrintable(partition));
    }

    void jobSurvivesAHostAndAPartitionAdded()
    {
        const QString job = submit(QStringLiteral("-N3 -t 5 -J live-change --wrap 'sleep 45'"));
        QVERIFY2(!job.isEmpty(), qPrintable(slurm(QStringLiteral("squeue"))));
        QVERIFY2(
            QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"RUNNING"; }, 60000),
            qPrintable(slurm(QStringLiteral("scontrol show job ") + job)));
        const QHash<QString, QString> before = containerStarts();

        m_lab.cluster.hosts.insert(2, m_fourth);
        Partition extra;
        extra.name = QStringLiteral("fourth");
        extra.nodes = {m_fourth.name};
        m_lab.cluster.partitions << extra;
        SLURMDECK_VERIFY_OK(m_lab.replan());
        QStringList log;
        const std::optional<DeployReport> report = deploy(&log);
        QVERIFY(report);
        // Exit 0 on a busy cluster: the three nodes are allocated, the new one runs the test job.
        QVERIFY2(report->ok(), qPrintable(describe(*report, log)));
        QCOMPARE(report->slurmConfig.apply, SlurmConfChange::Apply::RestartDaemons);
        QVERIFY2(report->slurmConfig.reasons.contains(QStringLiteral("node %1 added").arg(m_fourth.name)),
                 qPrintable(report->slurmConfig.reasons.join(u'|')));
        QVERIFY2(jobField(job, QStringLiteral("JobState")) == u"RUNNING",
                 qPrintable(slurm(QStringLiteral("scontrol show job ") + job)));

        // No container of the three first hosts restarted; slurmd did, in its container.
        const QHash<QString, QString> after = containerStarts();
        const QString slurmctld = m_lab.primary().name + QStringLiteral("/slurmctld");
        QVERIFY(before.contains(slurmctld) &&
                before.contains(m_lab.primary().name + QStringLiteral("/slurmd")));
        QVERIFY2(after.value(slurmctld) != before.value(slurmctld), "slurmctld's container restarted");
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key() != slurmctld)
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        for (const HostDeployResult &host : report->hosts) {
            if (host.host != m_fourth.name)
                QVERIFY2(host.restartedServices.contains(QStringLiteral("slurmd")),
                         qPrintable(describe(*report, log)));
        }

        // The job ends as it would have, never requeued; the new node is idle.
        QVERIFY2(QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"COMPLETED"; },
                                 120000),
                 qPrintable(slurm(QStringLiteral("scontrol show job ") + job)));
        QCOMPARE(jobField(job, QStringLiteral("Restarts")), QStringLiteral("0"));
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 60000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        const QString partition = slurm(QStringLiteral("sinfo -h -p fourth -o '%D %T'"));
        QCOMPARE(partition, QStringLiteral("1 idle"));
    }

    void busySlurmdKeepsItsContainerUntilItsJobsEnd()
    {
        // slurmd's Compose settings change (as a newer SlurmDeck's templates would change
        // them): a new container would kill the job steps in the old one.
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 60000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        const QString busy = m_lab.hosts().at(1).name;
        const QString job = submit(QStringLiteral("-w %1 -t 5 -J busy-node --wrap 'sleep 40'").arg(busy));
        QVERIFY2(
            QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"RUNNING"; }, 60000),
            qPrintable(slurm(QStringLiteral("scontrol show job ") + job)));
        const QHash<QString, QString> before = containerStarts();
        const QByteArray setting = "SLURM_NODENAME: ${SLURM_NODENAME:?set SLURM_NODENAME in .env}";
        for (HostPlan &host : m_lab.plan.hosts) {
            for (RenderedFile &file : host.files) {
                if (file.path == u"compose.yml") {
                    QVERIFY(file.content.contains(setting));
                    file.content.replace(setting,
                                         QByteArray(setting + "\n      SLURMDECK_TEST_CHANGE: \"1\""));
                }
            }
        }
        QStringList log;
        const std::optional<DeployReport> report = deploy(&log);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(describe(*report, log)));
        const QHash<QString, QString> after = containerStarts();
        for (const HostDeployResult &host : report->hosts) {
            const QString slurmd = host.host + QStringLiteral("/slurmd");
            if (host.host == busy) {
                QCOMPARE(host.keptServices, QStringList{QStringLiteral("slurmd")});
                QCOMPARE(after.value(slurmd), before.value(slurmd));
            } else {
                QVERIFY2(host.keptServices.isEmpty(), qPrintable(host.host));
                QVERIFY2(after.value(slurmd) != before.value(slurmd), qPrintable(slurmd + u" not recreated"));
            }
        }
        const QRegularExpression kept(
            QStringLiteral("^%1: slurmd keeps its container: \\d job step").arg(busy));
        QVERIFY2(log.filter(kept).size() == 1, qPrintable(log.join(u'\n')));
        QVERIFY2(QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"COMPLETED"; },
                                 120000),
                 qPrintable(slurm(QStringLiteral("scontrol show job ") + job)));
        QCOMPARE(jobField(job, QStringLiteral("Restarts")), QStringLiteral("0"));

        // The change is owed: the next deploy, on an idle node, makes the new container; the
        // one after has nothing left to do there.
        QStringList again;
        const std::optional<DeployReport> idle = deploy(&again);
        QVERIFY(idle);
        QVERIFY2(idle->ok(), qPrintable(describe(*idle, again)));
        const QString busySlurmd = busy + QStringLiteral("/slurmd");
        QVERIFY2(containerStarts().value(busySlurmd) != after.value(busySlurmd),
                 qPrintable(again.join(u'\n')));
        QStringList last;
        const std::optional<DeployReport> settled = deploy(&last);
        QVERIFY(settled);
        QVERIFY2(settled->ok() && settled->nothingChanged, qPrintable(describe(*settled, last)));
    }
};

QTEST_GUILESS_MAIN(TestLiveChangeLab)
#include "tst_livechangelab.moc"
