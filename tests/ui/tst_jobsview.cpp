// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs area: queue and history models and proxies pass QAbstractItemModelTester through
// snapshots with 5% of jobs changed, leaving and arriving, without resets; the selected job
// stays selected (and in the details pane); filters by user ("Mine"), state, partition and
// text; cancel and requeue ask first, hold and release act on the right jobs; the details
// pane shows script, paths, nodes, GPUs, the pending reason explained and the output tail;
// the History tab asks for the chosen window and reports failures; stale keeps the queue.
#include "FakeOperations.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "SyntheticCluster.h"
#include "models/JobsFilterProxy.h"
#include "models/JobsModel.h"
#include "models/ModelRoles.h"
#include "views/JobsView.h"
#include "widgets/JobDetailsPane.h"
#include "widgets/JobFilterBar.h"
#include "widgets/StaleBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Testing;
using namespace SlurmDeck::Ui;
using JobAction = SlurmCommands::JobAction;
using Field = JobsModel::Field;

namespace {

QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(KeyRole).toString();
    return ids;
}

struct Fixture
{
    std::unique_ptr<JobsView> view = std::make_unique<JobsView>();
    std::shared_ptr<FakeOperations> operations = std::make_shared<FakeOperations>();
    std::shared_ptr<ScriptedConfirmation> confirmation = std::make_shared<ScriptedConfirmation>(true);

    Fixture()
    {
        view->setOperations(operations);
        view->setConfirmation(confirmation);
        view->resize(1200, 800);
    }
};

SlurmJob finished(int id, const QString &state, const QString &user = QStringLiteral("alice"))
{
    SlurmJob job = syntheticJob(id);
    job.state = state;
    job.user = user;
    job.startTime = job.submitTime.addSecs(60);
    job.endTime = job.startTime.addSecs(600 + id);
    job.exitCode = state == QLatin1StringView("COMPLETED") ? QStringLiteral("0:0") : QStringLiteral("1:0");
    return job;
}

} // namespace

