// SPDX-License-Identifier: GPL-3.0-or-later
// The Services view and its model, offscreen: the model applies each host's listing as row
// changes (checked by QAbstractItemModelTester, no resets, selection kept), and the view
// talks to real (unreachable) hosts through ServiceControl without the GUI thread waiting:
// refresh lists every host as unreachable, actions and follows report their errors,
// Remove cluster asks through the Confirmation seam with its "also delete data" option.
#include "Confirmation.h"
#include "MainWindow.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterDocument.h"
#include "models/ServicesModel.h"
#include "ssh/HostKey.h"
#include "views/ServicesView.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/ServiceLogPane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Answers every question with `answer` (and the option `option`), later, as a dialog would.
class ScriptedConfirmation final : public Confirmation
{
public:
    ScriptedConfirmation(bool answer, bool option) : m_answer(answer), m_option(option) {}

    void ask(QWidget *, const Question &question, std::function<void(bool)> answer) override
    {
        questions << question.text;
        QTimer::singleShot(0, [answer = std::move(answer), yes = m_answer] { answer(yes); });
    }
    void askWithOption(QWidget *, const Question &question, const QString &option,
                       std::function<void(Answer)> answer) override
    {
        questions << question.text;
        options << option;
        QTimer::singleShot(0, [answer = std::move(answer), yes = m_answer, checked = m_option] {
            answer(Answer{yes, checked});
        });
    }

    QStringList questions;
    QStringList options;

private:
    bool m_answer;
    bool m_option;
};

ServiceStatus status(const QString &service, ServiceState state, int minutesAgo = 5)
{
    ServiceStatus result;
    result.service = service;
    result.state = state;
    result.since = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return result;
}

} // namespace

