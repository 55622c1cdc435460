// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck-cli plan / deploy / services / down / remove as a user runs them, against the
// lab's hosts, with the cluster's secrets in a real keychain (GNOME Keyring in a private
// D-Bus session): the plan shows no secret, a deploy passes every check, services are listed,
// stopped, started and their logs read, down leaves nothing of the project running, remove
// takes containers and configuration but keeps the data, and remove --purge-data the data.
// The cluster has its own name (its own project and directories) and is removed at the
// end; it uses the same ports as tst_deploylab's, so the two must not run at once.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;

    [[nodiscard]] QByteArray describe() const
    {
        const QString ended =
            exitCode == -2 ? QStringLiteral("crashed") : QStringLiteral("exit code %1").arg(exitCode);
        return (ended + u'\n' + out + u'\n' + err).toUtf8();
    }
};

} // namespace

class TestCliDeployLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_home; // HOME for the CLI
    Cluster m_cluster;
    ClusterPlan m_plan; // directories and project name; secrets of its own, not the keychain's

    QString clusterFile() const { return m_home.filePath(QStringLiteral("clusters/clideploytest.yaml")); }
    QString sshConfig() const { return m_home.filePath(QStringLiteral("ssh_config")); }

    // keychain false: no D-Bus session, so no keychain answers at all.
    Run cli(const QStringList &arguments, int timeoutMs = 120000, bool keychain = true) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!keychain)
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_CLI_EXE),
                      arguments + QStringList{QStringLiteral("--cluster"), clusterFile(),
                                              QStringLiteral("--ssh-config"), sshConfig()});
        process.closeWriteChannel(); // no terminal: confirmations need --yes
        Run run;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
        } else {
            run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        }
        run.out += QString::fromUtf8(process.readAllStandardOutput());
        run.err += QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Result<ExecResult> onHost(const Lab::Host &host, const QString &command,
                              const QByteArray &input = {}) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.clientKey();
        target.configFile = sshConfig();
        target.slurmDeckKnownHostsFile = m_home.filePath(QStringLiteral("test_known_hosts"));
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(target, &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        ExecOptions options;
        options.standardInput = input;
        return connection.exec(command, options);
    }

    // Every form a secret could leak in: as is, hex, base64, and a key's first 32 bytes.
    static QList<QByteArray> leakForms(const ClusterSecrets::Values &secrets)
    {
        return {secrets.databasePassword, secrets.mungeKey.toHex(), secrets.mungeKey.toBase64(),
                secrets.mungeKey.left(32)};
    }

    // Files under `directory` (smaller than 64 MiB) holding any of `forms`.
    static QStringList filesHolding(const QString &directory, const QList<QByteArray> &forms)
    {
        QStringList found;
        QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            for (const QByteArray &form : forms) {
                if (content.contains(form))
                    found << path;
            }
        }
        return found;
    }

    const Lab::Host *labHost(const QString &name) const
    {
        for (const Lab::Host &host : m_lab.hosts) {
            if (host.name == name)
                return &host;
        }
        return nullptr;
    }

    // The project's running containers' services on `host` (`all`: stopped ones too).
    QStringList runningOn(const Lab::Host &host, bool all = false) const
    {
        const Result<ExecResult> listed = onHost(
            host, Shell::quote(host.docker) + (all ? QStringLiteral(" ps -a") : QStringLiteral(" ps")) +
                      QStringLiteral(" --filter label=com.docker.compose.project=%1 --format "
                                     "'{{.Label \"com.docker.compose.service\"}}'")
                          .arg(Shell::quote(m_plan.projectName)));
        if (!listed)
            return {QStringLiteral("error: ") + listed.error().toString()};
        return QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    }

    // Containers by compose label (works without the project directory), then directories.
    void tearDownCluster() const
    {
        for (const HostPlan &host : m_plan.hosts) {
            const Lab::Host *lab = labHost(host.hostName);
            if (!lab)
                continue;
            const QString docker = Shell::quote(lab->docker);
            const Result<ExecResult> removed = onHost(
                *lab, QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                     "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                     "%1 network ls -q --filter label=com.docker.compose.project=%2 | "
                                     "xargs -r %1 network rm >/dev/null 2>&1; rm -rf %3")
                          .arg(docker, Shell::quote(m_plan.projectName), Shell::quote(host.directory)));
            Q_UNUSED(removed);
        }
    }

    // The service's state on `host` as `services` lists it ("running", "stopped").
    static QString listedState(const QString &listing, const QString &host, const QString &service)
    {
        const QRegularExpression line(
            QStringLiteral("^%1\\s+%2\\s+(\\S+)")
                .arg(QRegularExpression::escape(host), QRegularExpression::escape(service)),
            QRegularExpression::MultilineOption);
        return line.match(listing).captured(1);
    }

    ClusterSecrets::Values keychainSecrets()
    {
        ClusterSecrets secrets(m_cluster.keychainService());
        std::optional<Result<ClusterSecrets::Values>> loaded;
        secrets.load(this, [&loaded](Result<ClusterSecrets::Values> values) { loaded = std::move(values); });
        const bool answered = QTest::qWaitFor([&loaded] { return loaded.has_value(); }, 20000);
        Q_UNUSED(answered); // no answer: empty values, which the callers check
        return loaded && *loaded ? loaded->value() : ClusterSecrets::Values{};
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY2(m_lab.hosts.size() >= 4,
                 "the CLI deploy test needs four lab hosts: a primary and three workers");
        QVERIFY(m_home.isValid());

        QFile config(sshConfig());
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n    UserKnownHostsFile " + m_lab.knownHosts().toUtf8() +
                     "\n    GlobalKnownHostsFile /dev/null\n");
        config.close();

        // tst_deploylab's topology: the first host runs everything, the others compute; the
        // second uses the macOS override's networking, the QNAP-like one its own Docker.
        m_cluster.name = QStringLiteral("clideploytest");
        for (const Lab::Host &lab : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = lab.name;
            host.address = lab.address;
            host.user = lab.user; // root, or the lab's ordinary user
            host.identity = m_lab.clientKey();
            host.detected.loginUid = lab.uid;
            host.detected.home = lab.home;
            host.detected.platform = Lab::platformOf(lab);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            m_cluster.hosts << host;
        }
        m_cluster.hosts[1].platformOverride = Platform::MacOS;
        assignDefaultRoles(m_cluster);
        SLURMDECK_VERIFY_OK(ClusterFile::save(m_cluster, clusterFile()));

        PlanInputs inputs;
        inputs.mungeKey = ClusterSecrets::generateMungeKey();
        inputs.databasePassword = ClusterSecrets::generatePassword();
        const Result<ClusterPlan> planned = ClusterPlanner().plan(m_cluster, inputs);
        SLURMDECK_VERIFY_OK(planned);
        m_plan = *planned;
        tearDownCluster(); // leftovers of a killed run
    }

    void cleanupTestCase() { tearDownCluster(); }

    void planJsonShowsNoSecret()
    {
        const Run run = cli({QStringLiteral("plan"), QStringLiteral("--json"), QStringLiteral("--files")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject plan = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(plan.value(QStringLiteral("cluster")).toString(), m_cluster.name);
        const QJsonArray hosts = plan.value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), m_lab.hosts.size());
        int secretFiles = 0;
        for (const QJsonValue &host : hosts) {
            QVERIFY(host.toObject()
                        .value(QStringLiteral("services"))
                        .toArray()
                        .contains(QStringLiteral("slurmd")));
            for (const QJsonValue &value : host.toObject().value(QStringLiteral("files")).toArray()) {
                const QJsonObject file = value.toObject();
                const bool secret = file.value(QStringLiteral("secret")).toBool();
                secretFiles += secret ? 1 : 0;
                QCOMPARE(file.contains(QStringLiteral("content")), !secret);
                QVERIFY(file.value(QStringLiteral("size")).toInt() > 0);
            }
        }
        QVERIFY(secretFiles >= m_lab.hosts.size()); // a munge key on each

        const ClusterSecrets::Values secrets = keychainSecrets(); // created by the CLI
        QCOMPARE(secrets.mungeKey.size(), ClusterSecrets::mungeKeyBytes);
        QVERIFY(!secrets.databasePassword.isEmpty());
        QCOMPARE(plan.value(QStringLiteral("munge_key_fingerprint")).toString(),
                 ClusterSecrets::fingerprint(secrets.mungeKey));
        const QByteArray output = run.out.toUtf8() + run.err.toUtf8();
        QVERIFY(!output.contains(secrets.databasePassword));
        QVERIFY(!output.contains(secrets.mungeKey.toBase64()));
        QVERIFY(!output.contains(secrets.mungeKey.toHex()));
        QVERIFY(!output.contains(secrets.mungeKey.left(32)));
    }

    void planDiffBeforeDeployShowsNewFiles()
    {
        const Run run = cli({QStringLiteral("plan"), QStringLiteral("--diff")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("^  new +compose.yml$"),
                                                     QRegularExpression::MultilineOption)),
                 run.describe().constData());
        QVERIFY(run.out.contains(QStringLiteral("+++ plan/etc/slurm/slurm.conf")));
    }

    void deployWithoutTerminalWantsYes()
    {
        const Run run = cli({QStringLiteral("deploy")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--yes")), run.describe().constData());
    }

    void deployPassesEveryCheck()
    {
        // The lab's hosts are offline: the images go from here.
        const Run run = cli({QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                             QStringLiteral("transfer")},
                            900000);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QStringLiteral("images: sent from this machine")),
                 run.describe().constData());
        const qsizetype verification = run.out.indexOf(QStringLiteral("\nVerification:\n"));
        const qsizetype summary = run.out.indexOf(QStringLiteral("\nSummary:\n"));
        QVERIFY2(verification > 0 && summary > verification, run.describe().constData());
        const QStringList checks =
            run.out.mid(verification, summary - verification).split(u'\n', Qt::SkipEmptyParts).mid(1);
        QVERIFY2(checks.size() >= 3, run.describe().constData());
        for (const QString &check : checks)
            QVERIFY2(check.startsWith(QStringLiteral("  ok ")), qPrintable(check));
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            QVERIFY2(run.out.contains(host.name + QStringLiteral(": connecting")),
                     run.describe().constData());
            QVERIFY(run.out.contains(QStringLiteral("  ") + host.name + QStringLiteral(": done")));
        }
        const ClusterSecrets::Values secrets = keychainSecrets();
        // Each host's munge key SHA-256 is printed: the keychain key's, on every host.
        const QString keySha = QString::fromLatin1(
            QCryptographicHash::hash(secrets.mungeKey, QCryptographicHash::Sha256).toHex());
        QCOMPARE(run.out.count(QStringLiteral("    munge key SHA-256 ") + keySha + u'\n'),
                 m_lab.hosts.size());
        QVERIFY2(
            run.out.contains(QRegularExpression(QStringLiteral("^  ok +- +munge key identical on every host"),
                                                QRegularExpression::MultilineOption)),
            run.describe().constData());
        QVERIFY(!run.out.toUtf8().contains(secrets.databasePassword));
        QVERIFY(!run.err.toUtf8().contains(secrets.databasePassword));
    }

    // The secrets test: after a deploy through the CLI, neither the munge key nor the
    // database password is anywhere but the keychain and the hosts' secret files, which
    // have their modes.
    void secretsAppearNowhereElse()
    {
        const ClusterSecrets::Values secrets = keychainSecrets();
        QVERIFY(!secrets.databasePassword.isEmpty() && !secrets.mungeKey.isEmpty());
        const QList<QByteArray> forms = leakForms(secrets);
        // Here: the cluster file, SlurmDeck's own files (HOME), and temporary files.
        QFile cluster(clusterFile());
        QVERIFY(cluster.open(QIODevice::ReadOnly));
        const QByteArray clusterText = cluster.readAll();
        for (const QByteArray &form : forms)
            QVERIFY(!clusterText.contains(form));
        QCOMPARE(filesHolding(m_home.path(), forms), QStringList());
        QCOMPARE(filesHolding(QDir::tempPath(), forms), QStringList());
        // On the hosts: containers, every process's argv and environment, stray temporary
        // uploads, any file under /tmp and /var/tmp (the forms go in on standard input, so
        // this check adds no argv of its own).
        QByteArray patterns;
        for (const QByteArray &form : forms.mid(0, 3))
            patterns += form + '\n';
        for (const HostPlan &plan : std::as_const(m_plan.hosts)) {
            const Lab::Host *host = labHost(plan.hostName);
            QVERIFY(host);
            const QString docker = Shell::quote(host->docker);
            const QString root = plan.directory.section(u'/', 0, -2);
            const Result<ExecResult> seen =
                onHost(*host,
                       QStringLiteral(
                           "p=$(mktemp -d) && cat > $p/patterns && "
                           "{ %1 inspect $(%1 ps -q); ps -eo args; cat /proc/*/environ | tr '\\0' '\\n'; } "
                           "2>/dev/null > $p/seen; grep -cF -f $p/patterns $p/seen; wc -c < $p/seen; "
                           "grep -rlF -f $p/patterns --exclude-dir=\"$(basename $p)\" --exclude-dir=secrets "
                           "--exclude-dir=data /tmp /var/tmp %3 2>/dev/null; rm -rf $p; "
                           "find %3 -path '*/data' -prune -o -name '.*.slurmdeck-*.tmp' -print 2>/dev/null; "
                           "cd %2 && stat -c '%a %n' secrets secrets/*")
                           .arg(docker, Shell::quote(plan.directory), Shell::quote(root)),
                       patterns);
            SLURMDECK_VERIFY_OK(seen);
            const QStringList lines =
                QString::fromUtf8(seen->standardOutput).split(u'\n', Qt::SkipEmptyParts);
            QVERIFY2(lines.size() >= 4, seen->standardOutput.constData());
            QCOMPARE(lines.at(0), QStringLiteral("0")); // no line of the dump holds a secret
            QVERIFY2(lines.at(1).toLongLong() > 1000, qPrintable(lines.at(1))); // and it was read
            QStringList expected{QStringLiteral("700 secrets")}; // then in the order of `secrets/*`
            if (std::any_of(plan.files.cbegin(), plan.files.cend(),
                            [](const RenderedFile &file) { return file.path == u"secrets/db_password"; }))
                expected << QStringLiteral("600 secrets/db_password");
            expected << QStringLiteral("400 secrets/munge.key");
            QCOMPARE(lines.mid(2), expected); // nothing in /tmp, no stray uploads, the modes
        }
    }

    void planDiffAfterDeployFindsNothing()
    {
        const Run run = cli({QStringLiteral("plan"), QStringLiteral("--diff")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QStringLiteral("Every host has the planned files.")),
                 run.describe().constData());
    }

    void servicesListsSlurmdRunningEverywhere()
    {
        const Run run = cli({QStringLiteral("services")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            QVERIFY2(listedState(run.out, host.name, QStringLiteral("slurmd")) == u"running",
                     run.describe().constData());
        QCOMPARE(listedState(run.out, m_lab.hosts.first().name, QStringLiteral("slurmctld")),
                 QStringLiteral("running"));
    }

    void serviceStopsAndStarts()
    {
        const QString host = m_lab.hosts.last().name;
        const Run stopped =
            cli({QStringLiteral("services"), host, QStringLiteral("stop"), QStringLiteral("slurmd")});
        QVERIFY2(stopped.exitCode == 0, stopped.describe().constData());
        QVERIFY(stopped.out.contains(host + QStringLiteral(": stopped slurmd")));
        const Run listed = cli({QStringLiteral("services"), host});
        QVERIFY2(listed.exitCode == 0, listed.describe().constData());
        QCOMPARE(listedState(listed.out, host, QStringLiteral("slurmd")), QStringLiteral("stopped"));
        QVERIFY(!runningOn(*labHost(host)).contains(QStringLiteral("slurmd")));

        const Run started =
            cli({QStringLiteral("services"), host, QStringLiteral("start"), QStringLiteral("slurmd")});
        QVERIFY2(started.exitCode == 0, started.describe().constData());
        QVERIFY2(started.out.contains(host + QStringLiteral(": started slurmd")),
                 started.describe().constData());
        QVERIFY(runningOn(*labHost(host)).contains(QStringLiteral("slurmd")));
    }

    void serviceLogsTail()
    {
        const Run run = cli({QStringLiteral("services"), m_lab.hosts.first().name, QStringLiteral("logs"),
                             QStringLiteral("slurmctld"), QStringLiteral("--tail"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty() && lines.size() <= 6, run.describe().constData()); // 5 + "Attaching to"
        QVERIFY2(run.out.contains(QStringLiteral("slurmctld")), run.describe().constData());
    }

    // Operating the deployed cluster needs no secret: with no keychain reachable at all, the
    // services, Slurm and metrics commands work; planning, which needs the secrets, does not.
    void operatingNeedsNoKeychain()
    {
        const QList<QStringList> commands{{QStringLiteral("services")},
                                          {QStringLiteral("status")},
                                          {QStringLiteral("nodes")},
                                          {QStringLiteral("metrics"), QStringLiteral("up")}};
        for (const QStringList &command : commands) {
            const Run run = cli(command, 120000, false);
            QVERIFY2(run.exitCode == 0,
                     QByteArray(command.join(u' ').toUtf8() + ": " + run.describe()).constData());
        }
        const Run plan = cli({QStringLiteral("plan")}, 120000, false);
        QVERIFY2(plan.exitCode != 0, plan.describe().constData());
        QVERIFY2(plan.err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive),
                 plan.describe().constData());
    }

    void unknownHostAndServiceAreUsageErrors()
    {
        const Run host = cli({QStringLiteral("services"), QStringLiteral("nosuchhost")});
        QCOMPARE(host.exitCode, 2);
        QVERIFY2(host.err.contains(m_lab.hosts.first().name), host.describe().constData());
        const Run service = cli({QStringLiteral("services"), m_lab.hosts.last().name, QStringLiteral("stop"),
                                 QStringLiteral("slurmctld")});
        QCOMPARE(service.exitCode, 2);
        QVERIFY2(service.err.contains(QStringLiteral("slurmd")), service.describe().constData());
    }

    void downStopsEverythingAndKeepsData()
    {
        const Run run =
            cli({QStringLiteral("down"), QStringLiteral("--yes"), QStringLiteral("--json")}, 600000);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // --json: each host's outcome as JSON on stdout, the lines for people on stderr.
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(u"operation").toString(), QStringLiteral("down"));
        QCOMPARE(report.value(u"ok").toBool(), true);
        QCOMPARE(report.value(u"hosts").toArray().size(), m_lab.hosts.size());
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            QVERIFY2(run.err.contains(host.name + QStringLiteral(": stopped")), run.describe().constData());
            QCOMPARE(runningOn(host), QStringList());
        }
        const HostPlan &primary = m_plan.hosts.first();
        const Result<ExecResult> kept =
            onHost(*labHost(primary.hostName), QStringLiteral("test -f %1/etc/slurm/slurm.conf && echo kept")
                                                   .arg(Shell::quote(primary.directory)));
        SLURMDECK_VERIFY_OK(kept);
        QCOMPARE(kept->standardOutput.trimmed(), QByteArray("kept"));

        const Run listed = cli({QStringLiteral("services")});
        QVERIFY2(listed.exitCode == 0, listed.describe().constData());
        QCOMPARE(listedState(listed.out, m_lab.hosts.first().name, QStringLiteral("slurmctld")),
                 QStringLiteral("stopped"));
        QVERIFY2(listed.out.contains(QStringLiteral("no container")), listed.describe().constData());
    }

    void removeWithoutTerminalWantsYes()
    {
        const Run run = cli({QStringLiteral("remove")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--yes")), run.describe().constData());
    }

    // What is in the project directory D on `host`: one word per path that exists.
    QString presentOn(const HostPlan &host, const QStringList &paths) const
    {
        QString command;
        for (const QString &path : paths)
            command += QStringLiteral("[ -e %1 ] && echo %2; ")
                           .arg(Shell::quote(host.directory + path),
                                Shell::quote(path.isEmpty() ? QStringLiteral("D") : path));
        const Result<ExecResult> tested = onHost(*labHost(host.hostName), command + QStringLiteral("true"));
        return tested ? QString::fromUtf8(tested->standardOutput).simplified() : tested.error().toString();
    }

    void removeTakesContainersAndConfigurationKeepsData()
    {
        // The images are on the hosts since the first deploy: only checked. With --json the
        // report is one JSON object on stdout, the progress on stderr.
        const Run deployed =
            cli({QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                 QStringLiteral("present"), QStringLiteral("--json")},
                900000);
        QVERIFY2(deployed.exitCode == 0, deployed.describe().constData());
        QJsonParseError parsed;
        const QJsonObject report = QJsonDocument::fromJson(deployed.out.toUtf8(), &parsed).object();
        QVERIFY2(parsed.error == QJsonParseError::NoError, deployed.describe().constData());
        QCOMPARE(report.value(u"ok").toBool(), true);
        QCOMPARE(report.value(u"cluster").toString(), m_plan.clusterName);
        QCOMPARE(report.value(u"hosts").toArray().size(), m_plan.hosts.size());
        for (const QJsonValue &host : report.value(u"hosts").toArray())
            QCOMPARE(host.toObject().value(u"phase").toString(), QStringLiteral("done"));
        QVERIFY(report.value(u"checks").toArray().size() >= 3);
        for (const QJsonValue &check : report.value(u"checks").toArray())
            QVERIFY2(check.toObject().value(u"passed").toBool(),
                     qPrintable(check.toObject().value(u"name").toString()));
        QVERIFY2(deployed.err.contains(QStringLiteral(": connecting")), deployed.describe().constData());
        QVERIFY(runningOn(m_lab.hosts.first()).contains(QStringLiteral("slurmctld")));
        // One stopped container: remove takes stopped ones too.
        const Run stopped = cli({QStringLiteral("services"), m_lab.hosts.last().name, QStringLiteral("stop"),
                                 QStringLiteral("slurmd")});
        QVERIFY2(stopped.exitCode == 0, stopped.describe().constData());

        const Run run = cli({QStringLiteral("remove"), QStringLiteral("--yes")}, 600000);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        for (const HostPlan &host : std::as_const(m_plan.hosts)) {
            QVERIFY2(run.out.contains(host.hostName + QStringLiteral(": removed ")),
                     run.describe().constData());
            QCOMPARE(runningOn(*labHost(host.hostName), true), QStringList());
            QCOMPARE(presentOn(host, {QStringLiteral("/compose.yml"), QStringLiteral("/.env"),
                                      QStringLiteral("/etc"), QStringLiteral("/secrets"),
                                      QStringLiteral("/compose.yml.previous")}),
                     QString());
        }
        QVERIFY2(run.out.contains(QStringLiteral("data kept in ")), run.describe().constData());
        // The accounting database, Slurm's state and Prometheus' TSDB are still there.
        const HostPlan &primary = m_plan.hosts.first();
        const QStringList data{QStringLiteral("/data/mariadb/slurm_acct_db"),
                               QStringLiteral("/data/slurmctld/node_state"),
                               QStringLiteral("/data/prometheus")};
        QCOMPARE(presentOn(primary, data), data.join(u' '));
    }

    void removePurgeDataDeletesData()
    {
        const Run run =
            cli({QStringLiteral("remove"), QStringLiteral("--purge-data"), QStringLiteral("--yes")}, 600000);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QStringLiteral("data are removed")), run.describe().constData());
        for (const HostPlan &host : std::as_const(m_plan.hosts))
            QCOMPARE(presentOn(host, {QString()}), QString());

        const Run again = cli({QStringLiteral("remove"), QStringLiteral("--yes")});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        for (const HostPlan &host : std::as_const(m_plan.hosts))
            QVERIFY2(again.out.contains(host.hostName + QStringLiteral(": nothing deployed here")),
                     again.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDeployLab)
#include "tst_clideploylab.moc"
