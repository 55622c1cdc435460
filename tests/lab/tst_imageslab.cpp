// SPDX-License-Identifier: GPL-3.0-or-later
// How images reach the lab's (offline) hosts, and the munge key's SHA-256 per host:
// - from another host: an image removed from one host's engine is copied from the primary
//   (docker save there, through this machine's image cache, docker load) and the cluster
//   verifies; every host reports the SHA-256 of the key it got, which is the keychain key's;
// - a host given a different key is named by "munge key identical on every host" (the
//   cluster checks are skipped), and a deploy of the right plan repairs it;
// - built on a host: offline, from a base image that has the packages already (the
//   Dockerfile skips apt-get), tagged and labelled as planned; a second run builds nothing;
//   a missing base image fails with the build log's last lines and what to do instead.
#include "LabManifest.h"
#include "ResultTesting.h"
#include "deploy/DeployRunner.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostImages.h"
#include "deploy/ImageBuild.h"
#include "inventory/DefaultRoles.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;

namespace {

const QString mungeCheck = QStringLiteral("munge key identical on every host");
const QString mungeKeyPath = QStringLiteral("secrets/munge.key");

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestImagesLab final : public QObject
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
        target.user = QStringLiteral("root");
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

    ClusterPlan plan() const
    {
        const Result<ClusterPlan> planned =
            ClusterPlanner(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")))
                .plan(m_cluster, m_inputs);
        return planned ? *planned : ClusterPlan{};
    }

    DeployReport deploy(const ClusterPlan &clusterPlan, const DeployOptions &options)
    {
        DeployRunner runner(clusterPlan, targets(),
                            std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject), nullptr);
        QSignalSpy finished(&runner, &DeployRunner::finished);
        connect(&runner, &DeployRunner::logLine, this, [this](const QString &host, const QString &line) {
            m_log << host + QStringLiteral(": ") + line;
        });
        runner.start(options);
        if (!finished.wait(600000))
            return {};
        return finished.first().first().value<DeployReport>();
    }

    static DeployOptions options(ImageSource source, const QString &imageHost = {})
    {
        DeployOptions options;
        options.images = source;
        options.imageHost = imageHost;
        options.localDocker = QStringLiteral("/usr/bin/docker");
        return options;
    }

