// SPDX-License-Identifier: GPL-3.0-or-later
// Job submission on a real cluster: the lab's four hosts deployed by SlurmDeck's engine,
// the main window opened on the cluster file. (a) A job submitted through the submit dialog
// (fields filled and Submit clicked by the test) runs, is selected in the Jobs view and
// then shows in its history (sacct), its environment passed on; (b) a request for more
// memory than any node has is refused before sbatch, by the dialog and by `slurmdeck-cli
// submit`, and no such job reaches the queue; (c) `slurmdeck-cli submit` (a file, and a
// script on stdin) prints a job id that then completes. The cluster (own name, the same
// ports as the other deploy tests: hold the lab lock) is removed at the end, pass or fail.
#include "FakeOperations.h"
#include "LabCluster.h"
#include "LiveCluster.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "dialogs/SubmitJobDialog.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "models/JobsModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/JobsView.h"
#include "widgets/JobDetailsPane.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace std::chrono_literals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] QByteArray describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err).toUtf8();
    }
};

const QString script = QStringLiteral("#!/bin/sh\necho \"$TAG $SLURM_JOB_ID $MODE\"\nsleep 3\n");

} // namespace

class TestSubmitLab final : public QObject
{
    Q_OBJECT

private:
    Lab::LabCluster m_lab;
    std::unique_ptr<MainWindow> m_window;

    QString clusterFile() const { return m_lab.clusterFile(); }
    QString sshConfig() const { return m_lab.sshConfig(); }
    SshTarget shared() const { return m_lab.shared(); }
    QString slurm(const QString &command) const { return m_lab.slurm(command); }

    // The lab's one data directory, as a NAS share mounted on every host: /data in the jobs.
    SharedDirectory sharedData() const
    {
        SharedDirectory data{QStringLiteral("/data"), Lab::sharedDataPath(m_lab.primary()), {}};
        for (const Lab::Host &host : m_lab.hosts()) {
            if (Lab::sharedDataPath(host) != data.source)
                data.sources.insert(host.name, Lab::sharedDataPath(host));
        }
        return data;
    }

