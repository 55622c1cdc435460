// SPDX-License-Identifier: GPL-3.0-or-later
// The Nodes view on a real cluster: the lab's four hosts deployed by SlurmDeck's engine,
// the main window opened on the cluster file, Nodes shown (which starts the monitor); the
// view lists the four nodes, fresh; Drain (reason from the dialog seam) on one node shows as
// drained in the real `sinfo` inside the slurmctld container and in the view, Resume brings
// it back in both. The Problems view, opened while the node is drained, checks every host (all
// healthy) and names the drained node with its reason; a node exporter stopped by hand is named
// after Refresh and started again by Fix; once resumed, nothing. Writes a screenshot of the
// Nodes view to the build directory. The cluster (own name, the same ports as the other deploy tests: hold
// the lab lock) is removed at the end, pass or fail.
#include "FakeOperations.h"
#include "LabCluster.h"
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
#include "views/ProblemsView.h"
#include "widgets/SourceHealthIndicator.h"
#include "widgets/StaleBanner.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace std::chrono_literals;

class TestNodesViewLab final : public QObject
{
    Q_OBJECT

private:
    Lab::LabCluster m_lab;
    std::unique_ptr<MainWindow> m_window;
    QString m_node;

    QString clusterFile() const { return m_lab.clusterFile(); }
    SshTarget shared() const { return m_lab.shared(); }
    QString slurm(const QString &command) const { return m_lab.slurm(command); }

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

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY2(m_lab.hosts().size() >= 4, "the Nodes view lab test needs four lab hosts");
        QVERIFY(m_lab.home.isValid());
        QVERIFY(m_lab.writeSshConfig());

        // The seed's topology: the first host runs everything, all four compute.
        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("viewstest"), QStringLiteral("viewstest.yaml"), true,
                                          ClusterSecrets::generateMungeKey(),
                                          ClusterSecrets::generatePassword()));
        m_node = m_lab.hosts().at(3).name; // worker2
        m_lab.tearDown();                  // leftovers of a killed run
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_lab.tearDown();
    }

    void deploy()
    {
        QStringList log;
        QElapsedTimer timer;
        timer.start();
        const std::optional<DeployReport> report = m_lab.deploy(&log);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(log.mid(std::max<qsizetype>(0, log.size() - 30)).join(u'\n')));
        qInfo("deployed in %lld s", timer.elapsed() / 1000);
        // Every node registered and idle before the view looks.
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
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
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() == m_lab.hosts().size(), 60000);
        QVERIFY(view->staleBanner()->isHidden());
        for (const Lab::Host &host : m_lab.hosts())
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

    void problemsViewNamesTheDrainedNode()
    {
        QVERIFY(m_window);
        m_window->showArea(Area::Problems);
        ProblemsView *problems = m_window->problemsView();
        // Opening the view checks every host (real SSH, Docker and logs): nothing wrong there.
        QTRY_VERIFY_WITH_TIMEOUT(problems->summary().contains(QLatin1String("Hosts checked at")), 60000);
        QStringList found;
        for (const Finding &finding : problems->findings())
            found << finding.rule + u' ' + finding.node;
        QCOMPARE(found, QStringList{QStringLiteral("node-drained ") + m_node});
        QVERIFY2(problems->findings().first().evidence.contains(QLatin1String("view drain")),
                 qPrintable(problems->findings().first().evidence));
        const auto *status =
            m_window->statusBar()->findChild<QToolButton *>(QStringLiteral("problemsStatus"));
        QVERIFY(status && status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("1 warning"));
        const QString shot = QStringLiteral(SLURMDECK_BUILD_DIR "/problems-view-lab.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(*m_window, shot));

        // The node exporter stopped on the node's host: Refresh names it, Fix starts it again.
        const Lab::Host &host = m_lab.hosts().at(3);
        const Result<ExecResult> exporterStopped = m_lab.onHost(
            host, QStringLiteral("%1 stop $(%1 ps -q --filter label=com.docker.compose.project=%2 "
                                 "--filter label=com.docker.compose.service=node-exporter)")
                      .arg(Shell::quote(host.docker), Shell::quote(m_lab.plan.projectName)));
        QVERIFY(exporterStopped && exporterStopped->succeeded());
        problems->checkHostsAction()->trigger();
        const auto stopped = [problems, this] {
            return std::any_of(
                problems->findings().cbegin(), problems->findings().cend(), [this](const Finding &f) {
                    return f.rule == u"service-stopped" && f.host == m_node && f.service == u"node-exporter";
                });
        };
        QTRY_VERIFY_WITH_TIMEOUT(stopped(), 60000);
        problems->table()->selectRow(0);
        QVERIFY(problems->fixAction()->isEnabled());
        problems->fixAction()->trigger(); // the scripted confirmation says yes
        QTRY_VERIFY_WITH_TIMEOUT(
            !stopped() && problems->summary().contains(QLatin1String("Hosts checked at")), 90000);
        QVERIFY2(
            m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Started node-exporter on ")),
            qPrintable(m_window->statusBar()->currentMessage()));
        m_window->showArea(Area::Nodes);
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
        // Slurm's side clears on the next poll; the hosts' side on a later check: Prometheus
        // sees the restarted exporter only at its next scrape (every 15 s).
        ProblemsView *problems = m_window->problemsView();
        for (int i = 0; i < 30 && !problems->findings().isEmpty(); ++i) {
            if (problems->checkHostsAction()->isEnabled())
                problems->checkHostsAction()->trigger();
            QTest::qWait(3000);
        }
        QStringList left;
        for (const Finding &finding : problems->findings())
            left << finding.rule + u' ' + finding.host;
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        QVERIFY(
            !m_window->statusBar()->findChild<QToolButton *>(QStringLiteral("problemsStatus"))->isVisible());
    }
};

QTEST_MAIN(TestNodesViewLab)
#include "tst_nodesviewlab.moc"
