// The Nodes view on a real cluster: the lab's four hosts deployed by SlurmDeck's engine,
// the main window opened on the cluster file, Nodes shown (which starts the monitor); the
// view lists the four nodes, fresh; Drain (reason from the dialog seam) on one node shows as
// drained in the real `sinfo` inside the slurmctld container and in the view, Resume brings
// it back in both. Writes a screenshot of the Nodes view to the build directory. The cluster
// (own name, the same ports as the other deploy tests: hold the lab lock) is removed at the
// end, pass or fail.
#include "FakeOperations.h"
#include "LabManifest.h"
#include "LiveCluster.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "models/NodesModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/NodesView.h"
#include "widgets/SourceHealthIndicator.h"
#include "widgets/StaleBanner.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace std::chrono_literals;

class TestNodesViewLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_home;
    Cluster m_cluster;
    ClusterPlan m_plan;
    QHash<QString, SshTarget> m_targets;
    std::unique_ptr<MainWindow> m_window;
    QString m_node;

    QString clusterFile() const { return m_home.filePath(QStringLiteral("viewstest.yaml")); }
    QString sshConfig() const { return m_home.filePath(QStringLiteral("ssh_config")); }
    const Lab::Host &primary() const { return m_lab.hosts.first(); }

    SshTarget shared() const
    {
        SshTarget ssh;
        ssh.configFile = sshConfig();
        ssh.slurmDeckKnownHostsFile = m_home.filePath(QStringLiteral("own_known_hosts"));
        return ssh;
    }

    Result<ExecResult> onHost(const Lab::Host &host, const QString &command) const
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(m_targets.value(host.name), &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    // `command` in the slurmctld container on the primary; stdout and stderr, trimmed.
    QString slurm(const QString &command) const
    {
        const QString container =
            QStringLiteral("$(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                           "label=com.docker.compose.service=slurmctld)")
                .arg(Shell::quote(primary().docker), Shell::quote(m_plan.projectName));
        const Result<ExecResult> ran =
            onHost(primary(), QStringLiteral("%1 exec %2 sh -c %3")
                                  .arg(Shell::quote(primary().docker), container, Shell::quote(command)));
        if (!ran)
            return QStringLiteral("error: ") + ran.error().toString();
        return QString::fromUtf8(ran->standardOutput + ran->standardError).trimmed();
    }

    // What the real sinfo says of the node: "idle", "drained", "draining", ...
    QString sinfoState(const QString &node) const
    {
        return slurm(QStringLiteral("sinfo -h -N -n %1 -o %T").arg(node)).section(u'\n', 0, 0);
    }

    QString viewState(const QString &node) const
    {
        NodesModel *model = m_window->nodesView()->model();
        const int row = model->rowOf(node);
        return row < 0 ? QString() : model->node(row).stateText();
    }

    void tearDownCluster() const
    {
        for (const HostPlan &host : m_plan.hosts) {
            for (const Lab::Host &lab : m_lab.hosts) {
                if (lab.name != host.hostName)
                    continue;
                const QString docker = Shell::quote(lab.docker);
                const Result<ExecResult> removed = onHost(
                    lab, QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                        "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                        "%1 network ls -q --filter label=com.docker.compose.project=%2 | "
                                        "xargs -r %1 network rm >/dev/null 2>&1; rm -rf %3")
                             .arg(docker, Shell::quote(m_plan.projectName), Shell::quote(host.directory)));
                Q_UNUSED(removed);
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
        QVERIFY2(m_lab.hosts.size() >= 4, "the Nodes view lab test needs four lab hosts");
        QVERIFY(m_home.isValid());
        QFile config(sshConfig());
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n    UserKnownHostsFile " + m_lab.knownHosts().toUtf8() +
                     "\n    GlobalKnownHostsFile /dev/null\n");
        config.close();

        // The seed's topology: the first host runs everything, all four compute.
        m_cluster.name = QStringLiteral("viewstest");
        for (const Lab::Host &lab : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = lab.name;
            host.address = lab.address;
            host.user = QStringLiteral("root");
            host.identity = m_lab.clientKey();
            host.detected.platform = lab.platform == u"qnap" ? Platform::Qnap : Platform::Linux;
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            m_cluster.hosts << host;
        }
        m_cluster.hosts[1].platformOverride = Platform::MacOS;
        assignDefaultRoles(m_cluster);
        SLURMDECK_VERIFY_OK(ClusterFile::save(m_cluster, clusterFile()));
        const DeploySession session(m_cluster, shared());
        const Result<DeploySession::Prepared> prepared =
            session.prepareWith(ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword());
        SLURMDECK_VERIFY_OK(prepared);
        m_plan = prepared->plan;
        m_targets = prepared->targets;
        m_node = m_lab.hosts.at(3).name; // worker2
        tearDownCluster();               // leftovers of a killed run
    }

    void cleanupTestCase()
    {
        m_window.reset();
        tearDownCluster();
    }

    void deploy()
    {
        DeployRunner runner(m_plan, m_targets, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                            nullptr);
        QSignalSpy finished(&runner, &DeployRunner::finished);
        QStringList log;
        connect(&runner, &DeployRunner::logLine, this, [&log](const QString &host, const QString &line) {
            log << host + QStringLiteral(": ") + line;
        });
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.verify = false;
        QElapsedTimer timer;
        timer.start();
        runner.start(options);
        QVERIFY(finished.wait(900000));
        const DeployReport report = finished.first().first().value<DeployReport>();
        QVERIFY2(report.ok(), qPrintable(log.mid(std::max<qsizetype>(0, log.size() - 30)).join(u'\n')));
        qInfo("deployed in %lld s", timer.elapsed() / 1000);
        // Every node registered and idle before the view looks.
        QVERIFY2(QTest::qWaitFor(
                     [this] {
                         return slurm(QStringLiteral("sinfo -h -N -o %T | sort -u")) ==
                                QLatin1StringView("idle");
                     },
                     120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void nodesViewShowsTheCluster()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setSshDefaults(shared());
        m_window->liveCluster()->setInterval(1s);
        m_window->setReasonPrompt(
            std::make_shared<Testing::ScriptedReasonPrompt>(QStringLiteral("slurmdeck lab: view drain")));
        m_window->setConfirmation(std::make_shared<Testing::ScriptedConfirmation>(true));
        m_window->resize(1300, 700);
        SLURMDECK_VERIFY_OK(m_window->openCluster(clusterFile()));
        m_window->show();
        m_window->showArea(Area::Nodes);
        NodesView *view = m_window->nodesView();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() == m_lab.hosts.size(), 60000);
        QVERIFY(view->staleBanner()->isHidden());
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            QCOMPARE(viewState(host.name), QStringLiteral("IDLE"));
        QVERIFY2(view->summary().startsWith(QStringLiteral("4 nodes: 4 idle")), qPrintable(view->summary()));
        // Its age: "just now" right after a poll (every second here), "N s ago" later.
        const QRegularExpression age(QStringLiteral("(just now|\\d+ (s|min|h|d) ago)$"));
        QTRY_VERIFY(
            age.match(m_window->sourceHealth()->label(QStringLiteral("slurmctld"))->text()).hasMatch());
        QVERIFY(!m_window->sourceHealth()->label(QStringLiteral("slurmctld"))->property("failing").toBool());
    }

    void drainFromTheViewShowsInSinfo()
    {
        QVERIFY(m_window);
        NodesView *view = m_window->nodesView();
        view->selectNodes({m_node});
        QCOMPARE(view->selectedNodes(), QStringList{m_node});
        QAction *drain = view->action(ClusterOperations::NodeAction::Drain);
        QVERIFY(drain->isEnabled());
        drain->trigger();
        QVERIFY2(
            QTest::qWaitFor([this] { return sinfoState(m_node) == QLatin1StringView("drained"); }, 30000),
            qPrintable(slurm(QStringLiteral("sinfo -N -o '%N %T %E'"))));
        QVERIFY(slurm(QStringLiteral("sinfo -h -N -n %1 -o %E").arg(m_node))
                    .contains(QStringLiteral("view drain")));
        QTRY_COMPARE_WITH_TIMEOUT(viewState(m_node), QStringLiteral("IDLE+DRAIN"), 20000);
        QCOMPARE(view->selectedNodes(), QStringList{m_node}); // the refresh kept the selection
        const int row = view->model()->rowOf(m_node);
        QVERIFY(view->model()
                    ->index(row, NodesModel::ReasonColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("view drain")));
        QVERIFY2(!view->notice().isEmpty(), "the action's result is shown");

        const QString shot = QStringLiteral(SLURMDECK_BUILD_DIR "/nodes-view-lab.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(*m_window, shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void resumeFromTheViewShowsInSinfo()
    {
        QVERIFY(m_window);
        NodesView *view = m_window->nodesView();
        view->selectNodes({m_node});
        QAction *resume = view->action(ClusterOperations::NodeAction::Resume);
        QVERIFY(resume->isEnabled());
        resume->trigger();
        QVERIFY2(QTest::qWaitFor([this] { return sinfoState(m_node) == QLatin1StringView("idle"); }, 30000),
                 qPrintable(slurm(QStringLiteral("sinfo -N -o '%N %T %E'"))));
        QTRY_COMPARE_WITH_TIMEOUT(viewState(m_node), QStringLiteral("IDLE"), 20000);
        QCOMPARE(view->selectedNodes(), QStringList{m_node});
    }
};

QTEST_MAIN(TestNodesViewLab)
#include "tst_nodesviewlab.moc"