    // The Jobs view's History tab shows the job in `state` (refreshed until it does, 60 s).
    static bool historyShows(JobsView *view, const QString &id, const QString &state)
    {
        view->tabs()->setCurrentIndex(JobsView::HistoryTab);
        return QTest::qWaitFor(
            [&] {
                const int row = view->historyModel()->rowOf(id);
                if (row >= 0 && view->historyModel()->job(row).state == state)
                    return true;
                view->refreshHistory();
                QTest::qWait(2000);
                return false;
            },
            60000);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY2(m_lab.hosts().size() >= 4, "the submit lab test needs four lab hosts");
        QVERIFY(m_lab.home.isValid());
        QVERIFY(m_lab.writeSshConfig());

        // The seed's topology: the first host runs everything, all four compute.
        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("submittest"), QStringLiteral("submittest.yaml"),
                                          true, ClusterSecrets::generateMungeKey(),
                                          ClusterSecrets::generatePassword()));
        m_lab.cluster.shared = {sharedData()};
        // The lab's ordinary user runs the jobs, with her uid and gid on the hosts.
        const Lab::Host *userHost = nullptr;
        for (const Lab::Host &host : m_lab.hosts()) {
            if (host.user != u"root")
                userHost = &host;
        }
        QVERIFY2(userHost, "the lab has no ordinary user");
        const Result<ExecResult> gid = m_lab.onHost(*userHost, QStringLiteral("id -g"));
        SLURMDECK_VERIFY_OK(gid);
        m_lab.cluster.users = {ClusterUser{userHost->user, userHost->uid,
                                           QString::fromUtf8(gid->standardOutput).trimmed().toInt()}};
        SLURMDECK_VERIFY_OK(m_lab.replan());
        m_lab.tearDown(); // leftovers of a killed run
    }

    // A host where the shared directory's path is a directory of its own (its private /tmp)
    // is named by the deploy, before any file is written.
    void aHostThatDoesNotShareTheDirectoryIsRefused()
    {
        const Lab::Host apart = m_lab.hosts().last();
        m_lab.cluster.shared.first().sources.insert(apart.name, QStringLiteral("/tmp"));
        SLURMDECK_VERIFY_OK(m_lab.replan());
        QStringList log;
        const std::optional<DeployReport> report = m_lab.deploy(&log);
        QVERIFY(report);
        for (const HostDeployResult &host : report->hosts) {
            QVERIFY2(host.phase == DeployPhase::Failed &&
                         host.message.contains(
                             QLatin1String("The shared directory /data is not one filesystem")) &&
                         host.message.contains(apart.name + QStringLiteral(" sees another one (/tmp)")),
                     qPrintable(host.host + QStringLiteral(": ") + host.message));
        }
        const HostPlan *apartPlan = nullptr;
        for (const HostPlan &host : m_lab.plan.hosts) {
            if (host.hostName == apart.name)
                apartPlan = &host;
        }
        QVERIFY(apartPlan);
        const Result<ExecResult> written =
            m_lab.onHost(apart, QStringLiteral("test -e %1/.env && echo written || echo absent")
                                    .arg(Shell::quote(apartPlan->directory)));
        SLURMDECK_VERIFY_OK(written);
        QCOMPARE(written->standardOutput.trimmed(), QByteArray("absent"));

        m_lab.cluster.shared = {sharedData()};
        SLURMDECK_VERIFY_OK(m_lab.replan());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_lab.tearDown();
    }

    Run cli(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_lab.home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_lab.home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_lab.home.filePath(QStringLiteral(".local/share")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_CLI_EXE),
                      arguments + QStringList{QStringLiteral("--cluster"), clusterFile(),
                                              QStringLiteral("--ssh-config"), sshConfig()});
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(120000)) {
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

    QString writeScript(const QString &tag) const
    {
        const QString path = m_lab.home.filePath(tag + QStringLiteral(".sh"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QString(script).replace(QStringLiteral("$TAG"), tag).toUtf8());
        return path;
    }

    // sacct's state of the job ("COMPLETED", ...), empty while accounting has no record.
    QString accountingState(const QString &id) const
    {
        return slurm(QStringLiteral("sacct -n -X -P -j %1 -o State").arg(id)).section(u'\n', 0, 0).trimmed();
    }

    // Waits until the job left the queue and accounting says it completed.
    bool completes(const QString &id) const
    {
        return QTest::qWaitFor([&] { return accountingState(id) == QLatin1StringView("COMPLETED"); }, 90000);
    }

    // How many jobs of that name the queue and accounting know.
    QString jobsNamed(const QString &name) const
    {
        return slurm(QStringLiteral("squeue -h -n %1 -o %i; sacct -n -X -P --name %1 -o JobID").arg(name));
    }

    void deploy()
    {
        QStringList log;
        QElapsedTimer timer;
        timer.start();
        const std::optional<DeployReport> report = m_lab.deploy(&log);
        QVERIFY(report);
        QStringList failures;
        for (const HostDeployResult &host : report->hosts) {
            if (host.phase == DeployPhase::Failed)
                failures << host.host + QStringLiteral(": ") + host.message + u'\n' + host.lastLogLines;
        }
        QVERIFY2(report->ok(), qPrintable(failures.join(u'\n') + QStringLiteral("\nLog:\n") +
                                          log.mid(std::max<qsizetype>(0, log.size() - 30)).join(u'\n')));
        qInfo("deployed in %lld s", timer.elapsed() / 1000);
        // Every node registered and idle before the view looks.
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
    }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setSshDefaults(shared());
        m_window->liveCluster()->setInterval(1s);
        m_window->setConfirmation(std::make_shared<Testing::ScriptedConfirmation>(true));
        m_window->resize(1300, 700);
        SLURMDECK_VERIFY_OK(m_window->openCluster(clusterFile()));
        m_window->show();
        m_window->showArea(Area::Hosts);
        // Jobs > Submit job… from another view shows Jobs (which starts the monitor).
        m_window->jobsView()->submitAction()->trigger();
        QCOMPARE(m_window->currentArea(), Area::Jobs);
        SubmitJobDialog *dialog = m_window->jobsView()->submitDialog();
        QVERIFY(dialog);
        // The partitions arrive with the first snapshot: the default, then the cluster's.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->partitionCombo()->count() >= 2, 60000);
    }

    void dialogSubmitsAJobThatRunsAndShowsInHistory()
    {
        QVERIFY(m_window);
        JobsView *view = m_window->jobsView();
        SubmitJobDialog *dialog = view->submitDialog();
        QVERIFY(dialog);
        QSignalSpy submitted(dialog, &SubmitJobDialog::submitted);
        QVERIFY(dialog->applyTemplate(QStringLiteral("Plain shell")));
        // Long enough for the queue to show it running.
        dialog->scriptEditor()->setPlainText(
            QString(script)
                .replace(QStringLiteral("$TAG"), QStringLiteral("dialog"))
                .replace(QStringLiteral("sleep 3"), QStringLiteral("sleep 15")));
        dialog->nameEdit()->setText(QStringLiteral("submitlab-dialog"));
        dialog->partitionCombo()->setCurrentIndex(1); // the first real partition
        dialog->tasksSpin()->setValue(1);
        dialog->cpusSpin()->setValue(1);
        dialog->timeEdit()->setText(QStringLiteral("5"));
        dialog->outputEdit()->setText(QStringLiteral("/tmp/submitlab-%j.out"));
        dialog->environmentEdit()->setPlainText(QStringLiteral("MODE=from-the-dialog"));
        QVERIFY2(dialog->submitButton()->isEnabled(), qPrintable(dialog->message()));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        QVERIFY2(submitted.wait(60000), qPrintable(dialog->message()));
        const QString id = submitted.first().first().toString();
        QVERIFY2(id.toLongLong() > 0, qPrintable(id));
        qInfo("dialog submitted job %s", qPrintable(id));

        // The view selects and follows the new job as soon as the queue shows it.
        QTRY_VERIFY_WITH_TIMEOUT(view->queueModel()->rowOf(id) >= 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(view->selectedJobIds(), QStringList{id}, 5000);
        QCOMPARE(view->tabs()->currentIndex(), int(JobsView::QueueTab));
        QTRY_COMPARE_WITH_TIMEOUT(view->queueModel()->job(view->queueModel()->rowOf(id)).state,
                                  QStringLiteral("RUNNING"), 15000);
        QVERIFY2(completes(id), qPrintable(slurm(QStringLiteral("sacct -X -j %1").arg(id))));
        const Run output = cli({QStringLiteral("jobs"), QStringLiteral("output"), id});
        QVERIFY2(output.exitCode == 0, output.describe().constData());
        QCOMPARE(output.out.trimmed(), QStringLiteral("dialog %1 from-the-dialog").arg(id));

        // Then in the view's history (sacct).
        QVERIFY2(historyShows(view, id, QStringLiteral("COMPLETED")), qPrintable(view->historyStatus()));
    }

    void oversizedRequestIsRefusedBeforeSbatch()
    {
        QVERIFY(m_window);
        JobsView *view = m_window->jobsView();
        view->tabs()->setCurrentIndex(JobsView::QueueTab);
        view->submitAction()->trigger();
        SubmitJobDialog *dialog = view->submitDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->partitionCombo()->count() >= 2, 30000);
        dialog->scriptEditor()->setPlainText(script);
        dialog->nameEdit()->setText(QStringLiteral("submitlab-huge"));
        dialog->memoryEdit()->setText(QStringLiteral("100T"));
        QVERIFY(!dialog->submitButton()->isEnabled());
        QVERIFY2(dialog->message().contains(u"is more than any node in partition") &&
                     dialog->message().contains(u"(at most "),
                 qPrintable(dialog->message()));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        dialog->reject();

        const Run refused =
            cli({QStringLiteral("submit"), writeScript(QStringLiteral("huge")), QStringLiteral("--job-name"),
                 QStringLiteral("submitlab-huge"), QStringLiteral("--mem"), QStringLiteral("100T")});
        QVERIFY2(refused.exitCode == 2, refused.describe().constData());
        QVERIFY2(refused.err.contains(u"(at most ") && refused.err.contains(u"Nothing was submitted."),
                 refused.describe().constData());
        QVERIFY(refused.out.isEmpty());
        // Neither reached sbatch: no such job in the queue or in accounting.
        QTest::qWait(2000);
        QCOMPARE(jobsNamed(QStringLiteral("submitlab-huge")), QString());

        const Run unknown = cli({QStringLiteral("submit"), writeScript(QStringLiteral("nowhere")),
                                 QStringLiteral("-p"), QStringLiteral("nowhere")});
        QVERIFY2(unknown.exitCode == 2 &&
                     unknown.err.contains(u"There is no partition 'nowhere'. The cluster has: "),
                 unknown.describe().constData());
    }

    // A job may name any file as its output; reading it runs as the job's owner, so a job of
    // nobody's that names a root-only file shows nothing of it to the admin who asks.
    void outputIsReadAsTheJobsOwner()
    {
        const QString secret = QStringLiteral("/root/submitlab-secret");
        m_lab.inService(QStringLiteral("slurmd"),
                        QStringLiteral("printf TOPSECRET > %1 && chmod 600 %1").arg(secret));
        QCOMPARE(m_lab.inService(QStringLiteral("slurmd"), QStringLiteral("cat ") + secret),
                 QStringLiteral("TOPSECRET"));
        // Appended to, never truncated, whoever opens it; the job itself writes nothing.
        const QString id = slurm(QStringLiteral("sbatch --parsable --uid=65534 --gid=65534 -w primary -t 1 "
                                                "--open-mode=append -o %1 --wrap true")
                                     .arg(secret))
                               .section(u';', 0, 0);
        QVERIFY2(id.toLongLong() > 0, qPrintable(id));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !accountingState(id).isEmpty() && accountingState(id) != u"PENDING" &&
                                accountingState(id) != u"RUNNING";
                     },
                     90000),
                 qPrintable(slurm(QStringLiteral("sacct -X -j %1").arg(id))));
        const Run output = cli({QStringLiteral("jobs"), QStringLiteral("output"), id});
        QVERIFY2(!output.out.contains(QStringLiteral("TOPSECRET")) &&
                     !output.err.contains(QStringLiteral("TOPSECRET")),
                 output.describe().constData());
        QVERIFY2(output.exitCode != 0 && output.err.contains(QStringLiteral("uid 65534")),
                 output.describe().constData());
        m_lab.inService(QStringLiteral("slurmd"), QStringLiteral("rm -f ") + secret);
    }

    void cliSubmitPrintsAJobIdThatCompletes()
    {
        const Run run = cli(
            {QStringLiteral("submit"), writeScript(QStringLiteral("cli")), QStringLiteral("--job-name"),
             QStringLiteral("submitlab-cli"), QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("-t"),
             QStringLiteral("00:05:00"), QStringLiteral("-o"), QStringLiteral("/tmp/submitlab-cli-%j.out"),
             QStringLiteral("--export"), QStringLiteral("MODE=from-the-cli")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = run.out.trimmed();
        QVERIFY2(id.toLongLong() > 0, run.describe().constData());
        QVERIFY2(completes(id), qPrintable(slurm(QStringLiteral("sacct -X -j %1").arg(id))));
        const Run output = cli({QStringLiteral("jobs"), QStringLiteral("output"), id});
        QVERIFY2(output.exitCode == 0, output.describe().constData());
        QCOMPARE(output.out.trimmed(), QStringLiteral("cli %1 from-the-cli").arg(id));
        // The script on standard input.
        const Run piped =
            cli({QStringLiteral("submit"), QStringLiteral("-"), QStringLiteral("-o"),
                 QStringLiteral("/tmp/submitlab-stdin-%j.out")},
                QString(script).replace(QStringLiteral("$TAG"), QStringLiteral("stdin")).toUtf8());
        QVERIFY2(piped.exitCode == 0, piped.describe().constData());
        const QString pipedId = piped.out.trimmed();
        QVERIFY2(pipedId.toLongLong() > 0, piped.describe().constData());
        QVERIFY(completes(pipedId));
        const Run pipedOutput = cli({QStringLiteral("jobs"), QStringLiteral("output"), pipedId});
        QCOMPARE(pipedOutput.out.trimmed(), QStringLiteral("stdin %1").arg(pipedId));
    }

    // Jobs run as the cluster's user: what one writes on the shared directory belongs to her
    // uid on the hosts, and accounting knows her, in the cluster's account.
    void jobRunsAsTheClusterUser()
    {
        const ClusterUser user = m_lab.cluster.users.constFirst();
        const QString tag = QStringLiteral("who-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString path = m_lab.home.filePath(QStringLiteral("who.sh"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // It also prints the CPUs it may run on: limits bind its one CPU (task/affinity).
        file.write(QStringLiteral("#!/bin/sh\nid -un > /data/%1\nsed -n 's/^Cpus_allowed_list:\\s*//p' "
                                  "/proc/self/status >> /data/%1\n")
                       .arg(tag)
                       .toUtf8());
        file.close();
        const Run run = cli({QStringLiteral("submit"), path, QStringLiteral("-t"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = run.out.trimmed();
        QVERIFY2(completes(id), qPrintable(slurm(QStringLiteral("sacct -X -j %1").arg(id))));
        const Result<ExecResult> owner =
            m_lab.onHost(m_lab.primary(), QStringLiteral("cd %1 && stat -c %u %2 && cat %2")
                                              .arg(Shell::quote(Lab::sharedDataPath(m_lab.primary())), tag));
        SLURMDECK_VERIFY_OK(owner);
        const QStringList lines = QString::fromUtf8(owner->standardOutput).trimmed().split(u'\n');
        QCOMPARE(lines.mid(0, 2), (QStringList{QString::number(user.uid), user.name}));
        bool oneCpu = false;
        QVERIFY2(lines.size() == 3 && (lines.at(2).toInt(&oneCpu), oneCpu), qPrintable(lines.join(u'|')));
        QCOMPARE(slurm(QStringLiteral("sacct -n -X -P -j %1 -o User").arg(id)), user.name);
        QVERIFY2(
            QTest::qWaitFor(
                [&] {
                    return slurm(QStringLiteral("sacctmgr -n -P show user %1 format=user,defaultaccount")
                                     .arg(user.name)) ==
                           QStringLiteral("%1|%2").arg(user.name, m_lab.cluster.name);
                },
                60000),
            qPrintable(slurm(
                QStringLiteral("sacctmgr -n -P show user %1 format=user,defaultaccount").arg(user.name))));
        // Naming another user than the cluster's is refused before sbatch.
        const Run other =
            cli({QStringLiteral("submit"), path, QStringLiteral("--user"), QStringLiteral("mallory")});
        QVERIFY2(other.exitCode == 2 &&
                     other.err.contains(QStringLiteral("is not one of the cluster's users")),
                 other.describe().constData());
        (void)m_lab.onHost(m_lab.primary(),
                           QStringLiteral("rm -f %1/%2 %1/slurm-%3.out")
                               .arg(Shell::quote(Lab::sharedDataPath(m_lab.primary())), tag, id));
    }

    // Memory is enforced (the default): without cgroups in the containers, by Slurm's sampler.
    // A job holding twice its --mem is stopped; Slurm records FAILED, and SlurmDeck's history
    // (CLI and the Jobs view) shows OUT_OF_MEMORY with the figures. The Jobs view reads its
    // output, Slurm's kill message included, from the shared directory (/data) it started in.
    void jobOverItsMemoryIsStoppedAndShownOutOfMemory()
    {
        QVERIFY(m_window);
        const QString path = m_lab.home.filePath(QStringLiteral("hog.sh"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // tail keeps the whole line (300 MB of zeros), then blocks writing it to sleep.
        file.write("#!/bin/sh\necho hog started\nhead -c 300M /dev/zero | tail | sleep 120\n");
        file.close();
        const Run run = cli({QStringLiteral("submit"), path, QStringLiteral("--job-name"),
                             QStringLiteral("submitlab-hog"), QStringLiteral("--mem"), QStringLiteral("150M"),
                             QStringLiteral("-t"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = run.out.trimmed();
        // Sampled every 10 s: stopped long before its 120 s.
        QVERIFY2(
            QTest::qWaitFor(
                [&] {
                    const QString state = accountingState(id);
                    return !state.isEmpty() && state != u"PENDING" && state != u"RUNNING";
                },
                60000),
            qPrintable(slurm(
                QStringLiteral("sacct -j %1 -o JobID,State,MaxRSS,ReqMem; scontrol show job %1").arg(id))));
        QCOMPARE(accountingState(id), QStringLiteral("FAILED"));

        const Run history = cli({QStringLiteral("history"), QStringLiteral("--json")});
        QVERIFY2(history.exitCode == 0, history.describe().constData());
        QJsonObject entry;
        for (const QJsonValue &job : QJsonDocument::fromJson(history.out.toUtf8()).array()) {
            if (job.toObject().value(QStringLiteral("id")).toString() == id)
                entry = job.toObject();
        }
        QVERIFY2(entry.value(QStringLiteral("state")).toString() == u"OUT_OF_MEMORY",
                 history.describe().constData());
        QVERIFY2(entry.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QLatin1String("over its --mem of 150 MB")),
                 history.describe().constData());

        JobsView *view = m_window->jobsView();
        QVERIFY2(historyShows(view, id, QStringLiteral("OUT_OF_MEMORY")), qPrintable(view->historyStatus()));
        view->selectJobs({id});
        QTRY_VERIFY2_WITH_TIMEOUT(view->detailsPane()->outputText().contains(QLatin1String("hog started")),
                                  qPrintable(view->detailsPane()->outputText()), 30000);
        QVERIFY2(view->detailsPane()->outputText().contains(QLatin1String("exceeded memory limit")),
                 qPrintable(view->detailsPane()->outputText()));
        view->tabs()->setCurrentIndex(JobsView::QueueTab);
    }

    // A job array on the shared directory: one task a node (each takes its node whole), each
    // writes a file there; all are visible on the controller's host, the tasks started in
    // /data without being told, and a task's output is read from the shared directory even
    // when the node that ran it has lost its container.
    void jobArrayWritesOneFilePerNodeOnTheSharedDirectory()
    {
        const QString tag = QStringLiteral("array-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const qsizetype nodes = m_lab.hosts().size();
        const QString path = m_lab.home.filePath(QStringLiteral("array.sh"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("#!/bin/sh\n#SBATCH --exclusive\nmkdir -p /data/%1\n"
                                  "pwd > /data/%1/$SLURM_ARRAY_TASK_ID.$SLURMD_NODENAME\n"
                                  "echo \"task $SLURM_ARRAY_TASK_ID on $SLURMD_NODENAME\"\nsleep 5\n")
                       .arg(tag)
                       .toUtf8());
        file.close();
        const Run run =
            cli({QStringLiteral("submit"), path, QStringLiteral("--job-name"),
                 QStringLiteral("submitlab-array"), QStringLiteral("-a"),
                 QStringLiteral("0-%1").arg(nodes - 1), QStringLiteral("-t"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = run.out.trimmed();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return slurm(QStringLiteral("sacct -n -X -P -j %1 -o State | sort -u").arg(id)) ==
                                QLatin1StringView("COMPLETED");
                     },
                     180000),
                 qPrintable(slurm(QStringLiteral("sacct -X -j %1 -o JobID,State,NodeList").arg(id))));

        const Result<ExecResult> listed = m_lab.onHost(
            m_lab.primary(),
            QStringLiteral("cd %1/%2 && for f in *; do printf '%s %s\n' \"$f\" \"$(cat \"$f\")\"; done")
                .arg(Shell::quote(Lab::sharedDataPath(m_lab.primary())), tag));
        SLURMDECK_VERIFY_OK(listed);
        QSet<QString> seenNodes;
        for (const QString &line :
             QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
            QCOMPARE(line.section(u' ', 1), QStringLiteral("/data")); // started there
            seenNodes << line.section(u' ', 0, 0).section(u'.', 1);
        }
        QSet<QString> allNodes;
        for (const Lab::Host &host : m_lab.hosts())
            allNodes << host.name;
        QVERIFY2(seenNodes == allNodes, listed->standardOutput.constData());

        // The output of a task that ran elsewhere than the controller's host, read after that
        // node's slurmd container is gone.
        const QStringList tasks = slurm(QStringLiteral("sacct -n -X -P -j %1 -o JobIDRaw,NodeList").arg(id))
                                      .split(u'\n', Qt::SkipEmptyParts);
        QString taskId;
        QString taskNode;
        for (const QString &task : tasks) {
            if (task.section(u'|', 1) != m_lab.primary().name) {
                taskId = task.section(u'|', 0, 0);
                taskNode = task.section(u'|', 1);
            }
        }
        QVERIFY2(!taskId.isEmpty(), qPrintable(tasks.join(u'\n')));
        for (const Lab::Host &host : m_lab.hosts()) {
            if (host.name != taskNode)
                continue;
            const Result<ExecResult> removed = m_lab.onHost(
                host,
                QStringLiteral("%1 rm -f $(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                               "label=com.docker.compose.service=slurmd)")
                    .arg(Shell::quote(host.docker), Shell::quote(m_lab.plan.projectName)));
            SLURMDECK_VERIFY_OK(removed);
        }
        const Run output = cli({QStringLiteral("jobs"), QStringLiteral("output"), taskId});
        QVERIFY2(output.exitCode == 0 && output.out.contains(QStringLiteral("on %1").arg(taskNode)),
                 output.describe().constData());
        (void)m_lab.onHost(m_lab.primary(),
                           QStringLiteral("rm -rf %1/%2 %1/slurm-%3_*.out")
                               .arg(Shell::quote(Lab::sharedDataPath(m_lab.primary())), tag, id));
    }
};

QTEST_MAIN(TestSubmitLab)
#include "tst_submitlab.moc"