class TestServicesView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    QString clusterFile(const QString &name)
    {
        const QString path = m_temp.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QString yaml = QStringLiteral("name: %1\nhosts:\n").arg(name);
        const QStringList hosts{QStringLiteral("head"), QStringLiteral("node1")};
        for (int i = 0; i < hosts.size(); ++i) {
            // Port 1: nothing listens, every connection is refused at once.
            yaml += QStringLiteral("  - name: %1\n    address: 127.0.0.1\n    user: root\n    port: 1\n"
                                   "    roles: [%2]\n    detected:\n      platform: linux\n"
                                   "      arch: x86_64\n      cpus: 4\n      memory_mib: 8000\n")
                        .arg(hosts.at(i), i == 0 ? QStringLiteral("controller, database, monitoring, compute")
                                                 : QStringLiteral("compute"));
        }
        yaml += QStringLiteral("partitions:\n  - name: main\n    nodes: ALL\n    default: true\n");
        file.write(yaml.toUtf8());
        return path;
    }

    std::unique_ptr<MainWindow> window(const QString &name)
    {
        auto main = std::make_unique<MainWindow>();
        const Result<void> opened = main->openCluster(clusterFile(name));
        if (!opened)
            qWarning("%s", qPrintable(opened.error().toString()));
        ServicesView *view = main->servicesView();
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_temp.filePath(QStringLiteral("known_hosts"));
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        ssh.connectTimeout = std::chrono::seconds(3);
        view->session()->setSshDefaults(ssh);
        view->session()->setHostKeyPrompt(std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        return main;
    }

    static bool refreshed(ServicesView *view)
    {
        QSignalSpy done(view, &ServicesView::refreshed);
        view->refresh();
        return done.wait(20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
    }

    void modelAppliesListingsAsRowChanges()
    {
        ServicesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

        model.setPlannedServices(
            {{QStringLiteral("head"), {QStringLiteral("slurmctld"), QStringLiteral("slurmd")}},
             {QStringLiteral("node1"), {QStringLiteral("slurmd")}}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ServicesModel::StateColumn).data().toString(), QStringLiteral("unknown"));

        QItemSelectionModel selection(&proxy);
        const int slurmdOnNode1 = model.rowOf(QStringLiteral("node1"), QStringLiteral("slurmd"));
        selection.setCurrentIndex(proxy.mapFromSource(model.index(slurmdOnNode1, 0)),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // head answers: its two planned services and one the plan no longer has.
        ServiceStatus old = status(QStringLiteral("oldservice"), ServiceState::Running);
        old.planned = false;
        model.setHostServices(HostServices{QStringLiteral("head"),
                                           std::nullopt,
                                           {status(QStringLiteral("slurmctld"), ServiceState::Running),
                                            status(QStringLiteral("slurmd"), ServiceState::Exited), old}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.row(0).service, QStringLiteral("slurmctld"));
        QCOMPARE(model.index(0, ServicesModel::StateColumn).data().toString(), QStringLiteral("running"));
        QVERIFY(model.index(0, ServicesModel::SinceColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("5 min ago")));
        QCOMPARE(model.index(1, ServicesModel::DetailsColumn).data().toString(),
                 QStringLiteral("exit status 0"));
        QVERIFY(model.index(2, ServicesModel::DetailsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("not in the plan")));
        QCOMPARE(model.row(3).host, QStringLiteral("node1")); // the other host's rows stay after head's
        QCOMPARE(model.servicesOf(QStringLiteral("head")),
                 (QStringList{QStringLiteral("slurmctld"), QStringLiteral("slurmd")}));

        // node1 cannot be asked: its rows say so, the error is the tooltip.
        model.setHostServices(
            HostServices{QStringLiteral("node1"),
                         makeError(Error::Code::Network, QStringLiteral("Cannot reach node1.")),
                         {}});
        const int row = model.rowOf(QStringLiteral("node1"), QStringLiteral("slurmd"));
        QCOMPARE(model.index(row, ServicesModel::StateColumn).data().toString(),
                 QStringLiteral("unreachable"));
        QCOMPARE(model.index(row, ServicesModel::DetailsColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Cannot reach node1."));

        // A pending action shows until the next listing of the host.
        model.setPending(QStringLiteral("head"), {QStringLiteral("slurmd")}, QStringLiteral("stopping…"));
        QCOMPARE(model.index(1, ServicesModel::StateColumn).data().toString(), QStringLiteral("stopping…"));
        QCOMPARE(model.index(0, ServicesModel::StateColumn).data().toString(), QStringLiteral("running"));
        model.setHostServices(HostServices{QStringLiteral("head"),
                                           std::nullopt,
                                           {status(QStringLiteral("slurmctld"), ServiceState::Running),
                                            status(QStringLiteral("slurmd"), ServiceState::Absent)}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, ServicesModel::StateColumn).data().toString(), QStringLiteral("absent"));

        // Sorting by state sorts by the state's order, not its text.
        proxy.setSortRole(Qt::UserRole + 1);
        proxy.sort(ServicesModel::StateColumn);
        QCOMPARE(proxy.index(2, ServicesModel::StateColumn).data().toString(), QStringLiteral("absent"));

        // Planning again without node1 removes its rows; the others keep their state.
        model.setPlannedServices(
            {{QStringLiteral("head"), {QStringLiteral("slurmctld"), QStringLiteral("slurmd")}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ServicesModel::StateColumn).data().toString(), QStringLiteral("running"));
        QCOMPARE(resets.count(), 0);
        Q_UNUSED(selection);
    }

    void selectionSurvivesARefresh()
    {
        ServicesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlannedServices({{QStringLiteral("a"), {QStringLiteral("s1"), QStringLiteral("s2")}},
                                  {QStringLiteral("b"), {QStringLiteral("s1")}}});
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(2, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        model.setHostServices(HostServices{
            QStringLiteral("a"), std::nullopt, {status(QStringLiteral("s1"), ServiceState::Running)}});
        // a's s2 is no longer listed: the rows below move up and stay selected.
        QCOMPARE(selection.currentIndex().row(), model.rowOf(QStringLiteral("b"), QStringLiteral("s1")));
        QVERIFY(selection.isRowSelected(selection.currentIndex().row(), {}));
    }

    void ages_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << 42 << QStringLiteral("42 s ago");
        QTest::newRow("minutes") << 125 << QStringLiteral("2 min ago");
        QTest::newRow("hours") << 7300 << QStringLiteral("2 h ago");
        QTest::newRow("days") << 3 * 86400 + 5 << QStringLiteral("3 days ago");
        QTest::newRow("future clock") << -30 << QStringLiteral("0 s ago");
    }
    void ages()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(ServicesModel::ageText(now.addSecs(-seconds), now), expected);
        QVERIFY(ServicesModel::ageText({}, now).isEmpty());
    }

    void emptyUntilConnected()
    {
        auto main = window(QStringLiteral("emptytest"));
        ServicesView *view = main->servicesView();
        QCOMPARE(main->view(Area::Services), view);
        QVERIFY(!view->control());
        QVERIFY(!view->table()->isVisibleTo(view));
        QVERIFY(view->emptyState()->explanation().contains(QStringLiteral("Refresh (F5)")));
        for (const char *name : {"startServiceAction", "stopServiceAction", "restartServiceAction",
                                 "stopClusterAction", "removeClusterAction", "showLogsAction"})
            QVERIFY2(!view->findChild<QAction *>(QLatin1String(name))->isEnabled(), name);
        QVERIFY(view->findChild<QAction *>(QStringLiteral("refreshServicesAction"))->isEnabled());
    }

    // Refresh (F5) connects to every host through ServiceControl; nothing listens, so each
    // host's rows say it is unreachable, and the GUI thread never waited.
    void refreshListsUnreachableHosts()
    {
        auto main = window(QStringLiteral("refreshtest"));
        ServicesView *view = main->servicesView();
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        main->show();
        QVERIFY(QTest::qWaitForWindowExposed(main.get()));
        main->showArea(Area::Services);
        QSignalSpy done(view, &ServicesView::refreshed);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(main.get(), Qt::Key_F5);
        QVERIFY(clock.elapsed() < 500);
        QVERIFY(done.wait(20000));
        QVERIFY(view->control());
        QVERIFY(view->control()
                    ->hostPlan(QStringLiteral("head"))
                    ->services.contains(QStringLiteral("slurmctld")));
        qsizetype planned = 0;
        for (const HostPlan &host : view->control()->plan().hosts)
            planned += host.services.size();
        QCOMPARE(view->model()->rowCount(), planned);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            QCOMPARE(view->model()->index(row, ServicesModel::StateColumn).data().toString(),
                     QStringLiteral("unreachable"));
            QVERIFY(!view->model()->row(row).problem.isEmpty());
        }
        QVERIFY2(!view->notice().isEmpty(), "the notice says what failed");
    }

    void actionsAndFollowReportErrors()
    {
        auto main = window(QStringLiteral("actiontest"));
        ServicesView *view = main->servicesView();
        QVERIFY(refreshed(view));
        QVERIFY(view->selectService(QStringLiteral("node1"), QStringLiteral("slurmd")));
        QVERIFY(view->findChild<QAction *>(QStringLiteral("stopServiceAction"))->isEnabled());

        // Ctrl+Alt+X is this view's Stop while it is shown (other views' shortcuts are not).
        main->show();
        QVERIFY(QTest::qWaitForWindowExposed(main.get()));
        main->showArea(Area::Services);
        main->activateWindow();
        QSignalSpy acted(view, &ServicesView::actionDone);
        QTest::keyClick(main.get(), Qt::Key_X, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(view->model()
                     ->index(view->model()->rowOf(QStringLiteral("node1"), QStringLiteral("slurmd")),
                             ServicesModel::StateColumn)
                     .data()
                     .toString(),
                 QStringLiteral("stopping…"));
        QVERIFY(acted.wait(20000));
        const ServiceActionReport report = acted.first().first().value<ServiceActionReport>();
        QCOMPARE(report.host, QStringLiteral("node1"));
        QVERIFY(report.action == ServiceAction::Stop);
        QVERIFY(report.error.has_value());
        QVERIFY2(view->notice().contains(QStringLiteral("node1: could not stop")),
                 qPrintable(view->notice()));

        QSignalSpy followEnded(view->control(), &ServiceControl::followFinished);
        view->logPane()->setTailLines(20);
        view->findChild<QAction *>(QStringLiteral("followLogsAction"))->trigger();
        QVERIFY(view->isFollowing());
        QVERIFY(view->logPane()->title().contains(QStringLiteral("following")));
        QVERIFY(followEnded.wait(20000));
        QVERIFY(!view->isFollowing());
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("followLogsAction"))->isChecked());
        QVERIFY2(view->notice().contains(QStringLiteral("Following the log on node1 stopped")),
                 qPrintable(view->notice()));
    }

    // The log's filter shows the lines containing its text, any case, also those that arrive
    // while following; clearing it shows every kept line again.
    void logFilterShowsMatchingLines()
    {
        QAction show;
        QAction follow;
        ServiceLogPane pane(&show, &follow);
        pane.setLines({QStringLiteral("slurmd: started"), QStringLiteral("error: Munge decode failed"),
                       QStringLiteral("slurmd: ready")});
        pane.setFilter(QStringLiteral("ERROR"));
        QCOMPARE(pane.text(), QStringLiteral("error: Munge decode failed"));
        QCOMPARE(pane.lineCount(), 1);
        pane.appendLines({QStringLiteral("another Error"), QStringLiteral("job 7 done")});
        QCOMPARE(pane.text(), QStringLiteral("error: Munge decode failed\nanother Error"));
        pane.setFilter(QString());
        QCOMPARE(pane.lineCount(), 5);
        QCOMPARE(pane.allLines().size(), 5);

        // The cap holds for what is kept, not only for what is shown.
        QStringList many;
        for (int i = 0; i < ServiceLogPane::maxLines; ++i)
            many << QStringLiteral("line %1").arg(i);
        pane.setFilter(QStringLiteral("line 1999"));
        pane.appendLines(many);
        QCOMPARE(pane.allLines().size(), ServiceLogPane::maxLines);
        QCOMPARE(pane.allLines().first(), QStringLiteral("line 0"));
        QCOMPARE(pane.lineCount(), 11); // line 1999 and 19990..19999
    }

    void removeClusterAsksWithTheDataOption()
    {
        auto main = window(QStringLiteral("removetest"));
        ServicesView *view = main->servicesView();
        QVERIFY(refreshed(view));

        auto refuse = std::make_shared<ScriptedConfirmation>(false, true);
        main->setConfirmation(refuse);
        QSignalSpy operations(view, &ServicesView::clusterOperationDone);
        view->findChild<QAction *>(QStringLiteral("removeClusterAction"))->trigger();
        QTRY_COMPARE(refuse->questions.size(), 1);
        QVERIFY(refuse->questions.first().contains(QStringLiteral("removetest")));
        QVERIFY(refuse->options.first().contains(QStringLiteral("data")));
        QTest::qWait(50);
        QVERIFY(!view->isRunningClusterOperation());
        QCOMPARE(operations.count(), 0);

        auto accept = std::make_shared<ScriptedConfirmation>(true, true);
        main->setConfirmation(accept);
        view->findChild<QAction *>(QStringLiteral("removeClusterAction"))->trigger();
        QVERIFY(operations.wait(30000));
        const ClusterOperationReport report = operations.first().first().value<ClusterOperationReport>();
        QVERIFY(report.operation == ClusterOperation::Remove);
        QVERIFY(report.purgeData);
        QCOMPARE(report.hosts.size(), 2);
        QVERIFY(!report.ok());
        QVERIFY2(view->notice().contains(QStringLiteral("Failed on 2 host")), qPrintable(view->notice()));
        QVERIFY(view->findChild<QAction *>(QStringLiteral("startClusterAction"))->isEnabled());
    }

    void stopClusterIsConfirmedStartIsNot()
    {
        auto main = window(QStringLiteral("stoptest"));
        ServicesView *view = main->servicesView();
        QVERIFY(refreshed(view));
        auto refuse = std::make_shared<ScriptedConfirmation>(false, false);
        main->setConfirmation(refuse);
        view->stopCluster();
        QTRY_COMPARE(refuse->questions.size(), 1);
        QVERIFY(!view->isRunningClusterOperation());

        QSignalSpy operations(view, &ServicesView::clusterOperationDone);
        view->startCluster();
        QCOMPARE(refuse->questions.size(), 1);
        QVERIFY(view->isRunningClusterOperation());
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("removeClusterAction"))->isEnabled());
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("stopServiceAction"))->isEnabled());
        QVERIFY(operations.wait(30000));
        const ClusterOperationReport report = operations.first().first().value<ClusterOperationReport>();
        QVERIFY(report.operation == ClusterOperation::Start);
        QVERIFY(!report.ok());
    }
};

QTEST_MAIN(TestServicesView)
#include "tst_servicesview.moc"
