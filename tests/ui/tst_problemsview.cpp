// SPDX-License-Identifier: GPL-3.0-or-later
// The Problems view and the status bar's count: Slurm's side from a poll of real Slurm 22.05
// output (tests/data/slurm/22.05: drained, down and silent nodes, jobs that wait), the hosts'
// side from a host check in which node06's host did not answer; the details of a selected
// problem; the host check asked for once when the view opens, and again on Refresh.
#include "CapturedSnapshot.h"
#include "FakeOperations.h"
#include "MainWindow.h"
#include "doctor/SnapshotRules.h"
#include "models/FindingsModel.h"
#include "views/ProblemsView.h"
#include "widgets/EmptyStatePanel.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace SlurmDeck;
using SlurmDeck::Testing::capturedSnapshot;
using namespace SlurmDeck::Ui;

namespace {

HostChecks::Report node06Unreachable()
{
    HostEvidence silent;
    silent.host = QStringLiteral("node06");
    silent.services = {QStringLiteral("slurmd")};
    silent.unreachable =
        QStringLiteral("Cannot reach 10.0.0.16 on port 22. (Timeout connecting to 10.0.0.16)");
    HostChecks::Report report;
    report.evidence = {silent};
    return report;
}

// As the table shows them.
QStringList rules(const ProblemsView &view)
{
    QStringList list;
    const QAbstractItemModel *shown = view.table()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        list << shown->index(row, FindingsModel::RuleColumn).data().toString() + u' ' +
                    shown->index(row, FindingsModel::WhereColumn).data().toString();
    return list;
}

} // namespace

class TestProblemsView final : public QObject
{
    Q_OBJECT

private slots:
    void emptyUntilACluster()
    {
        ProblemsView view;
        QVERIFY(view.emptyState()->isVisibleTo(&view));
        QVERIFY(!view.checkHostsAction()->isEnabled());
        QSignalSpy asked(&view, &ProblemsView::hostCheckRequested);
        view.checkHostsAction()->trigger();
        QCOMPARE(asked.size(), 0); // nothing to check
    }

