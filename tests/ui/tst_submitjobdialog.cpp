// SPDX-License-Identifier: GPL-3.0-or-later
// The submit dialog offscreen, with recording ClusterOperations: templates fill the editor
// and the fields, a request no node can run disables Submit and says what is possible,
// the user's templates are saved and read back, a submission goes to the operations and
// the Jobs view then selects the new job.
#include "FakeOperations.h"
#include "dialogs/SubmitJobDialog.h"
#include "views/JobsView.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using SlurmDeck::Testing::FakeOperations;

namespace {

SlurmNode node(const QString &name, const QString &partition, int cpus, qint64 memoryMb, const QString &gres)
{
    SlurmNode n;
    n.name = name;
    n.state = QStringLiteral("IDLE");
    n.partitions = {partition};
    n.cpusTotal = cpus;
    n.memoryTotalMb = memoryMb;
    n.gres = gres;
    return n;
}

// main (default, MaxTime 1 h): two nodes of 4 CPUs and 8000 MB; gpu (MaxTime 2 days): one
// node with 8 CPUs, 32000 MB and two a100.
ClusterSnapshot cluster()
{
    ClusterSnapshot snapshot;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.ssh.ok = true;
    snapshot.controller.ok = true;
    snapshot.nodes = {
        node(QStringLiteral("n1"), QStringLiteral("main"), 4, 8000, {}),
        node(QStringLiteral("n2"), QStringLiteral("main"), 4, 8000, {}),
        node(QStringLiteral("g1"), QStringLiteral("gpu"), 8, 32000, QStringLiteral("gpu:a100:2"))};
    snapshot.nodes[2].gpusTotal = 2;
    SlurmPartition main{QStringLiteral("main"),
                        true,
                        QStringLiteral("UP"),
                        {QStringLiteral("n1"), QStringLiteral("n2")},
                        8,
                        2,
                        60,
                        -1};
    SlurmPartition gpu{
        QStringLiteral("gpu"), false, QStringLiteral("UP"), {QStringLiteral("g1")}, 8, 1, 2880, -1};
    snapshot.partitions = {main, gpu};
    return snapshot;
}

} // namespace

class TestSubmitJobDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    JobTemplates store() const { return JobTemplates(m_dir.filePath(QStringLiteral("templates.json"))); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void templatesFillTheEditor()
    {
        SubmitJobDialog dialog(std::make_shared<FakeOperations>());
        dialog.setTemplateStore(store());
        dialog.setSnapshot(cluster());
        const QList<JobTemplate> builtIns = JobTemplates::builtIns();
        QCOMPARE(builtIns.size(), 4);
        QCOMPARE(dialog.templateCombo()->count(), 4);
        for (int i = 0; i < builtIns.size(); ++i) {
            dialog.scriptEditor()->clear();
            emit dialog.templateCombo()->activated(i); // as if the user picked it
            QCOMPARE(dialog.scriptEditor()->toPlainText(), builtIns.at(i).request.script);
            QCOMPARE(dialog.nameEdit()->text(), builtIns.at(i).request.name);
            QVERIFY(dialog.scriptEditor()->toPlainText().startsWith(u"#!/bin/bash"));
        }
        QVERIFY(dialog.applyTemplate(QStringLiteral("Job array")));
        QCOMPARE(dialog.arrayEdit()->text(), QStringLiteral("0-9%4"));
        QVERIFY(dialog.applyTemplate(QStringLiteral("Multi-node")));
        QCOMPARE(dialog.nodesSpin()->value(), 2);
        QVERIFY(dialog.scriptEditor()->toPlainText().contains(u"srun"));
        QVERIFY(dialog.applyTemplate(QStringLiteral("GPU job")));
        QCOMPARE(dialog.gpusSpin()->value(), 1);
        QVERIFY(!dialog.applyTemplate(QStringLiteral("no such template")));
        // The script editor is monospace.
        QVERIFY(QFontInfo(dialog.scriptEditor()->font()).fixedPitch());
    }

