// SPDX-License-Identifier: GPL-3.0-or-later
// The Nodes area: NodesModel and its proxy pass QAbstractItemModelTester through snapshots
// with 5% of rows changed and update without resets, the selected node stays selected and
// the scroll position stays; filters by text and state group; colours readable on light and
// dark palettes; a stale snapshot keeps the rows under a "stale since" banner; drain, resume,
// down and the composite actions go to ClusterOperations with the reason asked for, and
// their results (or errors) show in the view.
#include "FakeOperations.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "SyntheticCluster.h"
#include "dialogs/ReasonDialog.h"
#include "models/ModelRoles.h"
#include "models/NodesFilterProxy.h"
#include "models/NodesModel.h"
#include "models/StateStyle.h"
#include "views/NodesView.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/StaleBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Testing;
using namespace SlurmDeck::Ui;
using NodeAction = ClusterOperations::NodeAction;

namespace {

QStringList shownNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, NodesModel::NameColumn).data().toString();
    return names;
}

struct Fixture
{
    std::unique_ptr<NodesView> view = std::make_unique<NodesView>();
    std::shared_ptr<FakeOperations> operations = std::make_shared<FakeOperations>();
    std::shared_ptr<ScriptedConfirmation> confirmation = std::make_shared<ScriptedConfirmation>(true);
    std::shared_ptr<ScriptedReasonPrompt> reasons =
        std::make_shared<ScriptedReasonPrompt>(QStringLiteral("disk swap"));

    Fixture()
    {
        view->setOperations(operations);
        view->setConfirmation(confirmation);
        view->setReasonPrompt(reasons);
        view->resize(1100, 600);
    }
};

} // namespace

