// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck-cli hosts remove on a deployed cluster of the lab's four hosts (issue 13): it
// refuses the controller host, stops at --wait while a job runs (the node stays drained),
// and otherwise drains the node, waits for its job to end, takes its containers down,
// drops it from the cluster file and deploys the rest, after which Slurm no longer knows
// it. The job it waited for ends COMPLETED. hosts add brings the host back while a job runs on
// every other node; the job ends COMPLETED, never restarted. A backup restored onto the
// cluster removed with its data and deployed again gives the same sacct rows and queue. An
// upgrade onto a rebuilt image restarts every daemon while a job runs to its end. Jobs that
// end while MariaDB and slurmdbd are stopped are in accounting once they are back. rotate-munge-key puts
// a new key on every host and in the keychain, and every node is idle again. Real sshd, Docker and Slurm; the
// CLI as a user runs it, with its secrets in a real keyring.
#include "LabCli.h"
#include "LabCluster.h"
#include "ResultTesting.h"
#include "secrets/ClusterSecrets.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SlurmDeck;

class TestCliHostsLab final : public QObject
{
    Q_OBJECT

private:
    using Run = Lab::CliRun;

    Lab::LabCluster m_lab;

    // slurmdeck-cli on the test's cluster as its user (own HOME, no agent).
    void startCli(QProcess &process, const QStringList &arguments) const
    {
        Lab::startCli(process, m_lab, QStringLiteral(SLURMDECK_CLI_EXE), arguments);
    }

    Run cli(const QStringList &arguments, int timeoutMs) const
    {
        return Lab::runCli(m_lab, QStringLiteral(SLURMDECK_CLI_EXE), arguments, timeoutMs);
    }

    QString slurm(const QString &command) const { return m_lab.slurm(command); }

    QString jobField(const QString &job, const QString &field) const
    {
        const QRegularExpression value(QStringLiteral("\\b%1=(\\S+)").arg(field));
        return value.match(slurm(QStringLiteral("scontrol show job ") + job)).captured(1);
    }