    void oversizedRequestDisablesSubmit()
    {
        auto operations = std::make_shared<FakeOperations>();
        SubmitJobDialog dialog(operations);
        dialog.setTemplateStore(store());
        dialog.setSnapshot(cluster());
        QVERIFY(dialog.applyTemplate(QStringLiteral("Plain shell")));
        QVERIFY2(dialog.submitButton()->isEnabled(), qPrintable(dialog.message()));
        // The partitions of the snapshot, after the default.
        QCOMPARE(dialog.partitionCombo()->count(), 3);
        QCOMPARE(dialog.partitionCombo()->itemText(0), QStringLiteral("Default (main)"));

        dialog.memoryEdit()->setText(QStringLiteral("64G"));
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY2(dialog.message().contains(u"65536 MB of memory per node is more than any node in partition "
                                           u"main has (at most 8000 MB)"),
                 qPrintable(dialog.message()));
        dialog.memoryEdit()->setText(QStringLiteral("lots"));
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY(dialog.message().contains(u"'lots' is not an amount of memory"));
        dialog.memoryEdit()->setText(QStringLiteral("4G"));
        QVERIFY(dialog.submitButton()->isEnabled());

        dialog.partitionCombo()->setCurrentIndex(dialog.partitionCombo()->findData(QStringLiteral("gpu")));
        dialog.gpusSpin()->setValue(3);
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY(dialog.message().contains(u"(at most 2)"));
        dialog.gpusSpin()->setValue(2);
        QVERIFY(dialog.submitButton()->isEnabled());

        dialog.partitionCombo()->setCurrentIndex(0);
        dialog.gpusSpin()->setValue(0);
        dialog.timeEdit()->setText(QStringLiteral("2:00:00"));
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY(dialog.message().contains(u"MaxTime of 01:00:00"));
        dialog.timeEdit()->setText(QStringLiteral("30"));
        QVERIFY(dialog.submitButton()->isEnabled());

        JobRequest unknown = dialog.request();
        unknown.partition = QStringLiteral("nope");
        dialog.setRequest(unknown);
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY(dialog.message().contains(u"There is no partition 'nope'. The cluster has: main, gpu."));

        // Nothing reached the cluster while it was invalid.
        QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
        QVERIFY(operations->submitted.isEmpty());
    }

    void submitsTheRequest()
    {
        auto operations = std::make_shared<FakeOperations>();
        SubmitJobDialog dialog(operations);
        dialog.setTemplateStore(store());
        dialog.setSnapshot(cluster());
        QSignalSpy submitted(&dialog, &SubmitJobDialog::submitted);
        dialog.nameEdit()->setText(QStringLiteral("hello"));
        dialog.tasksSpin()->setValue(2);
        dialog.environmentEdit()->setPlainText(QStringLiteral("TOKEN=abc\nHOME\n"));
        QVERIFY(dialog.submitButton()->isEnabled());
        QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
        QVERIFY(!dialog.submitButton()->isEnabled()); // while it is on its way
        QVERIFY(submitted.wait(2000));
        QCOMPARE(submitted.first().first().toString(), QStringLiteral("4242"));
        QCOMPARE(operations->submitted.size(), 1);
        const JobRequest &sent = operations->submitted.first();
        QCOMPARE(sent.name, QStringLiteral("hello"));
        QCOMPARE(sent.tasks, 2);
        QCOMPARE(sent.environment, (QStringList{QStringLiteral("TOKEN=abc"), QStringLiteral("HOME")}));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // The cluster's users to run as (the first by default) and where a job starts.
    void runsAsTheChosenUserInTheSharedDirectory()
    {
        auto operations = std::make_shared<FakeOperations>();
        SubmitJobDialog rootOnly(operations);
        QCOMPARE(rootOnly.userCombo()->count(), 1);
        QCOMPARE(rootOnly.userCombo()->currentData().toString(), QString());
        QVERIFY(rootOnly.workingDirectoryEdit()->placeholderText().contains(
            QLatin1String("output stays on the node")));

        operations->users = {QStringLiteral("alice"), QStringLiteral("bob")};
        operations->sharedDirectory = QStringLiteral("/data");
        SubmitJobDialog dialog(operations);
        dialog.setTemplateStore(store());
        dialog.setSnapshot(cluster());
        QCOMPARE(dialog.userCombo()->count(), 2);
        QCOMPARE(dialog.userCombo()->currentText(), QStringLiteral("alice"));
        QVERIFY(dialog.workingDirectoryEdit()->placeholderText().contains(QLatin1String("/data")));
        dialog.userCombo()->setCurrentIndex(1);
        dialog.setSnapshot(cluster()); // a poll keeps the choice
        QCOMPARE(dialog.userCombo()->currentText(), QStringLiteral("bob"));
        QSignalSpy submitted(&dialog, &SubmitJobDialog::submitted);
        QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
        QVERIFY(submitted.wait(2000));
        QCOMPARE(operations->submitted.first().user, QStringLiteral("bob"));
    }

    void sbatchFailureIsShown()
    {
        auto operations = std::make_shared<FakeOperations>();
        operations->failure = makeError(Error::Code::RemoteCommandFailed,
                                        QStringLiteral("sbatch refused the job: Invalid account"));
        SubmitJobDialog dialog(operations);
        dialog.setTemplateStore(store());
        dialog.setSnapshot(cluster());
        QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.message().contains(u"Invalid account"));
        QVERIFY(dialog.submitButton()->isEnabled()); // fix it and try again
        QVERIFY(dialog.result() != int(QDialog::Accepted));
    }

