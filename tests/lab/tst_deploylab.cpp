// SPDX-License-Identifier: GPL-3.0-or-later
// SlurmDeck deploys the cluster onto the lab's emulated hosts (only sshd and Docker on
// them) with its own deploy engine, and the cluster works: every node idle, a job across
// all nodes, accounting, every Prometheus target up. Also: an unreachable host fails alone
// and a re-run completes it; a re-run with no change changes nothing; a slurm.conf change
// touches only that file and the services reading it; a service can be stopped and
// started; the database password shows up in no log, inspect output or command line.
#include "LabCleanup.h"
#include "LabManifest.h"
#include "ResultTesting.h"
#include "deploy/DeployRunner.h"
#include "deploy/HostDeployer.h"
#include "inventory/DefaultRoles.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace SlurmDeck;

class TestDeployLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    Cluster m_cluster;
    PlanInputs m_inputs;
    QStringList m_log;

    SshTarget targetFor(const Lab::Host &host) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = host.user; // root, or the lab's ordinary user (docker group, no sudo)
        target.identityFile = m_lab.clientKey();
        target.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        target.userKnownHostsFile = m_lab.knownHosts();
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return target;
    }

    QHash<QString, SshTarget> targets() const
    {
        QHash<QString, SshTarget> all;
        for (const Lab::Host &host : m_lab.hosts)
            all.insert(host.name, targetFor(host));
        return all;
    }

    QString m_templates = QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates");

    ClusterPlan plan() const
    {
        const Result<ClusterPlan> planned =
            ClusterPlanner(TemplateSource(m_templates)).plan(m_cluster, m_inputs);
        return planned ? *planned : ClusterPlan{};
    }

    DeployReport deploy(const QHash<QString, SshTarget> &logins, bool verify = true)
    {
        DeployRunner runner(plan(), logins, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                            nullptr);
        QSignalSpy finished(&runner, &DeployRunner::finished);
        connect(&runner, &DeployRunner::logLine, this, [this](const QString &host, const QString &line) {
            m_log << host + QStringLiteral(": ") + line;
        });
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.verify = verify;
        runner.start(options);
        if (!finished.wait(900000))
            return {};
        return finished.first().first().value<DeployReport>();
    }

    static QByteArray describe(const DeployReport &report)
    {
        QString text;
        for (const HostDeployResult &host : report.hosts)
            text += QStringLiteral("\n  %1: %2 %3 changed: %4 started: %5 restarted: %6 loaded: %7")
                        .arg(host.host, phaseText(host.phase), host.message, host.changedFiles.join(u','),
                             host.startedServices.join(u','), host.restartedServices.join(u','),
                             host.imagesLoaded.join(u','));
        for (const VerificationCheck &check : report.checks)
            text += QStringLiteral("\n  [%1] %2: %3")
                        .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name,
                             check.detail);
        return text.toUtf8();
    }

    const HostDeployResult *result(const DeployReport &report, const QString &host) const
    {
        for (const HostDeployResult &entry : report.hosts) {
            if (entry.host == host)
                return &entry;
        }
        return nullptr;
    }

    Lab::Host labHost(const QString &name) const
    {
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            if (host.name == name)
                return host;
        }
        return Lab::Host{};
    }

    // `command` on `host`, logged in as the deploy does; `asRoot`: as root (the lab allows
    // it everywhere), to see every process of the host.
    Result<ExecResult> onHost(const Lab::Host &host, const QString &command, bool asRoot = false)
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshTarget target = targetFor(host);
        if (asRoot)
            target.user = QStringLiteral("root");
        SshConnection connection(target, &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    // Removes the cluster's containers (by compose project label, so it works even when the
    // project directory is gone) and its directories.
    // What a partition change replaces on `host`: slurm.conf, and on the controller host
    // (the first) the cluster description too.
    QStringList partitionChangeFiles(const QString &host) const
    {
        QStringList files{QStringLiteral("etc/slurm/slurm.conf")};
        if (host == m_lab.hosts.first().name)
            files << ClusterPlanner::clusterDescriptionFile();
        return files;
    }

    void tearDownCluster()
    {
        const ClusterPlan current = plan();
        for (const HostPlan &host : current.hosts) {
            for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
                if (labHost.name != host.hostName)
                    continue;
                const QString docker = Shell::quote(labHost.docker);
                const Result<ExecResult> down = onHost(
                    labHost, QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                            "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; %3")
                                 .arg(docker, Shell::quote(current.projectName),
                                      Lab::removeDirectoryCommand(labHost.docker, host.directory)));
                Q_UNUSED(down);
            }
        }
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY2(m_lab.hosts.size() >= 4,
                 "the deploy test needs four lab hosts: a primary and three workers");
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();

        // The seed's topology on the lab: the first host runs everything, the others compute;
        // one uses the macOS override's networking, the QNAP-like one its own Docker path.
        m_cluster.name = QStringLiteral("deploytest");
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = labHost.name;
            host.address = labHost.address;
            host.user = labHost.user;
            host.detected.loginUid = labHost.uid;
            host.detected.home = labHost.home;
            host.detected.platform = Lab::platformOf(labHost);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            m_cluster.hosts << host;
        }
        m_cluster.hosts[1].platformOverride = Platform::MacOS;
        assignDefaultRoles(m_cluster);
        m_inputs.mungeKey = ClusterSecrets::generateMungeKey();
        m_inputs.databasePassword = ClusterSecrets::generatePassword();
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts))
            m_inputs.networkAddresses.insert(labHost.name, labHost.address);
        tearDownCluster(); // leftovers of a killed run
    }

    void cleanupTestCase() { tearDownCluster(); }

    // What an ordinary user's host lacks is found before anything is written to any host,
    // and the error names the fix: a login outside the docker group, a remote_directory the
    // login cannot write.
    void preflightRefusalsWriteNothing()
    {
        Lab::Host userHost;
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            if (host.user != u"root")
                userHost = host;
        }
        QVERIFY2(!userHost.name.isEmpty(), "the lab has no host reached as an ordinary user");
        const auto restore = qScopeGuard(
            [this] { m_cluster.settings.remoteDirectory = ClusterSettings::defaultRemoteDirectory(); });
        const auto nothingWritten = [this](const QString &what) {
            for (const HostPlan &host : plan().hosts) {
                // At most the shared-directory check's markers.
                const Result<ExecResult> found = onHost(
                    labHost(host.hostName),
                    QStringLiteral("ls -A %1 2>/dev/null | grep -v '^[.]slurmdeck-host[.]' || echo absent")
                        .arg(Shell::quote(host.directory)),
                    true);
                SLURMDECK_VERIFY_OK(found);
                QVERIFY2(found->standardOutput.trimmed() == "absent",
                         qPrintable(QStringLiteral("%1: %2 was written after %3")
                                        .arg(host.hostName, host.directory, what)));
            }
        };

        QHash<QString, SshTarget> logins = targets();
        logins[userHost.name].user = QStringLiteral("nodocker");
        const DeployReport denied = deploy(logins, false);
        const HostDeployResult *refused = result(denied, userHost.name);
        QVERIFY(refused);
        QCOMPARE(refused->phase, DeployPhase::Failed);
        QVERIFY2(refused->message.contains(QLatin1String("sudo usermod -aG docker nodocker")),
                 describe(denied));
        for (const HostDeployResult &other : denied.hosts) {
            if (other.host != userHost.name)
                QVERIFY2(other.message.contains(QLatin1String("Nothing was written")), describe(denied));
        }
        nothingWritten(QStringLiteral("denied Docker access"));

        m_cluster.settings.remoteDirectory = QStringLiteral("/srv/slurmdeck");
        const DeployReport unwritable = deploy(targets(), false);
        const HostDeployResult *cannotWrite = result(unwritable, userHost.name);
        QVERIFY(cannotWrite);
        QVERIFY2(
            cannotWrite->phase == DeployPhase::Failed &&
                cannotWrite->message.contains(userHost.user + QStringLiteral(" cannot write /srv on ")) &&
                cannotWrite->message.contains(
                    QStringLiteral("sudo install -d -o %1 /srv/slurmdeck/deploytest").arg(userHost.user)),
            describe(unwritable));
        nothingWritten(QStringLiteral("an unwritable remote_directory"));

        // The Mac's engine (Docker Desktop) does not share /opt with its VM, though Homebrew
        // left /opt/homebrew to the Mac's user.
        Lab::Host mac;
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            if (host.platform == u"macos")
                mac = host;
        }
        QVERIFY2(!mac.name.isEmpty(), "the lab has no Mac-looking host");
        m_cluster.settings.remoteDirectory = QStringLiteral("/opt/homebrew/var/slurmdeck");
        const DeployReport unshared = deploy(targets(), false);
        const HostDeployResult *notMounted = result(unshared, mac.name);
        QVERIFY(notMounted);
        QVERIFY2(notMounted->phase == DeployPhase::Failed &&
                     notMounted->message.contains(QLatin1String("cannot bind-mount")) &&
                     notMounted->message.contains(QLatin1String("Settings > Resources > File sharing")),
                 describe(unshared));
        nothingWritten(QStringLiteral("a directory the Mac's engine does not share"));

        // The lab's ordinary user has one home on every host that has her, as over NFS: a
        // remote_directory there is one directory for those hosts.
        QStringList sharing;
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            if (host.user == userHost.user)
                sharing << host.name;
        }
        QVERIFY2(sharing.size() >= 2, "the lab needs two hosts that share a home");
        m_cluster.settings.remoteDirectory = userHost.home + QStringLiteral("/slurmdeck-shared");
        const DeployReport overlapping = deploy(targets(), false);
        for (const HostDeployResult &host : overlapping.hosts) {
            QVERIFY2(host.phase == DeployPhase::Failed &&
                         host.message.contains(QLatin1String("share their directory")),
                     describe(overlapping));
            for (const QString &name : std::as_const(sharing))
                QVERIFY2(host.message.contains(name), describe(overlapping));
        }
        nothingWritten(QStringLiteral("a directory that two hosts share"));
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            (void)onHost(host, QStringLiteral("rm -rf ") + Shell::quote(m_cluster.settings.remoteDirectory),
                         true);
        m_cluster.settings.remoteDirectory = ClusterSettings::defaultRemoteDirectory();

        // Left at its default, each host gets a directory of its own under the shared home.
        QSet<QString> directories;
        for (const QString &name : std::as_const(sharing)) {
            for (const HostPlan &host : plan().hosts) {
                if (host.hostName == name)
                    directories << host.directory;
            }
        }
        QCOMPARE(directories.size(), sharing.size());
    }

    void unreachableHostFailsAloneAndRerunCompletesIt()
    {
        QHash<QString, SshTarget> logins = targets();
        const QString unlucky = m_lab.hosts.last().name;
        logins[unlucky].host = QStringLiteral("10.213.7.250");
        logins[unlucky].connectTimeout = std::chrono::seconds(2);
        const DeployReport broken = deploy(logins, false);
        QCOMPARE(broken.hosts.size(), m_lab.hosts.size());
        for (const HostDeployResult &host : broken.hosts) {
            if (host.host == unlucky) {
                QCOMPARE(host.phase, DeployPhase::Failed);
                QVERIFY2(host.message.contains(QStringLiteral("Cannot reach")), qPrintable(host.message));
            } else {
                QVERIFY2(host.ok(), describe(broken).constData());
            }
        }

        const DeployReport fixed = deploy(targets());
        qInfo("deploy completing the cluster: %lld ms", fixed.elapsedMs);
        QVERIFY2(fixed.ok(), describe(fixed).constData());
        QVERIFY(result(fixed, unlucky) && !result(fixed, unlucky)->changedFiles.isEmpty());
        QVERIFY2(result(fixed, m_lab.hosts.first().name)->changedFiles.isEmpty(),
                 "hosts deployed before keep their files");
        QCOMPARE(fixed.checks.size(), 6); // munge key identical, then the cluster's five
    }

    // Closing the Deploy view mid-deploy destroys the runner while a worker waits on the
    // host-key question: the prompt must live until that worker is done with it.
    void promptsOutliveARunnerDestroyedMidDeploy()
    {
        class SilentPrompt final : public HostKeyPrompt
        {
        public:
            explicit SilentPrompt(std::shared_ptr<std::atomic<bool>> asked) : m_asked(std::move(asked)) {}
            void askAboutUnknownKey(const HostKeyInfo &, std::function<void(HostKeyDecision)>) override
            {
                m_asked->store(true); // never answers, like a dialog nobody clicks
            }

        private:
            std::shared_ptr<std::atomic<bool>> m_asked;
        };
        const auto asked = std::make_shared<std::atomic<bool>>(false);
        auto prompt = std::make_shared<SilentPrompt>(asked);
        const std::weak_ptr<SilentPrompt> watch = prompt;
        const QString host = m_lab.hosts.first().name;
        QHash<QString, SshTarget> logins = targets();
        QFile nothingKnown(m_temp.filePath(QStringLiteral("nothing_known")));
        QVERIFY(nothingKnown.open(QIODevice::WriteOnly));
        nothingKnown.close();
        logins[host].userKnownHostsFile = nothingKnown.fileName();
        auto runner = std::make_unique<DeployRunner>(plan(), logins, prompt, nullptr);
        prompt.reset(); // the runner (and its tasks) are the owners now
        DeployOptions options;
        options.images = ImageSource::TransferFromHere;
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.onlyHosts = {host};
        runner->start(options);
        QTRY_VERIFY_WITH_TIMEOUT(asked->load(), 30000);
        runner.reset();
        QVERIFY2(!watch.expired(), "a worker still waits on the prompt, which must still be alive");
        QTRY_VERIFY_WITH_TIMEOUT(watch.expired(), 10000); // and goes once that worker saw the cancel
    }

    void secondDeployChangesNothing()
    {
        const DeployReport again = deploy(targets(), false);
        qInfo("no-change re-deploy: %lld ms", again.elapsedMs);
        QVERIFY2(again.ok(), describe(again).constData());
        QVERIFY2(again.nothingChanged, describe(again).constData());
    }

    void slurmConfChangeTouchesOnlyWhatReadsIt()
    {
        m_cluster.partitions[0].maxTime = QStringLiteral("2-00:00:00");
        const DeployReport changed = deploy(targets());
        QVERIFY2(changed.ok(), describe(changed).constData());
        // A partition's limit: scontrol reconfigure, no restart (tst_livechangelab has more).
        QCOMPARE(changed.slurmConfig.apply, SlurmConfChange::Apply::Reconfigure);
        for (const HostDeployResult &host : changed.hosts) {
            QCOMPARE(host.changedFiles, partitionChangeFiles(host.host));
            QVERIFY(host.startedServices.isEmpty());
            QVERIFY2(host.restartedServices.isEmpty(), describe(changed).constData());
        }
        const Result<ExecResult> conf =
            onHost(m_lab.hosts.first(),
                   QStringLiteral("grep MaxTime= /opt/slurmdeck/deploytest/etc/slurm/slurm.conf"));
        SLURMDECK_VERIFY_OK(conf);
        QVERIFY(conf->standardOutput.contains("MaxTime=2-00:00:00"));
        const Result<ExecResult> previous = onHost(
            m_lab.hosts.first(),
            QStringLiteral("grep -c MaxTime=2-00 /opt/slurmdeck/deploytest/etc/slurm/slurm.conf.previous"));
        SLURMDECK_VERIFY_OK(previous);
        QCOMPARE(previous->standardOutput.trimmed(), QByteArray("0")); // the previous version is kept
    }

    // A run that replaced slurm.conf everywhere and died before the daemons read it: the
    // next run finds the contents current, and still restarts them (slurmd in place).
    void interruptedDeployStillRestarts()
    {
        m_cluster.partitions[0].maxTime = QStringLiteral("3-00:00:00");
        const ClusterPlan current = plan();
        for (const HostPlan &host : current.hosts) {
            HostDeployer interrupted(host, targetFor(labHost(host.hostName)), nullptr, nullptr, CancelToken(),
                                     [](const QString &) {});
            SLURMDECK_VERIFY_OK(interrupted.connectAndCheck());
            const Result<QStringList> replaced = interrupted.syncFiles();
            SLURMDECK_VERIFY_OK(replaced);
            QCOMPARE(*replaced, partitionChangeFiles(host.hostName));
        }
        const DeployReport resumed = deploy(targets(), false);
        QVERIFY2(resumed.ok(), describe(resumed).constData());
        QCOMPARE(resumed.slurmConfig.apply, SlurmConfChange::Apply::RestartDaemons);
        for (const HostDeployResult &host : resumed.hosts) {
            QCOMPARE(host.changedFiles, partitionChangeFiles(host.host));
            QVERIFY2(!host.restartedServices.isEmpty(), describe(resumed).constData());
            for (const QString &service : host.restartedServices)
                QVERIFY2(service.startsWith(QStringLiteral("slurm")), qPrintable(service));
        }
        const DeployReport settled = deploy(targets(), false);
        QVERIFY2(settled.ok() && settled.nothingChanged, describe(settled).constData());
    }

    void serviceStopsAndStarts()
    {
        const ClusterPlan current = plan();
        const HostPlan &hostPlan = current.hosts.last();
        HostDeployer deployer(hostPlan, targetFor(m_lab.hosts.last()), nullptr, nullptr, CancelToken(),
                              [](const QString &) {});
        SLURMDECK_VERIFY_OK(deployer.connectAndCheck());
        const Result<ExecResult> stopped =
            deployer.composeRun({QStringLiteral("stop"), QStringLiteral("slurmd")}, std::chrono::seconds(60));
        SLURMDECK_VERIFY_OK(stopped);
        Result<QStringList> running = deployer.runningServices();
        SLURMDECK_VERIFY_OK(running);
        QVERIFY(!running->contains(QStringLiteral("slurmd")));
        const Result<HostDeployer::StartOutcome> started =
            deployer.startServices({QStringLiteral("slurmd")}, {});
        SLURMDECK_VERIFY_OK(started);
        QCOMPARE(started->started, QStringList{QStringLiteral("slurmd")});
        running = deployer.runningServices();
        SLURMDECK_VERIFY_OK(running);
        QVERIFY(running->contains(QStringLiteral("slurmd")));
    }

    // The QNAP override of a copy of the templates makes slurmd exit at once on that host:
    // the deploy names the service and host with its real last log lines, the other hosts
    // finish, and deploying the right templates again repairs it.
    void serviceThatFailsToStartIsReportedWithItsLogs()
    {
        const std::optional<Lab::Host> nas = m_lab.firstOfPlatform(QStringLiteral("qnap"));
        QVERIFY(nas);
        const QString broken = m_temp.filePath(QStringLiteral("broken-templates"));
        QCOMPARE(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), m_templates, broken}), 0);
        QFile qnap(broken + QStringLiteral("/overrides/qnap.yml"));
        QVERIFY(qnap.open(QIODevice::Append));
        qnap.write("  slurmd:\n"
                   "    entrypoint: [\"sh\", \"-c\", \"echo 'slurmd: fatal: simulated start failure' >&2; "
                   "exit 1\"]\n");
        qnap.close();

        m_templates = broken;
        const DeployReport failed = deploy(targets(), false);
        m_templates = QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates");
        const HostDeployResult *bad = result(failed, nas->name);
        QVERIFY(bad);
        QCOMPARE(bad->phase, DeployPhase::Failed);
        QVERIFY2(bad->message.contains(QStringLiteral("slurmd")) && bad->message.contains(nas->name),
                 qPrintable(bad->message));
        QVERIFY2(bad->lastLogLines.contains(QStringLiteral("simulated start failure")),
                 qPrintable(bad->lastLogLines));
        for (const HostDeployResult &host : failed.hosts) {
            if (host.host != nas->name)
                QVERIFY2(host.ok(), describe(failed).constData());
        }

        const DeployReport repaired = deploy(targets());
        QVERIFY2(repaired.ok(), describe(repaired).constData());
        QVERIFY(result(repaired, nas->name)->changedFiles.contains(QStringLiteral("compose.override.yml")));
    }

    // What a dropped connection, an older deploy or a hand edit left: a stale database
    // password on a host without the database role, a previous copy of the munge key, a
    // temporary upload, loosened modes. A deploy with unchanged contents still cleans it all.
    void redeployLeavesNoStaleSecretsAndRestoresModes()
    {
        const ClusterPlan current = plan();
        const auto hasSecret = [](const HostPlan &host, const char *path) {
            return std::any_of(host.files.cbegin(), host.files.cend(),
                               [path](const RenderedFile &file) { return file.path == QLatin1String(path); });
        };
        for (const HostPlan &host : current.hosts) {
            const QString dir = Shell::quote(host.directory);
            const QString mess =
                hasSecret(host, "secrets/db_password")
                    ? QStringLiteral("chmod 644 %1/secrets/db_password %1/secrets/munge.key")
                    : QStringLiteral(
                          "printf old-password > %1/secrets/db_password && chmod 644 %1/secrets/munge.key");
            const Result<ExecResult> messed =
                onHost(labHost(host.hostName),
                       mess.arg(dir) +
                           QStringLiteral(
                               " && cp %1/secrets/munge.key %1/secrets/munge.key.previous && "
                               "printf x > %1/secrets/.munge.key.slurmdeck-zz.tmp && chmod 755 %1/secrets")
                               .arg(dir));
            SLURMDECK_VERIFY_OK(messed);
            QVERIFY2(messed->succeeded(), messed->standardError.constData());
        }
        const DeployReport report = deploy(targets(), false);
        QVERIFY2(report.ok(), describe(report).constData());
        for (const HostPlan &host : current.hosts) {
            const QString dir = Shell::quote(host.directory);
            const Result<ExecResult> left = onHost(
                labHost(host.hostName),
                QStringLiteral(
                    "cd %1 && find . -path ./data -prune -o \\( -name '*.previous' -path './secrets/*' "
                    "-o -name '.*.slurmdeck-*.tmp' \\) -print; stat -c '%a %n' secrets secrets/*")
                    .arg(dir));
            SLURMDECK_VERIFY_OK(left);
            const QString listing = QString::fromUtf8(left->standardOutput);
            QStringList expected{QStringLiteral("700 secrets")}; // then in the order of `secrets/*`
            if (hasSecret(host, "secrets/db_password"))
                expected << QStringLiteral("600 secrets/db_password");
            expected << QStringLiteral("400 secrets/munge.key");
            QCOMPARE(listing.trimmed().split(u'\n'), expected);
        }
    }

    void secretsStayOutOfLogsInspectAndCommandLines()
    {
        const QByteArray password = m_inputs.databasePassword;
        QVERIFY(!m_log.isEmpty());
        for (const QString &line : std::as_const(m_log))
            QVERIFY2(!line.toUtf8().contains(password), qPrintable(line));
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            const Result<ExecResult> seen =
                onHost(host,
                       Shell::quote(host.docker) +
                           QStringLiteral(" inspect $(%1 ps -q) 2>/dev/null; ps -eo args; cat "
                                          "/proc/*/environ 2>/dev/null | tr '\\0' '\\n'")
                               .arg(Shell::quote(host.docker)),
                       true);
            SLURMDECK_VERIFY_OK(seen);
            QVERIFY(seen->standardOutput.size() > 1000);
            QVERIFY2(!seen->standardOutput.contains(password), qPrintable(host.name));
            QString directory;
            for (const HostPlan &planned : plan().hosts) {
                if (planned.hostName == host.name)
                    directory = planned.directory;
            }
            // The login's own files: no group or world access to the secrets.
            const Result<ExecResult> mode = onHost(host, QStringLiteral("stat -c '%a %U' ") +
                                                             Shell::quote(directory + u"/secrets/munge.key"));
            SLURMDECK_VERIFY_OK(mode);
            QCOMPARE(mode->standardOutput.trimmed(), QByteArray("400 ") + host.user.toUtf8());
        }
    }
};

QTEST_GUILESS_MAIN(TestDeployLab)
#include "tst_deploylab.moc"