    static QByteArray describe(const DeployReport &report)
    {
        QString text;
        for (const HostDeployResult &host : report.hosts)
            text += QStringLiteral("\n  %1: %2 %3 changed: %4 loaded: %5 built: %6 munge: %7")
                        .arg(host.host, phaseText(host.phase), host.message, host.changedFiles.join(u','),
                             host.imagesLoaded.join(u','), host.imagesBuilt.join(u','), host.mungeKeySha256);
        for (const VerificationCheck &check : report.checks)
            text += QStringLiteral("\n  [%1] %2 %3: %4")
                        .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name,
                             check.host, check.detail);
        return text.toUtf8();
    }

    static const HostDeployResult *result(const DeployReport &report, const QString &host)
    {
        for (const HostDeployResult &entry : report.hosts) {
            if (entry.host == host)
                return &entry;
        }
        return nullptr;
    }

    static const VerificationCheck *check(const DeployReport &report, const QString &name)
    {
        for (const VerificationCheck &entry : report.checks) {
            if (entry.name == name)
                return &entry;
        }
        return nullptr;
    }

    Result<ExecResult> onHost(const Lab::Host &host, const QString &command)
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(targetFor(host), &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        ExecOptions options;
        options.timeout = std::chrono::minutes(2);
        return connection.exec(command, options);
    }

    QString imageId(const Lab::Host &host, const QString &image)
    {
        const Result<ExecResult> inspected =
            onHost(host, Shell::join({host.docker, QStringLiteral("image"), QStringLiteral("inspect"),
                                      QStringLiteral("--format"), QStringLiteral("{{.Id}}"), image}));
        return inspected && inspected->succeeded() ? QString::fromUtf8(inspected->standardOutput).trimmed()
                                                   : QString();
    }

    // Removes the cluster's containers (by compose project label) and its directories.
    void tearDownCluster()
    {
        const ClusterPlan current = plan();
        for (const HostPlan &host : current.hosts) {
            for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
                if (labHost.name != host.hostName)
                    continue;
                const QString docker = Shell::quote(labHost.docker);
                const Result<ExecResult> down =
                    onHost(labHost,
                           QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                          "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3")
                               .arg(docker, Shell::quote(current.projectName), Shell::quote(host.directory)));
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
                 "the images test needs four lab hosts: a primary and three workers");
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        // A fresh image cache, so copying from a host really downloads.
        qputenv("XDG_CACHE_HOME", m_temp.filePath(QStringLiteral("cache")).toUtf8());

        m_cluster.name = QStringLiteral("imagestest");
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = labHost.name;
            host.address = labHost.address;
            host.user = labHost.user; // root, or the lab's ordinary user
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

    void copiesAMissingImageFromAnotherHost()
    {
        const Lab::Host &source = m_lab.hosts.first();
        const Lab::Host &lacking = m_lab.hosts.last();
        const QString image = m_inputs.slurmImageFor(m_cluster);
        const QString sourceId = imageId(source, image);
        QVERIFY2(!sourceId.isEmpty(),
                 "the primary must have the Slurm image (lab.images, lab.sh load-image)");
        const Result<ExecResult> removed = onHost(
            lacking, Shell::join({lacking.docker, QStringLiteral("rmi"), QStringLiteral("-f"), image}));
        SLURMDECK_VERIFY_OK(removed);
        QVERIFY(imageId(lacking, image).isEmpty());

        const DeployReport report = deploy(plan(), options(ImageSource::TransferFromHost, source.name));
        qInfo("deploy copying %s from %s: %lld ms", qPrintable(image), qPrintable(source.name),
              report.elapsedMs);
        QVERIFY2(report.ok(), describe(report).constData());
        QCOMPARE(result(report, lacking.name)->imagesLoaded, QStringList{image});
        for (const HostDeployResult &host : report.hosts) {
            if (host.host != lacking.name)
                QVERIFY2(host.imagesLoaded.isEmpty(), describe(report).constData());
        }
        QCOMPARE(imageId(lacking, image), sourceId);
        QVERIFY2(m_log.contains(source.name + QStringLiteral(": downloading ") + image +
                                QStringLiteral(" from ") + source.name),
                 qPrintable(m_log.join(u'\n')));
        // Through this machine's image cache, under the image's ID.
        QString archive;
        QDirIterator it(m_temp.filePath(QStringLiteral("cache")), {QStringLiteral("*.tar")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            archive = it.next();
        QVERIFY2(archive.contains(sourceId.section(u':', 1)), qPrintable(archive));

        // Every host reports the key it got; it is the cluster's, and the check says so.
        const QString expected = sha256(m_inputs.mungeKey);
        for (const HostDeployResult &host : report.hosts)
            QCOMPARE(host.mungeKeySha256, expected);
        const VerificationCheck *munge = check(report, mungeCheck);
        QVERIFY2(munge && munge->passed, describe(report).constData());
        QCOMPARE(report.checks.first().name, mungeCheck);
        QCOMPARE(report.checks.size(), 6);
        for (const QString &line : std::as_const(m_log))
            QVERIFY(!line.toUtf8().contains(m_inputs.mungeKey.toHex().left(32)));

        // Again: nothing to copy, nothing downloaded.
        m_log.clear();
        DeployOptions rerun = options(ImageSource::TransferFromHost, source.name);
        rerun.verify = false;
        const DeployReport again = deploy(plan(), rerun);
        QVERIFY2(again.ok() && again.nothingChanged, describe(again).constData());
        qInfo("no-change re-deploy copying from %s: %lld ms", qPrintable(source.name), again.elapsedMs);
    }

    void aHostWithAnotherMungeKeyIsNamed()
    {
        const QString odd = m_lab.hosts.last().name;
        ClusterPlan tampered = plan();
        const QByteArray otherKey = ClusterSecrets::generateMungeKey();
        for (HostPlan &host : tampered.hosts) {
            if (host.hostName != odd)
                continue;
            for (RenderedFile &file : host.files) {
                if (file.path == mungeKeyPath)
                    file.content = otherKey;
            }
        }
        const DeployReport report = deploy(tampered, options(ImageSource::AlreadyOnHost));
        QVERIFY(!report.ok());
        QCOMPARE(report.checks.size(), 1); // the cluster checks are skipped
        const VerificationCheck *munge = check(report, mungeCheck);
        QVERIFY2(munge && !munge->passed, describe(report).constData());
        QCOMPARE(munge->host, odd);
        QVERIFY2(munge->detail.contains(odd + QStringLiteral(" has ") + sha256(otherKey).left(12)),
                 qPrintable(munge->detail));
        QVERIFY2(munge->detail.contains(QStringLiteral("cluster checks were skipped")),
                 qPrintable(munge->detail));
        QCOMPARE(result(report, odd)->mungeKeySha256, sha256(otherKey));
        QVERIFY(result(report, odd)->changedFiles.contains(mungeKeyPath));

        // The cluster's plan puts the right key back, and the cluster works again.
        const DeployReport repaired = deploy(plan(), options(ImageSource::AlreadyOnHost));
        QVERIFY2(repaired.ok(), describe(repaired).constData());
        QCOMPARE(result(repaired, odd)->changedFiles, QStringList{mungeKeyPath});
        QCOMPARE(result(repaired, odd)->mungeKeySha256, sha256(m_inputs.mungeKey));
        QVERIFY(check(repaired, mungeCheck)->passed);
    }

    void buildsOnTheHostOfflineAndOnlyOnce()
    {
        const Lab::Host &labHost = m_lab.hosts.first();
        const ClusterPlan current = plan();
        const QString tag = QStringLiteral("slurmdeck-test/slurm:hostbuild");
        // The base has the packages already, so the Dockerfile skips apt-get: no mirror needed.
        const QString base = m_inputs.slurmImageFor(m_cluster);
        ImageBuildContext context = *current.buildContext(m_inputs.slurmImageFor(m_cluster));
        context.image = tag;
        const Result<ExecResult> removed =
            onHost(labHost, Shell::join({labHost.docker, QStringLiteral("rmi"), QStringLiteral("-f"), tag}));
        SLURMDECK_VERIFY_OK(removed);

        HostDeployer deployer(current.hosts.first(), targetFor(labHost), nullptr, nullptr, CancelToken(),
                              [this](const QString &line) { m_log << line; });
        SLURMDECK_VERIFY_OK(deployer.connectAndCheck(true));
        DeployOptions build = options(ImageSource::BuildOnHost);
        build.baseImage = base;
        QElapsedTimer timer;
        timer.start();
        const Result<HostImages::Outcome> built =
            HostImages(deployer).ensure({tag}, build, nullptr, {context});
        SLURMDECK_VERIFY_OK(built);
        qInfo("built %s on %s in %lld ms", qPrintable(tag), qPrintable(labHost.name), timer.elapsed());
        QCOMPARE(built->built, QStringList{tag});
        QVERIFY(built->loaded.isEmpty());

        const QString format = QStringLiteral("{{index .Config.Labels \"%1\"}} {{index .Config.Labels "
                                              "\"org.slurmdeck.base-image\"}}")
                                   .arg(ImageBuild::contextHashLabel());
        const Result<ExecResult> labels =
            onHost(labHost, Shell::join({labHost.docker, QStringLiteral("image"), QStringLiteral("inspect"),
                                         QStringLiteral("--format"), format, tag}));
        SLURMDECK_VERIFY_OK(labels);
        QCOMPARE(QString::fromUtf8(labels->standardOutput).trimmed(),
                 ImageBuild::contentHash(context.files, base, imageId(labHost, base)) + u' ' + base);
        const Result<ExecResult> version =
            onHost(labHost, Shell::join({labHost.docker, QStringLiteral("run"), QStringLiteral("--rm"),
                                         QStringLiteral("--entrypoint"), QStringLiteral("slurmd"), tag,
                                         QStringLiteral("-V")}));
        SLURMDECK_VERIFY_OK(version);
        QVERIFY2(version->succeeded() && version->standardOutput.contains(" 22.05."),
                 version->standardOutput.constData());
        const Result<ExecResult> sent =
            onHost(labHost, QStringLiteral("ls ") + Shell::quote(current.hosts.first().directory +
                                                                 QStringLiteral("/images/slurm")));
        SLURMDECK_VERIFY_OK(sent);
        QVERIFY2(sent->standardOutput.contains("Dockerfile") &&
                     sent->standardOutput.contains("entrypoint.sh"),
                 sent->standardOutput.constData());

        // No change: nothing is sent or built, and it is quick.
        timer.restart();
        const Result<HostImages::Outcome> again =
            HostImages(deployer).ensure({tag}, build, nullptr, {context});
        SLURMDECK_VERIFY_OK(again);
        QVERIFY(again->built.isEmpty());
        qInfo("no-change build check: %lld ms", timer.elapsed());
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        // A base image the offline host does not have: the build log's end and what to do.
        DeployOptions missing = build;
        missing.baseImage = QStringLiteral("slurmdeck-test/no-such-base:1");
        const Result<HostImages::Outcome> failed =
            HostImages(deployer).ensure({tag}, missing, nullptr, {context});
        QVERIFY(!failed);
        const QString message = failed.error().message;
        QVERIFY2(message.contains(QStringLiteral("Building ") + tag + QStringLiteral(" on ") + labHost.name),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("no-such-base")), qPrintable(message)); // from the log
        QVERIFY2(message.contains(QStringLiteral("--images transfer")), qPrintable(message));
        QVERIFY2(m_log.join(u'\n').contains(QStringLiteral("docker build will try to pull it")),
                 qPrintable(m_log.join(u'\n')));

        const Result<ExecResult> cleaned =
            onHost(labHost, Shell::join({labHost.docker, QStringLiteral("rmi"), QStringLiteral("-f"), tag}));
        SLURMDECK_VERIFY_OK(cleaned);
    }
};

QTEST_GUILESS_MAIN(TestImagesLab)
#include "tst_imageslab.moc"