    void userTemplateSavedAndReloaded()
    {
        QFile::remove(store().path());
        JobRequest expected;
        {
            SubmitJobDialog dialog(std::make_shared<FakeOperations>());
            dialog.setTemplateStore(store());
            dialog.setSnapshot(cluster());
            QVERIFY(!dialog.saveTemplateButton()->isEnabled()); // no name yet
            dialog.scriptEditor()->setPlainText(QStringLiteral("#!/bin/sh\necho mine\n"));
            dialog.nameEdit()->setText(QStringLiteral("my-job"));
            dialog.partitionCombo()->setCurrentIndex(
                dialog.partitionCombo()->findData(QStringLiteral("gpu")));
            dialog.cpusSpin()->setValue(4);
            dialog.memoryEdit()->setText(QStringLiteral("3G"));
            dialog.gpuTypeEdit()->setText(QStringLiteral("a100"));
            dialog.gpusSpin()->setValue(1);
            dialog.timeEdit()->setText(QStringLiteral("1-00:00:00"));
            dialog.outputEdit()->setText(QStringLiteral("out-%j.txt"));
            dialog.arrayEdit()->setText(QStringLiteral("1-3"));
            dialog.environmentEdit()->setPlainText(QStringLiteral("MODE=fast"));
            expected = dialog.request();
            dialog.templateNameEdit()->setText(QStringLiteral("mine"));
            QVERIFY(dialog.saveTemplateButton()->isEnabled());
            QTest::mouseClick(dialog.saveTemplateButton(), Qt::LeftButton);
            QVERIFY2(dialog.message().contains(u"Saved the template mine"), qPrintable(dialog.message()));
            QVERIFY(QFile::exists(store().path()));
            // A built-in's name is not taken over.
            QVERIFY(!dialog.saveTemplate(QStringLiteral("GPU job")));
        }
        QCOMPARE(expected.memoryMb, 3072);
        QCOMPARE(expected.timeLimitMinutes, 1440);

        SubmitJobDialog again(std::make_shared<FakeOperations>());
        again.setTemplateStore(store());
        again.setSnapshot(cluster());
        QVERIFY(again.templateNames().contains(QStringLiteral("mine")));
        QCOMPARE(again.templateCombo()->count(), 5);
        QVERIFY(again.applyTemplate(QStringLiteral("Plain shell")));
        QVERIFY(again.request() != expected);
        QVERIFY(again.applyTemplate(QStringLiteral("mine")));
        QVERIFY(again.request() == expected);
        QCOMPARE(again.scriptEditor()->toPlainText(), QStringLiteral("#!/bin/sh\necho mine\n"));
        QCOMPARE(again.partitionCombo()->currentData().toString(), QStringLiteral("gpu"));
        QVERIFY2(again.submitButton()->isEnabled(), qPrintable(again.message()));
    }

    void jobsViewFollowsTheSubmittedJob()
    {
        auto operations = std::make_shared<FakeOperations>();
        JobsView view;
        view.setOperations(operations);
        ClusterSnapshot snapshot = cluster();
        view.setSnapshot(snapshot);
        QVERIFY(view.submitAction());
        QCOMPARE(view.submitAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
        view.submitAction()->trigger();
        QVERIFY(view.submitDialog());
        QVERIFY(view.submitDialog()->submitButton()->isEnabled());
        QTest::mouseClick(view.submitDialog()->submitButton(), Qt::LeftButton);
        QTRY_VERIFY(!view.submitDialog()); // closed (deleted) after the submission
        QCOMPARE(operations->submitted.size(), 1);
        QVERIFY(view.notice().contains(u"Submitted job 4242"));

        SlurmJob job;
        job.id = QStringLiteral("4242");
        job.jobId = 4242;
        job.name = QStringLiteral("shell-job");
        job.state = QStringLiteral("PENDING");
        job.partition = QStringLiteral("main");
        SlurmJob other = job;
        other.id = QStringLiteral("7");
        other.jobId = 7;
        snapshot.jobs = {other, job};
        view.tabs()->setCurrentIndex(JobsView::HistoryTab);
        view.setSnapshot(snapshot);
        QCOMPARE(view.tabs()->currentIndex(), int(JobsView::QueueTab));
        QCOMPARE(view.selectedJobIds(), QStringList{QStringLiteral("4242")});
        // Followed once: a later poll leaves the user's own selection alone.
        view.selectJobs({QStringLiteral("7")});
        view.setSnapshot(snapshot);
        QCOMPARE(view.selectedJobIds(), QStringList{QStringLiteral("7")});
    }
};

QTEST_MAIN(TestSubmitJobDialog)
#include "tst_submitjobdialog.moc"