class TestNodesView final : public QObject
{
    Q_OBJECT

private slots:
    void modelsPassTheTesterThroughChurn()
    {
        NodesModel model;
        NodesFilterProxy proxy(&model);
        proxy.sort(NodesModel::CpusColumn, Qt::DescendingOrder);
        proxy.setFilterText(QStringLiteral("node0"));
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterSnapshot snapshot = syntheticSnapshot(300, 0);
        model.setNodes(snapshot.nodes);
        QCOMPARE(model.rowCount(), 300);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        int nextJob = 0;
        for (quint32 poll = 1; poll <= 5; ++poll) {
            const Churn churned = churn(snapshot, 0.05, poll, nextJob);
            model.setNodes(snapshot.nodes);
            QCOMPARE(model.lastUpdate().changed, churned.changedNodes.size());
            QCOMPARE(model.lastUpdate().inserted, 0);
            QCOMPARE(model.lastUpdate().removed, 0);
            for (const QString &name : churned.changedNodes)
                QCOMPARE(model.node(model.rowOf(name)), snapshot.nodes.at(name.mid(4).toInt() - 1));
        }
        // Nodes leave and arrive (the cluster file changed).
        snapshot.nodes.removeAt(10);
        snapshot.nodes.removeAt(10);
        snapshot.nodes << syntheticNode(301) << syntheticNode(302);
        model.setNodes(snapshot.nodes);
        QCOMPARE(model.lastUpdate().removed, 2);
        QCOMPARE(model.lastUpdate().inserted, 2);
        QCOMPARE(model.rowOf(nodeName(11)), -1);
        QVERIFY(model.rowOf(nodeName(302)) >= 0);
        QCOMPARE(model.rowCount(), 300);
        model.setNodes({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void displayedColumns()
    {
        NodesModel model;
        SlurmNode node = syntheticNode(8); // a GPU node
        node.flags = {QStringLiteral("DRAIN")};
        node.reason = QStringLiteral("fan noise");
        model.setNodes({node});
        const auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(NodesModel::NameColumn), QStringLiteral("node0008"));
        QCOMPARE(cell(NodesModel::StateColumn), QStringLiteral("ALLOCATED+DRAIN"));
        QCOMPARE(cell(NodesModel::CpusColumn), QStringLiteral("32 / 32"));
        QCOMPARE(cell(NodesModel::MemoryColumn), QStringLiteral("125.0 / 125.0 GiB"));
        QCOMPARE(cell(NodesModel::GpusColumn), QStringLiteral("4 / 4"));
        QCOMPARE(cell(NodesModel::LoadColumn), QStringLiteral("28.80"));
        QCOMPARE(cell(NodesModel::PartitionsColumn), QStringLiteral("gpu, main"));
        QCOMPARE(cell(NodesModel::ReasonColumn), QStringLiteral("fan noise"));
        QVERIFY(model.index(0, NodesModel::StateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Draining")));
        QCOMPARE(model.index(0, 0).data(KeyRole).toString(), QStringLiteral("node0008"));
        QCOMPARE(NodesModel::formatMemoryPair(512, 1000), QStringLiteral("512 / 1000 MiB"));
    }

    void coloursReadableOnLightAndDark()
    {
        const QPalette original = QApplication::palette();
        SlurmNode down = syntheticNode(5);
        down.state = QStringLiteral("DOWN");
        for (const bool dark : {false, true}) {
            QPalette palette = original;
            palette.setColor(QPalette::Base, dark ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            palette.setColor(QPalette::Text, dark ? QColor(Qt::white) : QColor(Qt::black));
            QApplication::setPalette(palette);
            NodesModel model;
            model.setNodes({down, syntheticNode(3)});
            const QColor text =
                model.index(0, NodesModel::StateColumn).data(Qt::ForegroundRole).value<QColor>();
            QVERIFY(text.isValid());
            // Light text on the dark base, dark text on the light one.
            QVERIFY2(dark ? text.lightness() > 150 : text.lightness() < 128, qPrintable(text.name()));
            const QColor tint =
                model.index(0, NodesModel::ReasonColumn).data(Qt::BackgroundRole).value<QColor>();
            QVERIFY(tint.isValid());
            QVERIFY(tint.alpha() < 64); // translucent: the palette's base shows through
            QVERIFY(model.index(0, 0).data(StateRole).toInt() == int(StateStyle::Category::Bad));
            QVERIFY(model.index(1, 0).data(StateRole).toInt() == int(StateStyle::Category::Good));
        }
        QApplication::setPalette(original);
    }

    void diffKeepsSelectionAndScroll()
    {
        Fixture f;
        f.view->show();
        ClusterSnapshot snapshot = syntheticSnapshot(1000, 0);
        f.view->setSnapshot(snapshot);
        QTableView *table = f.view->table();
        QCOMPARE(table->model()->rowCount(), 1000);
        const QString selected = nodeName(424);
        f.view->selectNodes({selected});
        table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
        const int scroll = table->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        QSignalSpy resets(f.view->model(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(f.view->proxy(), &QAbstractItemModel::layoutAboutToBeChanged);

        int nextJob = 0;
        bool selectedChanged = false;
        for (quint32 poll = 1; poll <= 4; ++poll) {
            const Churn churned = churn(snapshot, 0.05, poll * 7, nextJob);
            selectedChanged = selectedChanged || churned.changedNodes.contains(selected);
            f.view->setSnapshot(snapshot);
            QCOMPARE(f.view->model()->lastUpdate().changed, 50);
            QCOMPARE(f.view->selectedNodes(), QStringList{selected});
            QCOMPARE(table->verticalScrollBar()->value(), scroll);
            QCOMPARE(f.view->proxy()->data(table->currentIndex(), KeyRole).toString(), selected);
        }
        // The selected row itself changing must not lose it either.
        const int index = selected.mid(4).toInt() - 1;
        snapshot.nodes[index].state = QStringLiteral("IDLE");
        snapshot.nodes[index].flags = {QStringLiteral("DRAIN")};
        f.view->setSnapshot(snapshot);
        QCOMPARE(f.view->selectedNodes(), QStringList{selected});
        QCOMPARE(resets.count(), 0);
        // Sorted by name, which never changes: nothing was re-sorted.
        QCOMPARE(layouts.count(), 0);
        Q_UNUSED(selectedChanged);
    }

    void filters()
    {
        Fixture f;
        f.view->setSnapshot(syntheticSnapshot(100, 0));
        QAbstractItemModel *shown = f.view->table()->model();
        QCOMPARE(shown->rowCount(), 100);

        f.view->filterEdit()->setText(QStringLiteral("node004"));
        QCOMPARE(shownNames(*shown), (QStringList{QStringLiteral("node0040"), QStringLiteral("node0041"),
                                                  QStringLiteral("node0042"), QStringLiteral("node0043"),
                                                  QStringLiteral("node0044"), QStringLiteral("node0045"),
                                                  QStringLiteral("node0046"), QStringLiteral("node0047"),
                                                  QStringLiteral("node0048"), QStringLiteral("node0049")}));
        f.view->filterEdit()->setText(QStringLiteral("GPU"));        // partitions, any case
        QCOMPARE(shown->rowCount(), 12);                             // every 8th node
        f.view->filterEdit()->setText(QStringLiteral("disk check")); // reason
        QCOMPARE(shownNames(*shown), (QStringList{QStringLiteral("node0007"), QStringLiteral("node0057")}));
        f.view->filterEdit()->clear();

        QComboBox *state = f.view->stateFilterCombo();
        const auto choose = [state](NodesFilterProxy::StateFilter filter) {
            state->setCurrentIndex(state->findData(int(filter)));
        };
        choose(NodesFilterProxy::StateFilter::Drained);
        QCOMPARE(shownNames(*shown), (QStringList{QStringLiteral("node0007"), QStringLiteral("node0057")}));
        choose(NodesFilterProxy::StateFilter::Down);
        QCOMPARE(shownNames(*shown), QStringList{QStringLiteral("node0005")});
        choose(NodesFilterProxy::StateFilter::Problems);
        QCOMPARE(shown->rowCount(), 3);
        choose(NodesFilterProxy::StateFilter::Idle);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, NodesModel::StateColumn).data().toString(), QStringLiteral("IDLE"));
        QVERIFY(shown->rowCount() > 20);
        f.view->filterEdit()->setText(QStringLiteral("node000")); // both filters at once
        QCOMPARE(shownNames(*shown), (QStringList{QStringLiteral("node0003"), QStringLiteral("node0006"),
                                                  QStringLiteral("node0009")}));
        choose(NodesFilterProxy::StateFilter::All);
        QCOMPARE(shown->rowCount(), 9);
        QCOMPARE(f.view->summary(), QStringLiteral("100 nodes: 32 idle, 65 busy, 2 drained, 1 down"));
    }

    void staleSnapshotKeepsRowsUnderBanner()
    {
        Fixture f;
        ClusterSnapshot snapshot = syntheticSnapshot(20, 0);
        f.view->setSnapshot(snapshot);
        QVERIFY(f.view->staleBanner()->isHidden());
        QCOMPARE(f.view->table()->model()->rowCount(), 20);

        // The controller stops answering: a stale snapshot, even one without rows.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ClusterSnapshot stale = snapshot;
        stale.takenAt = now.addSecs(-12);
        stale.nodes.clear();
        stale.controller.ok = false;
        stale.controller.error =
            QStringLiteral("slurmctld does not answer: Unable to contact slurm controller.");
        f.view->staleBanner()->setClock([now] { return now; });
        f.view->setSnapshot(stale);
        QVERIFY(!f.view->staleBanner()->isHidden());
        const QString text = f.view->staleBanner()->text();
        QVERIFY2(text.startsWith(QStringLiteral("Stale since ") +
                                 stale.takenAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")) +
                                 QStringLiteral(" (12 s ago): slurmctld: slurmctld does not answer")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("last known state")));
        QCOMPARE(f.view->table()->model()->rowCount(), 20); // the last rows stay
        // The banner's age ticks by itself.
        f.view->staleBanner()->setClock([now] { return now.addSecs(90); });
        QVERIFY(f.view->staleBanner()->text().contains(QStringLiteral("(1 min ago)")));

        // SSH itself failing is named first.
        stale.ssh.ok = false;
        stale.ssh.error = QStringLiteral("Connection refused by 10.0.0.1:22.");
        f.view->setSnapshot(stale);
        QVERIFY(f.view->staleBanner()->text().contains(QStringLiteral("ssh: Connection refused")));

        // Recovery: fresh again, banner gone, rows follow.
        snapshot.nodes.removeLast();
        f.view->setSnapshot(snapshot);
        QVERIFY(f.view->staleBanner()->isHidden());
        QCOMPARE(f.view->table()->model()->rowCount(), 19);
    }

    void neverReachedShowsWhy()
    {
        NodesView view;
        ClusterSnapshot first; // the monitor's first answer: nothing read yet
        first.ssh.lastAttempt = QDateTime::currentDateTimeUtc();
        first.ssh.error = QStringLiteral("Could not connect to head:22: No route to host.");
        view.setSnapshot(first);
        QCOMPARE(view.emptyState()->headline(), QStringLiteral("Cannot reach the cluster yet"));
        QVERIFY(view.emptyState()->explanation().contains(QStringLiteral("No route to host")));
        QVERIFY(view.staleBanner()->text().startsWith(QStringLiteral("Cannot reach the cluster yet (ssh)")));
        view.clearCluster();
        QCOMPARE(view.emptyState()->headline(), QStringLiteral("No cluster running"));
        QVERIFY(view.staleBanner()->isHidden());
    }

    void actionsGoThroughOperations()
    {
        Fixture f;
        f.view->setSnapshot(syntheticSnapshot(60, 0));
        QMenu *menu = f.view->createContextMenu(f.view.get());
        QStringList texts;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts << action->text();
        }
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("&Drain…"), QStringLiteral("&Resume"), QStringLiteral("Do&wn…"),
                              QStringLiteral("Drain and &stop services…"),
                              QStringLiteral("Start services and resu&me"), QStringLiteral("Re&fresh")}));
        delete menu;
        QCOMPARE(f.view->action(NodeAction::Drain)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QCOMPARE(f.view->action(NodeAction::Resume)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));

        // Nothing selected: nothing to do.
        QVERIFY(!f.view->action(NodeAction::Drain)->isEnabled());
        f.view->selectNodes({nodeName(3), nodeName(4)});
        QVERIFY(f.view->action(NodeAction::Drain)->isEnabled());
        QVERIFY(!f.view->action(NodeAction::Resume)->isEnabled()); // neither is drained or down

        f.view->action(NodeAction::Drain)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 2);
        QCOMPARE(f.reasons->asked.size(), 1);
        QVERIFY(f.reasons->asked.first().contains(QStringLiteral("node0003, node0004")));
        QCOMPARE(f.operations->calls.at(0).what, QStringLiteral("drain"));
        QCOMPARE(f.operations->calls.at(0).target, nodeName(3));
        QCOMPARE(f.operations->calls.at(0).reason, QStringLiteral("disk swap"));
        QCOMPARE(f.operations->calls.at(1).target, nodeName(4));
        QTRY_COMPARE(f.view->notice(), QStringLiteral("drain node0004: done"));
        QVERIFY(f.operations->refreshes >= 1);

        // Cancelled reason: nothing runs.
        f.reasons->answer.reset();
        f.view->action(NodeAction::Down)->trigger();
        QTRY_COMPARE(f.reasons->asked.size(), 2);
        QTest::qWait(20);
        QCOMPARE(f.operations->calls.size(), 2);
        QVERIFY(f.reasons->asked.last().contains(QStringLiteral("killed")));

        f.reasons->answer = QStringLiteral("PSU");
        f.view->selectNodes({nodeName(5)}); // down: resumable
        QVERIFY(f.view->action(NodeAction::Resume)->isEnabled());
        f.view->action(NodeAction::Resume)->trigger();
        QCOMPARE(f.operations->calls.size(), 3); // no question asked
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("resume"));
        QCOMPARE(f.operations->calls.last().target, nodeName(5));