    QString submitOn(const QString &node, int seconds) const
    {
        static const QRegularExpression id(QStringLiteral("^(\\d+)"));
        const QString job =
            id
                .match(slurm(
                    QStringLiteral("sbatch --parsable -w %1 -t 5 --wrap 'sleep %2'").arg(node).arg(seconds)))
                .captured(1);
        if (!job.isEmpty() &&
            !QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"RUNNING"; }, 60000))
            qWarning("job %s did not start", qPrintable(job));
        return job;
    }

    QStringList projectContainers(const Lab::Host &host) const
    {
        const Result<ExecResult> listed =
            m_lab.onHost(host, QStringLiteral("%1 ps -q --filter label=com.docker.compose.project=%2")
                                   .arg(Shell::quote(host.docker), Shell::quote(m_lab.plan.projectName)));
        return listed ? QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)
                      : QStringList{listed.error().toString()};
    }

    // A file `name` in the test's HOME holding `line`, for --passphrase-file; empty on failure.
    QString passphraseFile(const QString &name, const QByteArray &line) const
    {
        const QString path = m_lab.home.filePath(name);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(line) == line.size() ? path : QString();
    }

    // `steps` (sh -c) as another machine runs them: its own HOME, configuration and keyring.
    static Run onAnotherMachine(const QTemporaryDir &home, const QString &steps)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_SOURCE_DIR "/tests/keyring-session.sh"),
                      {QStringLiteral("sh"), QStringLiteral("-c"), steps});
        process.closeWriteChannel();
        Run run;
        run.exitCode = process.waitForFinished(300000) ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    // Each host's deployed munge key, by its hash.
    QStringList deployedMungeKeys() const
    {
        QStringList hashes;
        for (const HostPlan &plan : m_lab.plan.hosts) {
            for (const Lab::Host &host : m_lab.hosts()) {
                if (host.name != plan.hostName)
                    continue;
                const Result<ExecResult> hash = m_lab.onHost(
                    host, QStringLiteral("sha256sum %1/secrets/munge.key").arg(Shell::quote(plan.directory)));
                hashes << (hash ? QString::fromUtf8(hash->standardOutput).section(u' ', 0, 0)
                                : hash.error().toString());
            }
        }
        return hashes;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY2(m_lab.hosts().size() >= 4, "the hosts lab test needs four lab hosts");
        QVERIFY(m_lab.home.isValid());
        QVERIFY(m_lab.writeSshConfig());
        // The CLI's deploy keeps its own secrets in the keyring; these are only the plan's.
        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("hoststest"), QStringLiteral("hoststest.yaml"),
                                          false, ClusterSecrets::generateMungeKey(),
                                          ClusterSecrets::generatePassword()));
        m_lab.tearDown();
        const Run deployed = cli({QStringLiteral("deploy"), QStringLiteral("--yes"),
                                  QStringLiteral("--images"), QStringLiteral("transfer")},
                                 900000);
        if (deployed.exitCode != 0)
            qWarning("deploy failed:\n%s\n--- stderr:\n%s", qPrintable(deployed.out),
                     qPrintable(deployed.err));
        QVERIFY2(deployed.exitCode == 0, deployed.text().constData());
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void cleanupTestCase() { m_lab.tearDown(); }

    void theControllerHostIsRefused()
    {
        const Run refused = cli({QStringLiteral("hosts"), QStringLiteral("remove"), m_lab.primary().name,
                                 QStringLiteral("--yes")},
                                120000);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("slurmctld")), refused.text().constData());
        QVERIFY(m_lab.allNodesIdle()); // nothing was drained
    }

    void runningJobStopsItAtTheWaitLimit()
    {
        const QString node = m_lab.hosts().at(1).name;
        const QString job = submitOn(node, 120);
        QVERIFY2(jobField(job, QStringLiteral("JobState")) == u"RUNNING",
                 qPrintable(slurm(QStringLiteral("squeue"))));
        const Run stopped = cli({QStringLiteral("hosts"), QStringLiteral("remove"), node,
                                 QStringLiteral("--wait"), QStringLiteral("4s"), QStringLiteral("--yes")},
                                120000);
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(QStringLiteral("still run on %1").arg(node)),
                 stopped.text().constData());
        QVERIFY2(stopped.err.contains(job), stopped.text().constData());
        // Still in the cluster, drained, the job untouched.
        QVERIFY(ClusterFile::load(m_lab.clusterFile())->findHost(node));
        QVERIFY2(slurm(QStringLiteral("sinfo -h -n %1 -o %T").arg(node)).startsWith(QStringLiteral("drain")),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        QCOMPARE(jobField(job, QStringLiteral("JobState")), QStringLiteral("RUNNING"));
        slurm(QStringLiteral("scancel ") + job);
        slurm(QStringLiteral("scontrol update nodename=%1 state=resume").arg(node));
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 60000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    // Another machine (its own HOME and keyring) adopts the cluster from its controller host
    // and operates it: its plan finds the hosts' munge key and database password unchanged,
    // so the secrets it copied are the cluster's; status, services and submit work.
    void aSecondMachineAdoptsTheCluster()
    {
        QTemporaryDir other;
        QVERIFY(other.isValid());
        QFile script(other.filePath(QStringLiteral("job.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nhostname\n");
        script.close();
        const QString program = Shell::quote(QStringLiteral(SLURMDECK_CLI_EXE));
        const QString ssh = QStringLiteral(" --ssh-config ") + Shell::quote(m_lab.sshConfig());
        const QString steps =
            QStringLiteral(
                "set -e; %1 adopt %2 --name hoststest --user root --identity %3%4 --yes; echo '== plan';"
                "%1 --cluster hoststest plan --diff%4; echo '== status'; %1 --cluster hoststest status%4;"
                "echo '== services'; %1 --cluster hoststest services%4; echo '== submit';"
                "%1 --cluster hoststest submit %5%4")
                .arg(program, m_lab.primary().address, Shell::quote(m_lab.manifest.clientKey()), ssh,
                     Shell::quote(script.fileName()));
        const Run adopted = onAnotherMachine(other, steps);
        const QString out = adopted.out;
        const QString text = out + adopted.err;
        QVERIFY2(adopted.exitCode == 0,
                 qPrintable(out.right(1200) + QStringLiteral("\nstderr: ") + adopted.err.right(2000)));
        QVERIFY2(out.contains(QStringLiteral("Adopted hoststest")), qPrintable(text));
        QVERIFY(QFile::exists(other.filePath(QStringLiteral(".config/SlurmDeck/clusters/hoststest.yaml"))));
        const QString plan =
            out.section(QStringLiteral("== plan"), 1).section(QStringLiteral("== status"), 0, 0);
        QCOMPARE(plan.count(QRegularExpression(QStringLiteral("unchanged\\s+secrets/munge.key"))),
                 m_lab.hosts().size());
        QCOMPARE(plan.count(QRegularExpression(QStringLiteral("unchanged\\s+secrets/db_password"))), 1);
        QVERIFY2(!plan.contains(QStringLiteral("changed   secrets")), qPrintable(plan));
        const QString submitted = out.section(QStringLiteral("== submit"), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("\\d+")).match(submitted).hasMatch(),
                 qPrintable(submitted));
        // The first machine's keychain and file are untouched and still work.
        const Run status = cli({QStringLiteral("status")}, 120000);
        QVERIFY2(status.exitCode == 0, status.text().constData());
    }

    // rotate-munge-key: a new key on every host, the keychain takes it (a later plan --diff
    // finds it unchanged), every node is idle again and a job spanning them all runs.
    void rotatingTheMungeKeyKeepsEveryNodeIdle()
    {
        const QStringList before = deployedMungeKeys();
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-2);
        QCOMPARE(before.size(), m_lab.hosts().size());
        QCOMPARE(QSet<QString>(before.cbegin(), before.cend()).size(), 1);
        const Run rotated = cli({QStringLiteral("rotate-munge-key"), QStringLiteral("--yes"),
                                 QStringLiteral("--images"), QStringLiteral("present")},
                                600000);
        QVERIFY2(rotated.exitCode == 0, rotated.text().right(4000).constData());
        QVERIFY2(rotated.out.contains(QStringLiteral("Munge key rotated on every host")),
                 rotated.text().constData());
        const QStringList after = deployedMungeKeys();
        QCOMPARE(QSet<QString>(after.cbegin(), after.cend()).size(), 1);
        QVERIFY2(after.first() != before.first(), qPrintable(after.first()));
        QVERIFY2(rotated.out.contains(QStringLiteral("munge key SHA-256 ") + after.first()),
                 rotated.text().constData());
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // Every slurmd runs, started since the rotation began (services --json). With -v the
        // commands sent to the hosts go to stderr; stdout stays JSON.
        const Run services =
            cli({QStringLiteral("services"), QStringLiteral("--json"), QStringLiteral("-v")}, 120000);
        QVERIFY2(services.exitCode == 0, services.text().constData());
        QVERIFY2(services.err.contains(
                     QStringLiteral("+ %1@%2: ").arg(m_lab.primary().user, m_lab.primary().address)) &&
                     services.err.contains(QLatin1String("docker")),
                 qPrintable(services.err.left(3000)));
        int slurmds = 0;
        for (const QJsonValue &host : QJsonDocument::fromJson(services.out.toUtf8()).array()) {
            QVERIFY2(host[QStringLiteral("reachable")].toBool(), services.text().constData());
            for (const QJsonValue &service : host[QStringLiteral("services")].toArray()) {
                if (service[QStringLiteral("service")].toString() != u"slurmd")
                    continue;
                ++slurmds;
                QCOMPARE(service[QStringLiteral("state")].toString(), QStringLiteral("running"));
                const QDateTime since =
                    QDateTime::fromString(service[QStringLiteral("since")].toString(), Qt::ISODate);
                QVERIFY2(since >= started, services.text().constData());
            }
        }
        QCOMPARE(slurmds, m_lab.hosts().size());
        const QString ran = slurm(QStringLiteral("srun -N%1 -t 1 hostname 2>/dev/null | sort -u | wc -l")
                                      .arg(m_lab.hosts().size()));
        QCOMPARE(ran.trimmed(), QString::number(m_lab.hosts().size()));
        // The keychain has the new key: the next plan finds every host's key unchanged.
        const Run diff = cli({QStringLiteral("plan"), QStringLiteral("--diff")}, 300000);
        QVERIFY2(diff.exitCode == 0, diff.text().constData());
        QCOMPARE(diff.out.count(QRegularExpression(QStringLiteral("unchanged\\s+secrets/munge.key"))),
                 m_lab.hosts().size());
    }

    // Ctrl+C during a deploy: the hosts finish their step, the summary is printed, the exit
    // code is 130; a deploy run again finishes the job.
    void ctrlCDuringADeployCancelsItWith130()
    {
        QProcess process;
        startCli(process, {QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                           QStringLiteral("present")});
        process.closeWriteChannel();
        QString out;
        // The first host phase line: the deploy is under way on the hosts.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += QString::fromUtf8(process.readAllStandardOutput());
                         return out.contains(QStringLiteral("%1: ").arg(m_lab.primary().name));
                     },
                     60000),
                 qPrintable(out));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(300000));
        out += QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 130,
                 qPrintable(out.right(3000) + err));
        QVERIFY2(out.contains(QStringLiteral("Summary:")), qPrintable(out.right(3000)));
        QVERIFY2(err.contains(QStringLiteral("The deploy was interrupted")), qPrintable(err));
        const Run again = cli({QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                               QStringLiteral("present")},
                              600000);
        QVERIFY2(again.exitCode == 0, again.text().right(4000).constData());
    }

    void removingAHostDrainsWaitsAndTakesItOut()
    {
        // The deploy before (finishing an interrupted one) restarted daemons: start from a
        // cluster whose nodes all answer again.
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        const Lab::Host &leaving = m_lab.hosts().at(3);
        const QString job = submitOn(leaving.name, 15);
        QVERIFY2(jobField(job, QStringLiteral("JobState")) == u"RUNNING",
                 qPrintable(slurm(QStringLiteral("squeue"))));
        const Run removed = cli({QStringLiteral("hosts"), QStringLiteral("remove"), leaving.name,
                                 QStringLiteral("--wait"), QStringLiteral("3m"), QStringLiteral("--images"),
                                 QStringLiteral("transfer"), QStringLiteral("--yes")},
                                900000);
        if (removed.exitCode != 0) // QTest cuts long messages: the whole run, for the log
            qWarning("hosts remove failed:\n%s\n--- stderr:\n%s", qPrintable(removed.out),
                     qPrintable(removed.err));
        QVERIFY2(removed.exitCode == 0, removed.text().right(6000).constData());
        QVERIFY2(removed.out.contains(
                     QStringLiteral("Waiting for the jobs on %1 to end: %2").arg(leaving.name, job)),
                 removed.text().constData());
        QVERIFY2(removed.out.contains(QStringLiteral("node %1 removed").arg(leaving.name)),
                 removed.text().constData());
        // The job ran to its end; Slurm, the file and the host no longer have the node.
        QCOMPARE(jobField(job, QStringLiteral("JobState")), QStringLiteral("COMPLETED"));
        QCOMPARE(jobField(job, QStringLiteral("Restarts")), QStringLiteral("0"));
        const Result<Cluster> file = ClusterFile::load(m_lab.clusterFile());
        SLURMDECK_VERIFY_OK(file);
        QCOMPARE(file->hosts.size(), m_lab.hosts().size() - 1);
        QVERIFY(!file->findHost(leaving.name));
        const QString nodes = slurm(QStringLiteral("sinfo -h -N -o %N | sort -u"));
        QVERIFY2(!nodes.split(u'\n').contains(leaving.name), qPrintable(nodes));
        QCOMPARE(projectContainers(leaving), QStringList());
        QVERIFY2(m_lab.allNodesIdle(), qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void addingAHostKeepsTheJobsRunning()
    {
        // The host removed above joins again with hosts add, by its address as a user types it,
        // while a job runs on every other node.
        const Lab::Host &joining = m_lab.hosts().at(3);
        const Result<Cluster> before = ClusterFile::load(m_lab.clusterFile());
        SLURMDECK_VERIFY_OK(before);
        QVERIFY(!before->findHost(joining.name));
        static const QRegularExpression id(QStringLiteral("^(\\d+)"));
        const QString job =
            id.match(slurm(QStringLiteral("sbatch --parsable -N %1 -t 5 --wrap 'srun sleep 40'")
                               .arg(before->hosts.size())))
                .captured(1);
        QVERIFY2(
            QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) == u"RUNNING"; }, 60000),
            qPrintable(slurm(QStringLiteral("squeue"))));
        const QString target =
            joining.user == u"root" ? joining.address : joining.user + u'@' + joining.address;
        const Run added =
            cli({QStringLiteral("hosts"), QStringLiteral("add"), target, QStringLiteral("--identity"),
                 m_lab.manifest.clientKey(), QStringLiteral("--images"), QStringLiteral("transfer"),
                 QStringLiteral("--yes")},
                900000);
        if (added.exitCode != 0)
            qWarning("hosts add failed:\n%s\n--- stderr:\n%s", qPrintable(added.out), qPrintable(added.err));
        QVERIFY2(added.exitCode == 0, added.text().right(6000).constData());
        QVERIFY2(added.out.contains(QStringLiteral("Adding to the cluster hoststest:\n  %1 (%2): compute;")
                                        .arg(joining.name, joining.address)),
                 added.text().constData());
        // In the file as a compute host reached as the user named it; Slurm has it idle.
        const Result<Cluster> after = ClusterFile::load(m_lab.clusterFile());
        SLURMDECK_VERIFY_OK(after);
        const Host *host = after->findHost(joining.name);
        QVERIFY(host);
        QCOMPARE(host->roles, HostRoles(HostRole::Compute));
        QCOMPARE(host->address, joining.address);
        QCOMPARE(host->user, joining.user == u"root" ? QString() : joining.user);
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return slurm(QStringLiteral("sinfo -h -n %1 -o %T").arg(joining.name)) == u"idle"; },
                60000),
            qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // The job ran on through the deploy and ended by itself.
        QVERIFY2(
            QTest::qWaitFor([&] { return jobField(job, QStringLiteral("JobState")) != u"RUNNING"; }, 120000),
            qPrintable(slurm(QStringLiteral("squeue"))));
        QCOMPARE(jobField(job, QStringLiteral("JobState")), QStringLiteral("COMPLETED"));
        QCOMPARE(jobField(job, QStringLiteral("Restarts")), QStringLiteral("0"));
        // Again: the host is there already, its facts are refreshed and nothing else changes.
        const Run again =
            cli({QStringLiteral("hosts"), QStringLiteral("add"), target, QStringLiteral("--identity"),
                 m_lab.manifest.clientKey(), QStringLiteral("--images"), QStringLiteral("present"),
                 QStringLiteral("--yes")},
                600000);
        QVERIFY2(again.exitCode == 0, again.text().right(4000).constData());
        QVERIFY2(again.out.contains(QStringLiteral("%1 is in the cluster already").arg(joining.name)),
                 again.text().constData());
        SLURMDECK_VERIFY_OK(ClusterFile::load(m_lab.clusterFile()));
        QCOMPARE(ClusterFile::load(m_lab.clusterFile())->hosts.size(), after->hosts.size());
    }

    void upgradeMovesEveryDaemonToARebuiltImageWithoutLosingAJob()
    {
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // A rebuilt Slurm image on every host: the same name, another image.
        const QString image = QStringLiteral("slurmdeck/slurm:22.05");
        const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
        QHash<QString, QString> rebuilt;
        for (const Lab::Host &host : m_lab.hosts()) {
            const QString docker = Shell::quote(host.docker);
            const Result<ExecResult> built = m_lab.onHost(
                host, QStringLiteral(
                          "printf 'FROM %1\\nLABEL org.slurmdeck.test.rebuilt=%2\\n' | %3 build -q -t %1 - "
                          "&& %3 image inspect -f '{{.Id}}' %1")
                          .arg(image, stamp, docker));
            SLURMDECK_VERIFY_OK(built);
            QVERIFY2(built->succeeded(), built->standardError.constData());
            rebuilt.insert(host.name, QString::fromUtf8(built->standardOutput).trimmed().section(u'\n', -1));
        }
        const QString busy = m_lab.hosts().at(1).name;
        const QString job = submitOn(busy, 25);
        QVERIFY2(jobField(job, QStringLiteral("JobState")) == u"RUNNING",
                 qPrintable(slurm(QStringLiteral("squeue"))));

        const Run upgraded =
            cli({QStringLiteral("upgrade"), QStringLiteral("--images"), QStringLiteral("present"),
                 QStringLiteral("--wait"), QStringLiteral("3m"), QStringLiteral("--yes")},
                900000);
        if (upgraded.exitCode != 0)
            qWarning("upgrade failed:\n%s\n--- stderr:\n%s", qPrintable(upgraded.out),
                     qPrintable(upgraded.err));
        QVERIFY2(upgraded.exitCode == 0, upgraded.text().right(5000).constData());
        QVERIFY2(upgraded.out.contains(QStringLiteral("%1: upgrading slurmd").arg(busy)),
                 upgraded.text().constData());
        QVERIFY2(upgraded.out.contains(QStringLiteral("runs on the new images")),
                 upgraded.text().constData());
        // The job on the drained node ran to its end, never requeued.
        QCOMPARE(jobField(job, QStringLiteral("JobState")), QStringLiteral("COMPLETED"));
        QCOMPARE(jobField(job, QStringLiteral("Restarts")), QStringLiteral("0"));
        // Every Slurm daemon runs the rebuilt image; every node is back in service.
        for (const Lab::Host &host : m_lab.hosts()) {
            const Result<ExecResult> images = m_lab.onHost(
                host, QStringLiteral(
                          "for c in $(%1 ps -q --filter label=com.docker.compose.project=%2); do %1 inspect "
                          "-f '{{index .Config.Labels \"com.docker.compose.service\"}} {{.Image}}' $c; done")
                          .arg(Shell::quote(host.docker), Shell::quote(m_lab.plan.projectName)));
            SLURMDECK_VERIFY_OK(images);
            for (const QString &line :
                 QString::fromUtf8(images->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
                if (line.startsWith(QLatin1String("slurm")))
                    QVERIFY2(line.endsWith(rebuilt.value(host.name)), qPrintable(host.name + u": " + line));
            }
        }
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void backupThenRestoreOntoARedeployedCluster()
    {
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // History (a job that ran, one that failed) and a queue (a held job).
        slurm(QStringLiteral("srun -J backed-up-ok true; srun -J backed-up-fail false"));
        static const QRegularExpression id(QStringLiteral("^(\\d+)"));
        const QString held =
            id.match(slurm(QStringLiteral("sbatch --parsable --hold -J held-in-queue --wrap true")))
                .captured(1);
        QVERIFY(!held.isEmpty());
        const QString rows =
            QStringLiteral("sacct -a -X -n -P -S 2020-01-01 -o JobID,JobName,State,ExitCode");
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return slurm(rows).contains(QStringLiteral("backed-up-fail|FAILED")) &&
                                slurm(QStringLiteral("squeue -h -j %1 -o %T").arg(held)) == u"PENDING";
                     },
                     60000),
                 qPrintable(slurm(rows)));
        const QString before = slurm(rows);

        const QString file = m_lab.home.filePath(QStringLiteral("hoststest-backup.tar"));
        const QString passphrase = passphraseFile(QStringLiteral("passphrase"), "a passphrase for the lab\n");
        QVERIFY(!passphrase.isEmpty());
        const Run backedUp = cli({QStringLiteral("backup"), file, QStringLiteral("--with-secrets"),
                                  QStringLiteral("--passphrase-file"), passphrase},
                                 600000);
        QVERIFY2(backedUp.exitCode == 0, backedUp.text().constData());
        QVERIFY2(backedUp.out.contains(QStringLiteral("accounting database dumped")),
                 backedUp.text().constData());
        QVERIFY2(backedUp.out.contains(QStringLiteral("Wrote %1").arg(file)) &&
                     backedUp.out.contains(QStringLiteral("sealed with your passphrase")),
                 backedUp.text().constData());
        const Run again = cli({QStringLiteral("backup"), file}, 60000);
        QCOMPARE(again.exitCode, 1); // never over an existing file without --force

        // A fresh cluster of the same name: its data removed, deployed anew.
        const Run removed =
            cli({QStringLiteral("remove"), QStringLiteral("--purge-data"), QStringLiteral("--yes")}, 600000);
        QVERIFY2(removed.exitCode == 0, removed.text().constData());
        const Run deployed = cli({QStringLiteral("deploy"), QStringLiteral("--yes"),
                                  QStringLiteral("--images"), QStringLiteral("present")},
                                 900000);
        QVERIFY2(deployed.exitCode == 0, deployed.text().right(4000).constData());
        QVERIFY2(!slurm(rows).contains(QStringLiteral("backed-up-ok")), qPrintable(slurm(rows)));

        const Run restored = cli({QStringLiteral("restore"), file, QStringLiteral("--yes")}, 600000);
        if (restored.exitCode != 0)
            qWarning("restore failed:\n%s\n--- stderr:\n%s", qPrintable(restored.out),
                     qPrintable(restored.err));
        QVERIFY2(restored.exitCode == 0, restored.text().constData());
        // The same accounting rows, and the held job queued again.
        QVERIFY2(QTest::qWaitFor([&] { return slurm(rows) == before; }, 120000),
                 qPrintable(QStringLiteral("before:\n%1\nafter:\n%2").arg(before, slurm(rows))));
        QCOMPARE(slurm(QStringLiteral("squeue -h -j %1 -o %T").arg(held)), QStringLiteral("PENDING"));
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));

        // The sealed secrets: refused with another passphrase; with the right one, another
        // machine's empty keychain gets the secrets the hosts run with (its plan changes none).
        const QString wrong = passphraseFile(QStringLiteral("wrong-passphrase"), "not the passphrase\n");
        QVERIFY(!wrong.isEmpty());
        const Run refused = cli({QStringLiteral("restore"), file, QStringLiteral("--secrets-only"),
                                 QStringLiteral("--passphrase-file"), wrong},
                                120000);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("passphrase is wrong")), refused.text().constData());
        QTemporaryDir other;
        QVERIFY(other.isValid());
        const QString clusterCopy = other.filePath(QStringLiteral("hoststest.yaml"));
        QVERIFY(QFile::copy(m_lab.clusterFile(), clusterCopy));
        const QString program = Shell::quote(QStringLiteral(SLURMDECK_CLI_EXE));
        const QString cluster = QStringLiteral(" --cluster ") + Shell::quote(clusterCopy);
        const QString ssh = QStringLiteral(" --ssh-config ") + Shell::quote(m_lab.sshConfig());
        const Run unsealed = onAnotherMachine(
            other,
            QStringLiteral("set -e; %1%2 restore %3 --secrets-only --passphrase-file %4%5; echo '== plan';"
                           "%1%2 plan --diff%5")
                .arg(program, cluster, Shell::quote(file), Shell::quote(passphrase), ssh));
        const QString out = unsealed.out;
        QVERIFY2(unsealed.exitCode == 0, qPrintable(out.right(1500) + unsealed.err.right(1500)));
        QVERIFY2(out.contains(QStringLiteral("are in this machine's keychain")), qPrintable(out));
        const QString plan = out.section(QStringLiteral("== plan"), 1);
        QCOMPARE(plan.count(QRegularExpression(QStringLiteral("unchanged\\s+secrets/munge.key"))),
                 m_lab.hosts().size());
        QCOMPARE(plan.count(QRegularExpression(QStringLiteral("unchanged\\s+secrets/db_password"))), 1);
    }

    void accountingSurvivesADatabaseOutage()
    {
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // MariaDB and slurmdbd stop (as an upgrade or a host reboot stops them) while jobs run
        // and end: slurmctld keeps their records and hands them over once slurmdbd is back.
        const QString database = m_lab.primary().name;
        for (const QString &service : {QStringLiteral("slurmdbd"), QStringLiteral("mariadb")}) {
            const Run stopped =
                cli({QStringLiteral("services"), database, QStringLiteral("stop"), service}, 180000);
            QVERIFY2(stopped.exitCode == 0, stopped.text().constData());
        }
        slurm(QStringLiteral("srun -J during-outage-1 true; srun -N2 -J during-outage-2 true"));
        for (const QString &service : {QStringLiteral("mariadb"), QStringLiteral("slurmdbd")}) {
            const Run started =
                cli({QStringLiteral("services"), database, QStringLiteral("start"), service}, 300000);
            QVERIFY2(started.exitCode == 0, started.text().constData());
        }
        const QString rows = QStringLiteral(
            "sacct -a -X -n -P -S now-3600 -o JobName,State --name during-outage-1,during-outage-2");
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const QString now = slurm(rows);
                         return now.contains(QStringLiteral("during-outage-1|COMPLETED")) &&
                                now.contains(QStringLiteral("during-outage-2|COMPLETED"));
                     },
                     180000),
                 qPrintable(slurm(rows)));
    }
};

QTEST_GUILESS_MAIN(TestCliHostsLab)
#include "tst_clihostslab.moc"