    void slurmSideOnEveryPollAndHostsWhenChecked()
    {
        ProblemsView view;
        QSignalSpy counts(&view, &ProblemsView::problemsChanged);
        const ClusterSnapshot snapshot = capturedSnapshot();
        view.setSnapshot(snapshot, true);
        QVERIFY(!view.emptyState()->isVisibleTo(&view));
        QCOMPARE(view.findings(), SnapshotRules::diagnose(snapshot, true));
        QCOMPARE(view.model()->rowCount(), 7);
        QCOMPARE(counts.last().first().toString(), QStringLiteral("2 errors, 5 warnings"));
        QVERIFY2(view.summary().contains(QLatin1String("Hosts not checked yet")), qPrintable(view.summary()));
        // The same poll again keeps the rows (and the selection).
        view.table()->selectRow(2);
        view.setSnapshot(snapshot, true);
        QCOMPARE(view.table()->currentIndex().row(), 2);
        QVERIFY2(view.details()->toPlainText().contains(QLatin1String("node-not-responding")),
                 qPrintable(view.details()->toPlainText()));

        view.setHostReport(node06Unreachable());
        QCOMPARE(rules(view).first(), QStringLiteral("host-unreachable node06"));
        QCOMPARE(view.model()->rowCount(), 8);
        const auto silent = std::find_if(view.findings().cbegin(), view.findings().cend(),
                                         [](const Finding &f) { return f.rule == u"node-not-responding"; });
        QVERIFY(silent != view.findings().cend());
        QVERIFY2(silent->fix.startsWith(QLatin1String("Fix host-unreachable on node06")),
                 qPrintable(silent->fix));
        QCOMPARE(counts.last().first().toString(), QStringLiteral("3 errors, 5 warnings"));
        QVERIFY2(view.summary().contains(QLatin1String("Hosts checked at")), qPrintable(view.summary()));
        view.table()->selectRow(0);
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.contains(QLatin1String("Timeout connecting to 10.0.0.16")) &&
                     details.contains(QLatin1String("ssh to it")),
                 qPrintable(details));
    }

    void hostCheckOnFirstShowThenOnRefresh()
    {
        ProblemsView view;
        QSignalSpy asked(&view, &ProblemsView::hostCheckRequested);
        view.setSnapshot(capturedSnapshot(), true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(asked.size(), 1);
        QVERIFY(!view.checkHostsAction()->isEnabled()); // while it runs
        QVERIFY2(view.summary().contains(QLatin1String("Checking the hosts")), qPrintable(view.summary()));
        view.setHostReport(HostChecks::Report{});
        QVERIFY(view.checkHostsAction()->isEnabled());
        view.hide();
        view.show();
        QCOMPARE(asked.size(), 1); // checked already: only when asked
        view.checkHostsAction()->trigger();
        QCOMPARE(asked.size(), 2);
        view.setHostCheckRunning(false, QStringLiteral("not connected"));
        QVERIFY2(view.summary().contains(QLatin1String("could not be checked: not connected")),
                 qPrintable(view.summary()));
        view.clearCluster(QStringLiteral("Cannot monitor this cluster: no controller"));
        QVERIFY(view.emptyState()->isVisibleTo(&view));
        QCOMPARE(view.model()->rowCount(), 0);
    }

    // Fix starts a stopped service, after asking; it does nothing for a problem it cannot fix.
    void fixStartsAStoppedService()
    {
        ProblemsView view;
        auto confirmation = std::make_shared<Testing::ScriptedConfirmation>(true);
        view.setConfirmation(confirmation);
        view.setSnapshot(capturedSnapshot(), true);
        HostEvidence stopped;
        stopped.host = QStringLiteral("node06");
        stopped.services = {QStringLiteral("node-exporter")};
        stopped.serviceStates.insert(QStringLiteral("node-exporter"), QStringLiteral("exited 0"));
        HostChecks::Report report;
        report.evidence = {stopped};
        view.setHostReport(report);
        QSignalSpy started(&view, &ProblemsView::startServiceRequested);
        view.table()->selectRow(0); // service-stopped node06 comes first
        QCOMPARE(view.table()->model()->index(0, FindingsModel::RuleColumn).data().toString(),
                 QStringLiteral("service-stopped"));
        QVERIFY(view.fixAction()->isEnabled());
        view.fixAction()->trigger();
        QTRY_COMPARE(started.size(), 1);
        QCOMPARE(started.first(), (QVariantList{QStringLiteral("node06"), QStringLiteral("node-exporter")}));
        QVERIFY2(confirmation->asked.first().startsWith(QLatin1String("Start node-exporter on node06?")),
                 qPrintable(confirmation->asked.first()));
        view.table()->selectRow(1); // node-drained: the user's to fix
        QVERIFY(!view.fixAction()->isEnabled());
        view.fixAction()->trigger();
        QTest::qWait(20);
        QCOMPARE(started.size(), 1);
        // Said no: nothing starts.
        confirmation->answer = false;
        view.table()->selectRow(0);
        view.fixAction()->trigger();
        QTest::qWait(20);
        QCOMPARE(started.size(), 1);
    }

    void statusBarCountOpensTheView()
    {
        MainWindow window;
        auto *status = window.statusBar()->findChild<QToolButton *>(QStringLiteral("problemsStatus"));
        QVERIFY(status);
        QVERIFY(!status->isVisibleTo(&window));
        window.problemsView()->setSnapshot(capturedSnapshot(), true);
        QVERIFY(status->isVisibleTo(&window));
        QCOMPARE(status->text(), QStringLiteral("2 errors, 5 warnings"));
        status->click();
        QCOMPARE(window.currentArea(), Area::Problems);
        window.problemsView()->clearCluster();
        QVERIFY(!status->isVisibleTo(&window));
    }
};

QTEST_MAIN(TestProblemsView)
#include "tst_problemsview.moc"