        f.view->selectNodes({nodeName(9)});
        f.view->action(NodeAction::Down)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 4);
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("down"));
        QCOMPARE(f.operations->calls.last().reason, QStringLiteral("PSU"));

        f.view->action(NodeAction::DrainAndStop)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 5);
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("drainAndStop"));
        QCOMPARE(f.operations->calls.last().reason, QStringLiteral("PSU"));
        QTRY_COMPARE(f.view->notice(), QStringLiteral("drainAndStop node0009: done"));

        f.view->action(NodeAction::StartAndResume)->trigger();
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("startAndResume"));
        QCOMPARE(f.reasons->asked.size(), 4);
        QTRY_COMPARE(f.view->notice(), QStringLiteral("startAndResume node0009: done"));

        // A failure says what to do next, marked as a problem.
        f.operations->failure = makeError(Error::Code::RemoteCommandFailed,
                                          QStringLiteral("slurmctld refused: Invalid node state specified. "
                                                         "Check the node's state in Nodes and try again."));
        QSignalSpy finished(f.view.get(), &NodesView::actionFinished);
        f.view->selectNodes({nodeName(5)});
        f.view->action(NodeAction::Resume)->trigger();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(f.view->notice().contains(QStringLiteral("Invalid node state")));
        QVERIFY(f.view->findChild<QLabel *>(QStringLiteral("nodesNotice"))->property("problem").toBool());

        // Without a live cluster every action is off.
        f.view->setOperations(nullptr);
        QVERIFY(!f.view->action(NodeAction::Drain)->isEnabled());
        QVERIFY(!f.view->action(NodeAction::Resume)->isEnabled());
    }

    void renders()
    {
        const QPalette original = QApplication::palette();
        for (const bool dark : {false, true}) {
            if (dark) {
                QPalette palette = original;
                palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
                palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
                palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
                palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
                palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
                palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
                palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
                QApplication::setPalette(palette);
            }
            Fixture f;
            f.view->setSnapshot(syntheticSnapshot(40, 0));
            f.view->selectNodes({nodeName(8)});
            f.view->show();
            const QString shot = QDir::temp().filePath(dark ? QStringLiteral("slurmdeck-nodes-view-dark.png")
                                                            : QStringLiteral("slurmdeck-nodes-view.png"));
            SLURMDECK_VERIFY_OK(saveScreenshot(*f.view, shot));
            QVERIFY(QImage(shot).width() >= 1000);
            qInfo("screenshot: %s", qPrintable(shot));
        }
        QApplication::setPalette(original);
    }

    void reasonDialogRequiresAReason()
    {
        ReasonDialog dialog(
            {QStringLiteral("Drain nodes"), QStringLiteral("Drain node1?"), QStringLiteral("&Drain"), {}});
        QVERIFY(!dialog.acceptButton()->isEnabled());
        dialog.reasonEdit()->setText(QStringLiteral("   "));
        QVERIFY(!dialog.acceptButton()->isEnabled());
        dialog.reasonEdit()->setText(QStringLiteral("  new  fan "));
        QVERIFY(dialog.acceptButton()->isEnabled());
        QCOMPARE(dialog.reason(), QStringLiteral("new fan"));
        QCOMPARE(dialog.acceptButton()->text(), QStringLiteral("&Drain"));

        QWidget parent;
        DialogReasonPrompt prompt;
        std::optional<QString> answer;
        bool answered = false;
        prompt.ask(&parent,
                   {QStringLiteral("Drain"), QStringLiteral("Drain node1?"), QStringLiteral("&Drain"), {}},
                   [&](std::optional<QString> reason) {
                       answered = true;
                       answer = reason;
                   });
        auto *open = parent.findChild<ReasonDialog *>();
        QVERIFY(open);
        open->reasonEdit()->setText(QStringLiteral("maintenance"));
        open->acceptButton()->click();
        QTRY_VERIFY(answered);
        QCOMPARE(answer, std::optional<QString>(QStringLiteral("maintenance")));
    }
};

QTEST_MAIN(TestNodesView)
#include "tst_nodesview.moc"