class TestJobsView final : public QObject
{
    Q_OBJECT

private slots:
    void modelsPassTheTesterThroughChurn_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("queue") << int(JobsModel::Kind::Queue);
        QTest::newRow("history") << int(JobsModel::Kind::History);
    }

    void modelsPassTheTesterThroughChurn()
    {
        QFETCH(int, kind);
        JobsModel model{JobsModel::Kind(kind)};
        JobsFilterProxy proxy(&model);
        proxy.sort(model.columnOf(Field::Name), Qt::AscendingOrder);
        proxy.setUserFilter(QStringLiteral("bob"));
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterSnapshot snapshot = syntheticSnapshot(100, 1000);
        model.setJobs(snapshot.jobs);
        QCOMPARE(model.rowCount(), 1000);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        int nextJob = 5000;
        for (quint32 poll = 1; poll <= 5; ++poll) {
            const Churn churned = churn(snapshot, 0.05, poll, nextJob);
            model.setJobs(snapshot.jobs);
            QCOMPARE(model.rowCount(), snapshot.jobs.size());
            QCOMPARE(model.lastUpdate().changed, churned.changedJobs.size());
            QCOMPARE(model.lastUpdate().removed, churned.removedJobs.size());
            QCOMPARE(model.lastUpdate().inserted, churned.addedJobs.size());
            for (const QString &id : churned.removedJobs)
                QCOMPARE(model.rowOf(id), -1);
            for (const SlurmJob &job : std::as_const(snapshot.jobs))
                QCOMPARE(model.job(model.rowOf(job.id)), job);
            for (int row = 0; row < proxy.rowCount(); ++row)
                QCOMPARE(proxy.index(row, model.columnOf(Field::User)).data().toString(),
                         QStringLiteral("bob"));
        }
        // A poll that only adds jobs: the kept rows and the new ones are all found by id.
        snapshot.jobs << syntheticJob(nextJob, 100) << syntheticJob(nextJob + 1, 100);
        model.setJobs(snapshot.jobs);
        QCOMPARE(model.lastUpdate().removed, 0);
        QCOMPARE(model.lastUpdate().inserted, 2);
        for (const SlurmJob &job : std::as_const(snapshot.jobs))
            QCOMPARE(model.job(model.rowOf(job.id)), job);
        // Repeated ids: the first wins, no duplicate rows.
        QList<SlurmJob> repeated{syntheticJob(1), syntheticJob(1), syntheticJob(2)};
        model.setJobs(repeated);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.count(), 0);
        JobsModel fresh{JobsModel::Kind(kind)};
        fresh.setJobs(repeated);
        QCOMPARE(fresh.rowCount(), 2);
        QCOMPARE(fresh.rowOf(syntheticJob(1).id), 0);
        QCOMPARE(fresh.rowOf(syntheticJob(2).id), 1);
    }

    void sortedByIdFollowsTheSortRole()
    {
        // The proxy compares ids without SortRole's QVariants; the order must be the same.
        JobsModel model(JobsModel::Kind::Queue);
        JobsFilterProxy proxy(&model);
        QList<SlurmJob> jobs;
        for (const QString &id : {QStringLiteral("12_10"), QStringLiteral("9"), QStringLiteral("12_2"),
                                  QStringLiteral("100"), QStringLiteral("12"), QStringLiteral("7_0")}) {
            SlurmJob job = syntheticJob(1);
            job.id = id;
            job.jobId = id.section(u'_', 0, 0).toLongLong();
            jobs << job;
        }
        model.setJobs(jobs);
        proxy.sort(model.columnOf(Field::Id), Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex index = proxy.index(row, model.columnOf(Field::Id));
            order << index.data().toString();
            if (row > 0)
                QVERIFY(proxy.index(row - 1, index.column()).data(SortRole).toDouble() <
                        index.data(SortRole).toDouble());
        }
        QCOMPARE(order,
                 (QStringList{QStringLiteral("7_0"), QStringLiteral("9"), QStringLiteral("12"),
                              QStringLiteral("12_2"), QStringLiteral("12_10"), QStringLiteral("100")}));
    }

    void columnsAndFormats()
    {
        JobsModel queue(JobsModel::Kind::Queue);
        SlurmJob job = syntheticJob(1001); // running, 2 nodes
        job.timeUsedSeconds = 3 * 3600 + 2 * 60 + 1;
        job.gpus = 2;
        SlurmJob pending = syntheticJob(1002);
        pending.nodeCount = 3;
        SlurmJob unlimited = syntheticJob(1003);
        unlimited.timeLimitMinutes = -1;
        queue.setJobs({job, pending, unlimited});
        QStringList headers;
        for (int column = 0; column < queue.columnCount(); ++column)
            headers << queue.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(headers,
                 (QStringList{QStringLiteral("Job"), QStringLiteral("Name"), QStringLiteral("User"),
                              QStringLiteral("Partition"), QStringLiteral("State"), QStringLiteral("Time"),
                              QStringLiteral("Nodes"), QStringLiteral("CPUs"), QStringLiteral("GPUs"),
                              QStringLiteral("Reason")}));
        const auto cell = [&queue](int row, Field field) {
            return queue.index(row, queue.columnOf(field)).data().toString();
        };
        QCOMPARE(cell(0, Field::Time), QStringLiteral("3:02:01 / 4:00:00"));
        QCOMPARE(cell(0, Field::Nodes), nodeName(1001 % 1000));
        QCOMPARE(cell(0, Field::Gpus), QStringLiteral("2"));
        QCOMPARE(cell(0, Field::Reason), QString()); // "None" is no reason
        QCOMPARE(cell(1, Field::Nodes), QStringLiteral("(3 nodes)"));
        QCOMPARE(cell(1, Field::Reason), QStringLiteral("Resources"));
        QCOMPARE(cell(2, Field::Time), QStringLiteral("18:31 / unlimited"));
        QCOMPARE(JobsModel::formatDuration(2 * 86400 + 4 * 3600), QStringLiteral("2-04:00:00"));
        QCOMPARE(JobsModel::formatDuration(59), QStringLiteral("0:59"));

        JobsModel history(JobsModel::Kind::History);
        history.setJobs({finished(7, QStringLiteral("FAILED"))});
        QCOMPARE(history.index(0, history.columnOf(Field::ExitCode)).data().toString(),
                 QStringLiteral("1:0"));
        QVERIFY(history.columnOf(Field::Reason) < 0);
        QVERIFY(!history.index(0, history.columnOf(Field::End)).data().toString().isEmpty());

        // Array tasks sort by job, then task.
        JobsModel tasks(JobsModel::Kind::Queue);
        SlurmJob a = syntheticJob(42), b = syntheticJob(42), c = syntheticJob(100);
        a.id = QStringLiteral("42_10");
        b.id = QStringLiteral("42_9");
        tasks.setJobs({c, a, b});
        JobsFilterProxy proxy(&tasks);
        proxy.sort(tasks.columnOf(Field::Id));
        QCOMPARE(shownIds(proxy),
                 (QStringList{QStringLiteral("42_9"), QStringLiteral("42_10"), QStringLiteral("100")}));
    }

    void diffKeepsSelectedJob()
    {
        Fixture f;
        f.view->show();
        ClusterSnapshot snapshot = syntheticSnapshot(100, 2000);
        f.view->setSnapshot(snapshot);
        QTableView *table = f.view->queueTable();
        QCOMPARE(table->model()->rowCount(), 2000);
        const QString selected = QStringLiteral("1500");
        f.view->selectJobs({selected});
        table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
        const int scroll = table->verticalScrollBar()->value();
        QCOMPARE(f.view->detailsPane()->jobId(), selected);
        QSignalSpy resets(f.view->queueModel(), &QAbstractItemModel::modelAboutToBeReset);
        int nextJob = 9000;
        for (quint32 poll = 1; poll <= 4; ++poll) {
            const Churn churned = churn(snapshot, 0.05, poll * 13, nextJob, {selected});
            f.view->setSnapshot(snapshot);
            QCOMPARE(f.view->queueModel()->lastUpdate().changed + f.view->queueModel()->lastUpdate().removed +
                         f.view->queueModel()->lastUpdate().inserted,
                     100);
            QCOMPARE(f.view->selectedJobIds(), QStringList{selected});
            QCOMPARE(f.view->detailsPane()->jobId(), selected);
            // Sorted by id: rows that left above the selected one move it up a little, at most.
            QVERIFY(qAbs(table->verticalScrollBar()->value() - scroll) <= 30);
            Q_UNUSED(churned);
        }
        // The selected job starts running: still selected, the pane follows.
        const qsizetype index = std::find_if(snapshot.jobs.cbegin(), snapshot.jobs.cend(),
                                             [&](const SlurmJob &job) { return job.id == selected; }) -
                                snapshot.jobs.cbegin();
        snapshot.jobs[index].state = QStringLiteral("COMPLETING");
        f.view->setSnapshot(snapshot);
        QCOMPARE(f.view->selectedJobIds(), QStringList{selected});
        QVERIFY(f.view->detailsPane()->text().contains(QStringLiteral("State: COMPLETING")));
        QCOMPARE(resets.count(), 0);
    }

    void filters()
    {
        Fixture f;
        f.view->setCurrentUser(QStringLiteral("carol"));
        f.view->setSnapshot(syntheticSnapshot(10, 200));
        JobFilterBar *bar = f.view->filterBar();
        QAbstractItemModel *shown = f.view->queueTable()->model();
        QCOMPARE(shown->rowCount(), 200);

        QStringList users;
        for (int i = 0; i < bar->userCombo()->count(); ++i)
            users << bar->userCombo()->itemText(i);
        QCOMPARE(users,
                 (QStringList{QStringLiteral("All users"), QStringLiteral("Mine (carol)"),
                              QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave")}));
        bar->userCombo()->setCurrentIndex(1);
        QCOMPARE(shown->rowCount(), 50);
        const int userColumn = f.view->queueModel()->columnOf(Field::User);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, userColumn).data().toString(), QStringLiteral("carol"));

        bar->stateCombo()->setCurrentIndex(
            bar->stateCombo()->findData(int(JobsFilterProxy::StateFilter::Pending)));
        const int stateColumn = f.view->queueModel()->columnOf(Field::State);
        QVERIFY(shown->rowCount() > 0);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, stateColumn).data().toString(), QStringLiteral("PENDING"));

        QVERIFY(JobFilterBar::choose(bar->partitionCombo(), QStringLiteral("gpu")));
        const int partitionColumn = f.view->queueModel()->columnOf(Field::Partition);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, partitionColumn).data().toString(), QStringLiteral("gpu"));
        // carol = ids ≡ 2 (mod 4), pending = ids ≡ 0 (mod 3), gpu = ids ≡ 0 (mod 5): 1050, 1110, 1170
        QCOMPARE(shownIds(*shown),
                 (QStringList{QStringLiteral("1050"), QStringLiteral("1110"), QStringLiteral("1170")}));

        bar->textEdit()->setText(QStringLiteral("111"));
        QCOMPARE(shownIds(*shown), QStringList{QStringLiteral("1110")});
        bar->textEdit()->clear();
        QVERIFY(JobFilterBar::choose(bar->userCombo(), QString()));
        QVERIFY(JobFilterBar::choose(bar->partitionCombo(), QString()));
        bar->stateCombo()->setCurrentIndex(0);
        QCOMPARE(shown->rowCount(), 200);

        // A chosen user who has no jobs any more stays chosen (the filter never changes itself).
        QVERIFY(JobFilterBar::choose(bar->userCombo(), QStringLiteral("dave")));
        ClusterSnapshot without = syntheticSnapshot(10, 200);
        without.jobs.removeIf([](const SlurmJob &job) { return job.user == QLatin1StringView("dave"); });
        f.view->setSnapshot(without);
        QCOMPARE(bar->userCombo()->currentData().toString(), QStringLiteral("dave"));
        QCOMPARE(shown->rowCount(), 0);
    }

    void cancelAndRequeueAskFirst()
    {
        Fixture f;
        ClusterSnapshot snapshot = syntheticSnapshot(10, 12);
        f.view->setSnapshot(snapshot);
        QMenu *menu = f.view->createContextMenu(f.view.get());
        QStringList texts;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts << action->text();
        }
        delete menu;
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("&Cancel…"), QStringLiteral("&Hold"), QStringLiteral("Re&lease"),
                              QStringLiteral("Re&queue…"), QStringLiteral("Re&fresh")}));

        f.view->selectJobs({QStringLiteral("1001"), QStringLiteral("1002")}); // running, running
        f.view->action(JobAction::Cancel)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 2);
        QCOMPARE(f.confirmation->asked.size(), 1);
        QVERIFY(f.confirmation->asked.first().contains(QStringLiteral("1001 (train-2, bob)")));
        QVERIFY(f.confirmation->asked.first().contains(QStringLiteral("1002")));
        QCOMPARE(f.operations->calls.at(0).what, QStringLiteral("cancel"));
        QCOMPARE(f.operations->calls.at(0).target, QStringLiteral("1001"));
        QCOMPARE(f.operations->calls.at(1).target, QStringLiteral("1002"));
        QTRY_COMPARE(f.view->notice(), QStringLiteral("cancel 1002: done"));

        // "No" runs nothing.
        f.confirmation->answer = false;
        f.view->selectJobs({QStringLiteral("1004")});
        f.view->action(JobAction::Requeue)->trigger();
        QTRY_COMPARE(f.confirmation->asked.size(), 2);
        QVERIFY(f.confirmation->asked.last().contains(QStringLiteral("starts over")));
        QTest::qWait(20);
        QCOMPARE(f.operations->calls.size(), 2);
        f.confirmation->answer = true;
        f.view->action(JobAction::Requeue)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 3);
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("requeue"));
        QCOMPARE(f.operations->calls.last().target, QStringLiteral("1004"));
    }

    void holdAndReleaseByState()
    {
        Fixture f;
        ClusterSnapshot snapshot = syntheticSnapshot(10, 12);
        // Explicit states: 1000 pending, 1001 held, 1002 running.
        snapshot.jobs[0].state = QStringLiteral("PENDING"); // 1000
        snapshot.jobs[0].reason = QStringLiteral("Priority");
        snapshot.jobs[1].state = QStringLiteral("PENDING"); // 1001, held
        snapshot.jobs[1].reason = QStringLiteral("JobHeldUser");
        snapshot.jobs[2].state = QStringLiteral("RUNNING"); // 1002
        f.view->setSnapshot(snapshot);

        f.view->selectJobs({QStringLiteral("1002")});
        QVERIFY(f.view->action(JobAction::Cancel)->isEnabled());
        QVERIFY(!f.view->action(JobAction::Hold)->isEnabled());
        QVERIFY(!f.view->action(JobAction::Release)->isEnabled());
        QVERIFY(f.view->action(JobAction::Requeue)->isEnabled());

        f.view->selectJobs({QStringLiteral("1000"), QStringLiteral("1001"), QStringLiteral("1002")});
        QVERIFY(f.view->action(JobAction::Hold)->isEnabled());
        QVERIFY(f.view->action(JobAction::Release)->isEnabled());
        f.view->action(JobAction::Hold)->trigger(); // only the pending, unheld one
        QCOMPARE(f.operations->calls.size(), 1);
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("hold"));
        QCOMPARE(f.operations->calls.last().target, QStringLiteral("1000"));
        f.view->action(JobAction::Release)->trigger(); // only the held one
        QCOMPARE(f.operations->calls.size(), 2);
        QCOMPARE(f.operations->calls.last().what, QStringLiteral("release"));
        QCOMPARE(f.operations->calls.last().target, QStringLiteral("1001"));
        QCOMPARE(f.confirmation->asked.size(), 0);
        QTRY_VERIFY(f.operations->refreshes >= 2);

        // Failure: the error's message, marked as a problem.
        f.operations->failure = makeError(Error::Code::RemoteCommandFailed,
                                          QStringLiteral("Job 1000 is no longer pending; refresh."));
        QSignalSpy finishedSpy(f.view.get(), &JobsView::actionFinished);
        f.view->selectJobs({QStringLiteral("1000")});
        f.view->action(JobAction::Hold)->trigger();
        QTRY_COMPARE(finishedSpy.count(), 1);
        QCOMPARE(finishedSpy.first().at(1).toBool(), false);
        QVERIFY(f.view->notice().contains(QStringLiteral("no longer pending")));
        f.view->setOperations(nullptr);
        QVERIFY(!f.view->action(JobAction::Cancel)->isEnabled());
    }

    void detailsPaneShowsDetailsAndOutput()
    {
        Fixture f;
        ClusterSnapshot snapshot = syntheticSnapshot(10, 12);
        snapshot.jobs[0].state = QStringLiteral("PENDING");
        snapshot.jobs[0].reason = QStringLiteral("Resources");
        f.view->setSnapshot(snapshot);
        SlurmJobDetails details;
        details.job = snapshot.jobs[0];
        details.job.workDir = QStringLiteral("/home/alice/runs/exp7");
        details.job.stdOut = QStringLiteral("/home/alice/runs/exp7/out-%j.txt");
        details.job.stdErr = QStringLiteral("/home/alice/runs/exp7/err-%j.txt");
        details.command = QStringLiteral("/home/alice/runs/exp7/train.sbatch");
        details.tres = QStringLiteral("cpu=4,mem=8G,node=1,gres/gpu=1");
        details.gpuIndices = {QStringLiteral("node0001: 0")};
        details.reasonExplained = QStringLiteral("Waiting for resources: the nodes it needs are busy.");
        f.operations->details = details;
        f.operations->output = QStringLiteral("step 1\nstep 2\n");

        f.view->selectJobs({QStringLiteral("1000")});
        QCOMPARE(f.view->detailsPane()->jobId(), QStringLiteral("1000"));
        // At once: what the queue line says.
        QVERIFY(f.view->detailsPane()->text().contains(QStringLiteral("Job 1000: train-1 (alice)")));
        QTRY_COMPARE(f.operations->detailsAsked, QList<qint64>{1000});
        QTRY_VERIFY(f.view->detailsPane()->text().contains(QStringLiteral("train.sbatch")));
        const QString text = f.view->detailsPane()->text();
        QVERIFY2(text.contains(QStringLiteral("Working directory: /home/alice/runs/exp7")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Stdout: /home/alice/runs/exp7/out-%j.txt")));
        QVERIFY(text.contains(QStringLiteral("Stderr: /home/alice/runs/exp7/err-%j.txt")));
        QVERIFY(text.contains(QStringLiteral("GPUs: node0001: 0")));
        QVERIFY(text.contains(QStringLiteral("Resources: cpu=4,mem=8G,node=1,gres/gpu=1")));
        QVERIFY(text.contains(QStringLiteral("Why pending: Resources: Waiting for resources")));
        QTRY_COMPARE(f.view->detailsPane()->outputText(), QStringLiteral("step 1\nstep 2\n"));
        QCOMPARE(f.operations->outputAsked, QList<qint64>{1000});

        // Refresh output asks again; moving quickly over several jobs asks once.
        f.operations->output = QStringLiteral("step 3\n");
        f.view->refreshOutput();
        QTRY_COMPARE(f.view->detailsPane()->outputText(), QStringLiteral("step 3\n"));
        for (const QString &id : {QStringLiteral("1001"), QStringLiteral("1002"), QStringLiteral("1003")})
            f.view->selectJobs({id});
        QTRY_COMPARE(f.operations->detailsAsked.size(), 2);
        QTest::qWait(300);
        QCOMPARE(f.operations->detailsAsked, (QList<qint64>{1000, 1003}));
        f.view->selectJobs({});
        QVERIFY(f.view->detailsPane()->jobId().isEmpty());
    }

    void historyTab()
    {
        Fixture f;
        f.view->setSnapshot(syntheticSnapshot(10, 5));
        f.operations->historyJobs = {finished(10, QStringLiteral("COMPLETED")),
                                     finished(11, QStringLiteral("FAILED"), QStringLiteral("erin")),
                                     finished(12, QStringLiteral("CANCELLED"))};
        QVERIFY(f.operations->historyAsked.isEmpty()); // only when shown
        f.view->tabs()->setCurrentIndex(JobsView::HistoryTab);
        QTRY_COMPARE(f.view->historyModel()->rowCount(), 3);
        QCOMPARE(f.operations->historyAsked.size(), 1);
        const qint64 window = f.operations->historyAsked.first().secsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(qAbs(window - 24 * 3600) < 60, qPrintable(QString::number(window)));
        QVERIFY(f.view->historyStatus().startsWith(QStringLiteral("3 jobs since ")));
        // History users join the filter's choices.
        QVERIFY(f.view->filterBar()->userCombo()->findData(QStringLiteral("erin")) >= 0);
        // Failed filter over history.
        QComboBox *state = f.view->filterBar()->stateCombo();
        state->setCurrentIndex(state->findData(int(JobsFilterProxy::StateFilter::Failed)));
        QCOMPARE(shownIds(*f.view->historyTable()->model()),
                 (QStringList{QStringLiteral("12"), QStringLiteral("11")}));
        state->setCurrentIndex(0);

        // Another window asks again.
        f.view->historyWindowCombo()->setCurrentIndex(0); // last hour
        QTRY_COMPARE(f.operations->historyAsked.size(), 2);
        QVERIFY(qAbs(f.operations->historyAsked.last().secsTo(QDateTime::currentDateTimeUtc()) - 3600) < 60);

        // Accounting down: the rows stay, the status says so.
        f.operations->historyFailure = makeError(
            Error::Code::RemoteCommandFailed, QStringLiteral("slurmdbd does not answer. Check it in Hosts."));
        f.view->refresh(); // on the History tab: reads the history
        QTRY_VERIFY(f.view->historyStatus().startsWith(QStringLiteral("Could not read the history")));
        QVERIFY(f.view->historyStatus().contains(QStringLiteral("slurmdbd does not answer")));
        QCOMPARE(f.view->historyModel()->rowCount(), 3);

        // Requeue from history works on finished jobs; cancel does not apply.
        f.view->selectJobs({QStringLiteral("11")});
        QVERIFY(!f.view->action(JobAction::Cancel)->isEnabled());
        QVERIFY(f.view->action(JobAction::Requeue)->isEnabled());
        f.view->action(JobAction::Requeue)->trigger();
        QTRY_COMPARE(f.operations->calls.size(), 1);
        QCOMPARE(f.operations->calls.last().target, QStringLiteral("11"));
    }

    void rendersQueueDetailsAndFilters()
    {
        Fixture f;
        f.view->setCurrentUser(QStringLiteral("alice"));
        ClusterSnapshot snapshot = syntheticSnapshot(20, 300);
        f.view->setSnapshot(snapshot);
        SlurmJobDetails details;
        details.job = snapshot.jobs[2];
        details.command = QStringLiteral("/home/carol/runs/train.sbatch");
        details.tres = QStringLiteral("cpu=4,mem=8G,node=1");
        f.operations->details = details;
        f.view->selectJobs({QStringLiteral("1002")});
        QTRY_VERIFY(f.view->detailsPane()->text().contains(QStringLiteral("train.sbatch")));
        QTRY_VERIFY(f.view->detailsPane()->outputText().contains(QStringLiteral("epoch 2")));
        f.view->show();
        const QString shot = QDir::temp().filePath(QStringLiteral("slurmdeck-jobs-view.png"));
        SLURMDECK_VERIFY_OK(saveScreenshot(*f.view, shot));
        QVERIFY(QImage(shot).width() >= 1000);
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void staleKeepsQueue()
    {
        Fixture f;
        ClusterSnapshot snapshot = syntheticSnapshot(10, 30);
        f.view->setSnapshot(snapshot);
        QCOMPARE(f.view->summary(), QStringLiteral("30 jobs queued: 20 running, 10 pending"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ClusterSnapshot stale = snapshot;
        stale.jobs.clear();
        stale.takenAt = now.addSecs(-125);
        stale.ssh.ok = false;
        stale.ssh.error = QStringLiteral("The connection to head was lost. SlurmDeck reconnects by itself.");
        f.view->staleBanner()->setClock([now] { return now; });
        f.view->setSnapshot(stale);
        QVERIFY(!f.view->staleBanner()->isHidden());
        QVERIFY(f.view->staleBanner()->text().contains(
            QStringLiteral("(2 min ago): ssh: The connection to head was lost")));
        QCOMPARE(f.view->queueModel()->rowCount(), 30);
        f.view->setSnapshot(snapshot);
        QVERIFY(f.view->staleBanner()->isHidden());
    }
};

QTEST_MAIN(TestJobsView)
#include "tst_jobsview.moc"
