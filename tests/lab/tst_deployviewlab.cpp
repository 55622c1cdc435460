// SPDX-License-Identifier: GPL-3.0-or-later
// The Deploy view deploys a 3-host cluster onto the lab through its own buttons: Plan,
// Deploy (confirmed through the seam), per-host progress to done, every verification check
// passed, a summary line; writes a screenshot of the Deploy view to the build directory. Then
// a second window, with a configuration directory of its own, adopts the deployed cluster
// through File → Adopt Cluster…'s dialog (its secrets into the test's keyring). Removes the
// cluster at the end.
#include "Confirmation.h"
#include "LabManifest.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "deploy/DeployRunner.h"
#include "dialogs/AdoptDialog.h"
#include "inventory/ClusterDocument.h"
#include "models/DeployHostsModel.h"
#include "models/PlanTreeModel.h"
#include "models/VerificationChecksModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/DeployView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

class Yes final : public Confirmation
{
public:
    void ask(QWidget *, const Question &, std::function<void(bool)> answer) override
    {
        QTimer::singleShot(0, qApp, [answer = std::move(answer)] { answer(true); });
    }
};

} // namespace

class TestDeployViewLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    std::optional<ClusterPlan> m_plan;
    QByteArray m_mungeKey; // the deployed cluster's

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.identityFile = m_lab.clientKey();
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_lab.knownHosts();
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return ssh;
    }

    void tearDownCluster(const QString &project, const QHash<QString, QString> &directories)
    {
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            SshTarget target = sshDefaults();
            target.host = host.address;
            target.user = QStringLiteral("root");
            FixedHostKeyPolicy reject(HostKeyDecision::Reject);
            SshConnection connection(target, &reject);
            if (!connection.connect())
                continue;
            const QString docker = Shell::quote(host.docker);
            const Result<ExecResult> down = connection.exec(
                QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                               "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3")
                    .arg(docker, Shell::quote(project),
                         Shell::quote(directories.value(host.name, QStringLiteral("/nonexistent")))));
            Q_UNUSED(down);
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
    }

    void cleanupTestCase()
    {
        if (!m_plan)
            return;
        QHash<QString, QString> directories;
        for (const HostPlan &host : std::as_const(m_plan->hosts))
            directories.insert(host.hostName, host.directory);
        tearDownCluster(m_plan->projectName, directories);
    }

    void deployFromTheView()
    {
        MainWindow window;
        ClusterDocument *document = window.clusterDocument();
        document->setClusterName(QStringLiteral("deployviewlab"));
        QList<Host> hosts;
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
            hosts << host;
        }
        hosts[1].platformOverride = Platform::MacOS;
        SLURMDECK_VERIFY_OK(document->addHosts(hosts));
        document->resetRolesToDefaults();

        DeployView *view = window.deployView();
        window.setConfirmation(std::make_shared<Yes>());
        m_mungeKey = ClusterSecrets::generateMungeKey();
        view->session()->setSecrets(m_mungeKey, ClusterSecrets::generatePassword());
        view->session()->setSshDefaults(sshDefaults());
        view->session()->setHostKeyPrompt(std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        view->setDeployOptions(options);
        window.resize(1400, 900);
        window.show();
        window.showArea(Area::Deploy);
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy planned(view, &DeployView::planReady);
        window.findChild<QAction *>(QStringLiteral("planAction"))->trigger();
        QVERIFY2(planned.wait(30000), qPrintable(view->notice()));
        QCOMPARE(view->planModel()->rowCount(), m_lab.hosts.size());

        // What to tear down, also when the deploy fails half way.
        DeploySession session(document->cluster(), sshDefaults());
        const Result<DeploySession::Prepared> prepared =
            session.prepareWith(ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword());
        SLURMDECK_VERIFY_OK(prepared);
        m_plan = prepared->plan;
        cleanupTestCase(); // leftovers of a killed run

        QSignalSpy finished(view, &DeployView::deployFinished);
        window.findChild<QAction *>(QStringLiteral("startDeployAction"))->trigger();
        QVERIFY(finished.wait(540000));
        const DeployReport report = finished.first().first().value<DeployReport>();
        qInfo("summary: %s", qPrintable(view->summary()));
        QVERIFY2(report.ok(), qPrintable(view->summary() + u'\n' + view->logText().right(3000)));
        for (int row = 0; row < view->hostsModel()->rowCount(); ++row) {
            QCOMPARE(view->hostsModel()->row(row).phase, DeployPhase::Done);
            QCOMPARE(view->hostsModel()->row(row).percent, 100);
        }
        QVERIFY(view->checksModel()->rowCount() >= 5);
        QVERIFY(view->summary().contains(QStringLiteral("4 hosts deployed")));
        QVERIFY(!view->logText().isEmpty());

        QCoreApplication::processEvents();
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/deployview.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(window, shot));
        qInfo("screenshot: %s", qPrintable(shot));
        QVERIFY(!QImage(shot).isNull());
    }

    // Another machine's SlurmDeck (here: its own configuration directory) adopts the cluster:
    // the description the deploy left on the controller host, the secrets copied over the
    // same verified connection into the keychain, and the cluster file it wrote opened.
    void adoptFromASecondWindow()
    {
        QVERIFY2(m_plan, "needs the cluster deployFromTheView deployed");
        QTemporaryDir config;
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("XDG_CONFIG_HOME"); });
        MainWindow window;
        window.setSshDefaults(sshDefaults());
        window.setConfirmation(std::make_shared<Yes>());
        SshTarget controller = sshDefaults();
        controller.host = m_lab.hosts.constFirst().address;
        controller.user = m_lab.hosts.constFirst().user;
        QPointer<AdoptDialog> dialog = window.adoptCluster(controller, QStringLiteral("deployviewlab"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return !dialog || dialog->isFinished(); }, 180000));
        QVERIFY(dialog);
        QVERIFY2(!dialog->clusterFile().isEmpty(), qPrintable(dialog->status() + u'\n' + dialog->log()));
        QVERIFY2(dialog->log().contains(QStringLiteral("Cluster deployviewlab on")),
                 qPrintable(dialog->log()));

        const QString file = config.filePath(QStringLiteral("SlurmDeck/clusters/deployviewlab.yaml"));
        QCOMPARE(dialog->clusterFile(), file);
        QVERIFY(QFile::exists(file));
        QCOMPARE(window.clusterDocument()->path(), file);
        QCOMPARE(window.clusterDocument()->cluster().name, QStringLiteral("deployviewlab"));
        QCOMPARE(window.clusterDocument()->hosts().size(), m_lab.hosts.size());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(!written.readAll().contains(m_mungeKey.toBase64()));

        // The keychain now holds the munge key the hosts run with.
        ClusterSecrets secrets(window.clusterDocument()->cluster().keychainService());
        std::optional<Result<ClusterSecrets::Values>> loaded;
        secrets.load(this, [&loaded](Result<ClusterSecrets::Values> values) { loaded = std::move(values); });
        QVERIFY(QTest::qWaitFor([&] { return loaded.has_value(); }, 30000));
        SLURMDECK_VERIFY_OK(*loaded);
        QVERIFY((*loaded)->mungeKey == m_mungeKey);
    }
};

QTEST_MAIN(TestDeployViewLab)
#include "tst_deployviewlab.moc"
