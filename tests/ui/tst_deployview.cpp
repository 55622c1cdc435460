// SPDX-License-Identifier: GPL-3.0-or-later
// The Deploy area: the plan of a 3-host cluster from a cluster file (secrets injected, no
// keychain) shows every host and file and never a secret's content; the plan, progress and
// verification models pass QAbstractItemModelTester and update without resets; runner
// signals drive the per-host table, the capped log and the report; Deploy asks first, and a
// real runner against unreachable hosts ends in a report that says what failed.
#include "Confirmation.h"
#include "FakeOperations.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "common/Executor.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterDocument.h"
#include "models/DeployHostsModel.h"
#include "models/PlanTreeModel.h"
#include "models/VerificationChecksModel.h"
#include "ssh/HostKey.h"
#include "views/DeployView.h"
#include "widgets/PlanPreview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using Testing::ScriptedConfirmation;

namespace {

const QByteArray mungeKey = QByteArray(1024, 'M').replace(0, 16, "MUNGEKEY-SECRET-");
const QByteArray databasePassword = "db-Pa55word-never-shown";

// Every role's text of every index under `parent`, recursively.
QStringList allText(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::UserRole),
                             int(Qt::UserRole + 1), int(Qt::StatusTipRole), int(Qt::WhatsThisRole)})
                texts << index.data(role).toString();
        }
        texts << allText(model, model.index(row, 0, parent));
    }
    return texts;
}

} // namespace

class TestDeployView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    QString clusterFile(const QString &name, int port = 22)
    {
        const QString path = m_temp.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QString yaml = QStringLiteral("name: %1\nhosts:\n").arg(name);
        const QStringList hosts{QStringLiteral("head"), QStringLiteral("node1"), QStringLiteral("node2")};
        for (int i = 0; i < hosts.size(); ++i) {
            yaml += QStringLiteral("  - name: %1\n    address: 127.0.0.1\n    user: root\n    port: %2\n"
                                   "    roles: [%3]\n    detected:\n      platform: linux\n"
                                   "      arch: x86_64\n      cpus: 4\n      memory_mib: 8000\n")
                        .arg(hosts.at(i))
                        .arg(port)
                        .arg(i == 0 ? QStringLiteral("controller, database, monitoring, compute")
                                    : QStringLiteral("compute"));
        }
        yaml += QStringLiteral("partitions:\n  - name: main\n    nodes: ALL\n    default: true\n");
        file.write(yaml.toUtf8());
        return path;
    }

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_temp.filePath(QStringLiteral("known_hosts"));
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        ssh.connectTimeout = std::chrono::seconds(3);
        return ssh;
    }

    // A main window with `name`'s cluster open and a Deploy view that plans with fixed secrets.
    std::unique_ptr<MainWindow> window(const QString &name, int port = 22)
    {
        auto main = std::make_unique<MainWindow>();
        const QString path = clusterFile(name, port);
        const Result<void> opened = main->openCluster(path);
        if (!opened)
            qWarning("%s", qPrintable(opened.error().toString()));
        DeployView *view = main->deployView();
        view->session()->setSecrets(mungeKey, databasePassword);
        view->session()->setSshDefaults(sshDefaults());
        return main;
    }

    static bool planned(DeployView *view)
    {
        QSignalSpy ready(view, &DeployView::planReady);
        view->plan();
        return ready.wait(10000);
    }

    static DeployReport report(bool ok)
    {
        DeployReport report;
        for (const QString &host :
             {QStringLiteral("head"), QStringLiteral("node1"), QStringLiteral("node2")}) {
            HostDeployResult result;
            result.host = host;
            result.phase = ok || host != u"node2" ? DeployPhase::Done : DeployPhase::Failed;
            result.message = result.ok() ? QString() : QStringLiteral("Cannot reach node2 on port 22.");
            report.hosts << result;
        }
        const QStringList names{QStringLiteral("slurmctld answers"), QStringLiteral("every node idle"),
                                QStringLiteral("srun across all nodes"), QStringLiteral("accounting"),
                                QStringLiteral("Prometheus targets up")};
        for (const QString &name : names)
            report.checks << VerificationCheck{name, ok || name != u"accounting",
                                               name == u"accounting" && !ok ? QStringLiteral("sacct: error")
                                                                            : QStringLiteral("fine"),
                                               QStringLiteral("head")};
        report.elapsedMs = 12300;
        return report;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
    }

    void emptyUntilPlanned()
    {
        MainWindow main;
        DeployView *view = main.deployView();
        QVERIFY(view);
        QCOMPARE(main.view(Area::Deploy), view);
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("planAction"))->isEnabled());
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("startDeployAction"))->isEnabled());
        QVERIFY(!view->findChild<QAction *>(QStringLiteral("cancelDeployAction"))->isEnabled());
        view->plan();
        QVERIFY2(view->notice().contains(QStringLiteral("Hosts")), qPrintable(view->notice()));
        QVERIFY(!view->hasPlan());
    }

    void planShowsEveryHostAndFile()
    {
        auto main = window(QStringLiteral("plantest"));
        DeployView *view = main->deployView();
        QAbstractItemModelTester tester(view->planModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->findChild<QAction *>(QStringLiteral("planAction"))->isEnabled());
        QCOMPARE(view->findChild<QAction *>(QStringLiteral("planAction"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(planned(view));
        QVERIFY(view->hasPlan());
        QVERIFY(view->findChild<QAction *>(QStringLiteral("startDeployAction"))->isEnabled());

        // What the core plans from the same file and secrets.
        DeploySession session(main->clusterDocument()->cluster(), sshDefaults());
        const Result<DeploySession::Prepared> expected = session.prepareWith(mungeKey, databasePassword);
        SLURMDECK_VERIFY_OK(expected);
        const PlanTreeModel *model = view->planModel();
        QCOMPARE(model->rowCount(), 3);
        int secrets = 0;
        for (const HostPlan &host : expected->plan.hosts) {
            const QModelIndex hostIndex = model->indexOf(host.hostName);
            QVERIFY2(hostIndex.isValid(), qPrintable(host.hostName));
            QCOMPARE(model->rowCount(hostIndex), host.files.size());
            QVERIFY(!host.files.isEmpty());
            for (const RenderedFile &file : host.files) {
                const QModelIndex fileIndex = model->indexOf(host.hostName, file.path);
                QVERIFY2(fileIndex.isValid(), qPrintable(file.path));
                QCOMPARE(fileIndex.data().toString(), file.path);
                QCOMPARE(
                    model->index(fileIndex.row(), PlanTreeModel::ModeColumn, hostIndex).data().toString(),
                    PlanTreeModel::formatMode(file.mode));
                QCOMPARE(model->file(fileIndex)->size, file.content.size());
                if (file.secret) {
                    ++secrets;
                    QVERIFY(model->file(fileIndex)->content.isEmpty());
                    QVERIFY(!model->index(fileIndex.row(), PlanTreeModel::NoteColumn, hostIndex)
                                 .data()
                                 .toString()
                                 .isEmpty());
                }
            }
            // The host's services and compose files are in its preview.
            view->planTree()->setCurrentIndex(
                qobject_cast<QSortFilterProxyModel *>(view->planTree()->model())->mapFromSource(hostIndex));
            QVERIFY(view->preview()->title().contains(host.hostName));
            for (const QString &service : host.services)
                QVERIFY2(view->preview()->text().contains(service), qPrintable(view->preview()->text()));
            for (const QString &composeFile : host.project.files)
                QVERIFY2(view->preview()->text().contains(composeFile), qPrintable(composeFile));
        }
        QVERIFY2(secrets >= 2, "the munge key and the database password are planned as secret files");
        QCOMPARE(view->planNotes(), expected->plan.notes);

        // Selecting each file: a plain one's content is shown, a secret's never.
        const auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->planTree()->model());
        for (const HostPlan &host : expected->plan.hosts) {
            for (const RenderedFile &file : host.files) {
                view->planTree()->setCurrentIndex(
                    proxy->mapFromSource(model->indexOf(host.hostName, file.path)));
                const QString shown = view->preview()->text();
                QVERIFY(view->preview()->title().contains(file.path));
                if (file.secret) {
                    QVERIFY2(!shown.toUtf8().contains(databasePassword), qPrintable(file.path));
                    QVERIFY2(!shown.toUtf8().contains("MUNGEKEY-SECRET"), qPrintable(file.path));
                    QVERIFY(shown.contains(QStringLiteral("secret")));
                } else {
                    QCOMPARE(shown, QString::fromUtf8(file.content));
                }
            }
        }
        const QString everything = allText(*model).join(u'\n');
        QVERIFY(!everything.toUtf8().contains(databasePassword));
        QVERIFY(!everything.toUtf8().contains("MUNGEKEY-SECRET"));
    }

    void replanningDiffsInsteadOfResetting()
    {
        auto main = window(QStringLiteral("replantest"));
        DeployView *view = main->deployView();
        QAbstractItemModelTester tester(view->planModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(planned(view));
        QSignalSpy resets(view->planModel(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy removed(view->planModel(), &QAbstractItemModel::rowsRemoved);

        SLURMDECK_VERIFY_OK(main->clusterDocument()->removeHost(QStringLiteral("node2")));
        QVERIFY2(!view->findChild<QAction *>(QStringLiteral("startDeployAction"))->isEnabled(),
                 "a plan older than the cluster is not deployed");
        QVERIFY(view->notice().contains(QStringLiteral("Plan")));
        QVERIFY(planned(view));
        QCOMPARE(view->planModel()->rowCount(), 2);
        QVERIFY(!view->planModel()->indexOf(QStringLiteral("node2")).isValid());
        QVERIFY(removed.count() >= 1);
        QCOMPARE(resets.count(), 0);
        QVERIFY(view->findChild<QAction *>(QStringLiteral("startDeployAction"))->isEnabled());
        QCOMPARE(view->hostsModel()->rowCount(), 2);
    }

    void runnerSignalsUpdateRowsWithoutReset()
    {
        auto main = window(QStringLiteral("progresstest"));
        DeployView *view = main->deployView();
        DeployHostsModel *hosts = view->hostsModel();
        QAbstractItemModelTester tester(hosts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(planned(view));
        QCOMPARE(hosts->rowCount(), 3);
        QSignalSpy resets(hosts, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changed(hosts, &QAbstractItemModel::dataChanged);

        view->onHostPhaseChanged(QStringLiteral("node1"), DeployPhase::Files,
                                 QStringLiteral("3 files to push"));
        QCOMPARE(changed.count(), 1);
        const int row = hosts->rowOf(QStringLiteral("node1"));
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(hosts->index(row, DeployHostsModel::PhaseColumn).data().toString(),
                 phaseText(DeployPhase::Files));
        QCOMPARE(
            hosts->index(row, DeployHostsModel::ProgressColumn).data(DeployHostsModel::ProgressRole).toInt(),
            DeployHostsModel::percentFor(DeployPhase::Files, 0));
        QCOMPARE(hosts->index(row, DeployHostsModel::MessageColumn).data().toString(),
                 QStringLiteral("3 files to push"));

        view->onHostPhaseChanged(QStringLiteral("node1"), DeployPhase::Failed, QStringLiteral("disk full"));
        QCOMPARE(hosts->row(row).percent, DeployHostsModel::percentFor(DeployPhase::Files, 0));
        QCOMPARE(hosts->row(row).message, QStringLiteral("disk full"));
        view->onHostPhaseChanged(QStringLiteral("head"), DeployPhase::Done, {});
        QCOMPARE(hosts->row(hosts->rowOf(QStringLiteral("head"))).percent, 100);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(hosts->rowCount(), 3);

        view->onLogLine(QStringLiteral("node2"), QStringLiteral("slurmd started"));
        view->onLogLine({}, QStringLiteral("docker save done"));
        QVERIFY(view->logText().contains(QStringLiteral("node2: slurmd started")));
        QVERIFY(view->logText().contains(QStringLiteral("docker save done")));
        for (int i = 0; i < DeployView::maxLogLines + 50; ++i)
            view->onLogLine(QStringLiteral("head"), QStringLiteral("line %1").arg(i));
        const auto *log = view->findChild<QPlainTextEdit *>(QStringLiteral("deployLog"));
        QVERIFY(log->blockCount() <= DeployView::maxLogLines);
        QVERIFY(view->logText().endsWith(QStringLiteral("head: line %1").arg(DeployView::maxLogLines + 49)));
    }

    void reportRendersPassedAndFailedChecks()
    {
        auto main = window(QStringLiteral("reporttest"));
        DeployView *view = main->deployView();
        VerificationChecksModel *checks = view->checksModel();
        QAbstractItemModelTester tester(checks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(planned(view));

        view->onFinished(report(false));
        QCOMPARE(checks->rowCount(), 5);
        int failed = 0;
        for (int row = 0; row < checks->rowCount(); ++row) {
            const QString result =
                checks->index(row, VerificationChecksModel::ResultColumn).data().toString();
            QVERIFY(result == u"ok" || result == u"FAILED");
            QCOMPARE(checks->index(row, VerificationChecksModel::HostColumn).data().toString(),
                     QStringLiteral("head"));
            if (result == u"FAILED") {
                ++failed;
                QCOMPARE(checks->index(row, VerificationChecksModel::CheckColumn).data().toString(),
                         QStringLiteral("accounting"));
                QCOMPARE(checks->index(row, VerificationChecksModel::DetailColumn).data().toString(),
                         QStringLiteral("sacct: error"));
            }
        }
        QCOMPARE(failed, 1);
        QVERIFY2(view->summary().contains(QStringLiteral("failed: node2")), qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(QStringLiteral("Deploy again")), qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(QStringLiteral("accounting on head")), qPrintable(view->summary()));
        const DeployHostsModel *hosts = view->hostsModel();
        QCOMPARE(hosts->row(hosts->rowOf(QStringLiteral("node2"))).phase, DeployPhase::Failed);

        QSignalSpy resets(checks, &QAbstractItemModel::modelAboutToBeReset);
        view->onFinished(report(true));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(checks->rowCount(), 5);
        QCOMPARE(view->summary(), QStringLiteral("3 hosts deployed, 5 checks passed in 12 s"));
    }

    void mungeKeyColumnShowsAPrefixAndTheWholeHashInItsTooltip()
    {
        auto main = window(QStringLiteral("mungetest"));
        DeployView *view = main->deployView();
        DeployHostsModel *hosts = view->hostsModel();
        QAbstractItemModelTester tester(hosts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(planned(view));
        DeployReport done = report(true);
        const QString sha = QStringLiteral("0123456789abcdef") + QString(48, u'e');
        for (HostDeployResult &host : done.hosts)
            host.mungeKeySha256 = host.host == u"node2" ? QString(64, u'f') : sha;
        QSignalSpy resets(hosts, &QAbstractItemModel::modelAboutToBeReset);
        view->onFinished(done);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(hosts->headerData(DeployHostsModel::MungeKeyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Munge key SHA-256"));
        const QModelIndex head =
            hosts->index(hosts->rowOf(QStringLiteral("head")), DeployHostsModel::MungeKeyColumn);
        QCOMPARE(head.data().toString(), QStringLiteral("0123456789ab…"));
        QVERIFY2(head.data(Qt::ToolTipRole).toString().contains(sha),
                 qPrintable(head.data(Qt::ToolTipRole).toString()));
        QCOMPARE(hosts->index(hosts->rowOf(QStringLiteral("node2")), DeployHostsModel::MungeKeyColumn)
                     .data()
                     .toString(),
                 QStringLiteral("ffffffffffff…"));
        const auto *table = view->findChild<QTableView *>(QStringLiteral("deployHosts"));
        QVERIFY(table && !table->isColumnHidden(DeployHostsModel::MungeKeyColumn));
        // A new deploy starts without the last one's hashes.
        hosts->setHosts({QStringLiteral("head"), QStringLiteral("node1"), QStringLiteral("node2")});
        QVERIFY(hosts->index(hosts->rowOf(QStringLiteral("head")), DeployHostsModel::MungeKeyColumn)
                    .data()
                    .toString()
                    .isEmpty());
    }

    void imageChoiceDefaultsToBuildOnEachHost()
    {
        auto main = window(QStringLiteral("imagestest"));
        DeployView *view = main->deployView();
        auto *mode = view->findChild<QComboBox *>(QStringLiteral("imageSourceCombo"));
        auto *host = view->findChild<QComboBox *>(QStringLiteral("imageHostCombo"));
        auto *base = view->findChild<QLineEdit *>(QStringLiteral("baseImageEdit"));
        auto *slurmBase = view->findChild<QLineEdit *>(QStringLiteral("slurmBaseImageEdit"));
        QVERIFY(mode && host && base && slurmBase);
        QVERIFY(view->deployOptions().images == ImageSource::BuildOnHost);
        QCOMPARE(view->deployOptions().baseImage, QStringLiteral("debian:bookworm"));
        QCOMPARE(mode->currentText(), QStringLiteral("Build on each host"));
        QCOMPARE(mode->count(), 4);
        QVERIFY(host->isHidden());
        QVERIFY(!base->isHidden());

        base->setText(QStringLiteral("local/bookworm:1"));
        QCOMPARE(view->deployOptions().baseImage, QStringLiteral("local/bookworm:1"));
        // The Slurm image's own base (a 24.11 cluster's trixie on offline hosts); empty: the default.
        QVERIFY(!slurmBase->isHidden());
        QVERIFY(view->deployOptions().slurmBaseImage.isEmpty());
        slurmBase->setText(QStringLiteral(" local/trixie:1 "));
        QCOMPARE(view->deployOptions().slurmBaseImage, QStringLiteral("local/trixie:1"));

        mode->setCurrentIndex(mode->findData(int(ImageSource::TransferFromHost)));
        QVERIFY(!host->isHidden());
        QVERIFY(base->isHidden());
        QVERIFY(slurmBase->isHidden());
        QCOMPARE(host->count(), 3);
        QCOMPARE(host->itemText(0), QStringLiteral("head"));
        host->setCurrentText(QStringLiteral("node1"));
        DeployOptions options = view->deployOptions();
        QVERIFY(options.images == ImageSource::TransferFromHost);
        QCOMPARE(options.imageHost, QStringLiteral("node1"));

        // The options a caller sets show, and the rest of them (verify, local docker) stay.
        options = DeployOptions();
        options.images = ImageSource::TransferFromHost;
        options.imageHost = QStringLiteral("node2");
        options.verify = false;
        view->setDeployOptions(options);
        QCOMPARE(host->currentText(), QStringLiteral("node2"));
        QVERIFY(!view->deployOptions().verify);
        options.images = ImageSource::TransferFromHere;
        view->setDeployOptions(options);
        QCOMPARE(mode->currentText(), QStringLiteral("Send from this machine"));
        QVERIFY(host->isHidden());
        QVERIFY(view->deployOptions().imageHost.isEmpty());
        QCOMPARE(view->deployOptions().baseImage, QStringLiteral("debian:bookworm"));
        QVERIFY(view->deployOptions().slurmBaseImage.isEmpty());
        options.images = ImageSource::BuildOnHost;
        options.slurmBaseImage = QStringLiteral("local/trixie:2");
        view->setDeployOptions(options);
        QCOMPARE(slurmBase->text(), QStringLiteral("local/trixie:2"));
        QCOMPARE(view->deployOptions().slurmBaseImage, QStringLiteral("local/trixie:2"));
    }

    void deployAsksFirst()
    {
        auto main = window(QStringLiteral("asktest"));
        DeployView *view = main->deployView();
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        main->setConfirmation(refuse);
        QVERIFY(planned(view));
        view->deploy();
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY(refuse->asked.first().contains(QStringLiteral("node2")));
        QVERIFY2(
            refuse->asked.first().contains(QStringLiteral("built on each host (base image debian:bookworm)")),
            qPrintable(refuse->asked.first()));
        QTest::qWait(20);
        QVERIFY(!view->isDeploying());
    }

    // A real DeployRunner from the view, against hosts where nothing listens: every host
    // fails on its own, the GUI never waits, and the report says what to do.
    void deployToUnreachableHostsReportsFailure()
    {
        auto main = window(QStringLiteral("unreachable"), 1);
        DeployView *view = main->deployView();
        auto accept = std::make_shared<ScriptedConfirmation>(true);
        view->setConfirmation(accept);
        view->session()->setHostKeyPrompt(std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        DeployOptions options;
        options.images = ImageSource::AlreadyOnHost;
        view->setDeployOptions(options);
        QVERIFY(planned(view));
        QSignalSpy finished(view, &DeployView::deployFinished);
        bool sawRunning = false;
        connect(view->hostsModel(), &QAbstractItemModel::dataChanged, view, [view, &sawRunning] {
            sawRunning = sawRunning ||
                         (view->isDeploying() &&
                          view->findChild<QAction *>(QStringLiteral("cancelDeployAction"))->isEnabled() &&
                          !view->findChild<QAction *>(QStringLiteral("planAction"))->isEnabled());
        });
        view->deploy();
        QVERIFY(finished.wait(30000));
        QVERIFY(sawRunning);
        QVERIFY(!view->isDeploying());
        const DeployReport done = finished.first().first().value<DeployReport>();
        QVERIFY(!done.ok());
        for (int row = 0; row < view->hostsModel()->rowCount(); ++row)
            QCOMPARE(view->hostsModel()->row(row).phase, DeployPhase::Failed);
        QVERIFY2(view->summary().contains(QStringLiteral("0 of 3")), qPrintable(view->summary()));
        QVERIFY(view->findChild<QAction *>(QStringLiteral("startDeployAction"))->isEnabled());
    }

    // Closing the window while a deploy waits on hosts that never answer (a listener that
    // accepts and stays silent, as a host behind a dropping firewall): the window goes at
    // once, without waiting for the workers, which hold their own prompts and end by
    // themselves after the connect timeout (3 s here).
    void closingTheWindowMidDeployReturnsAtOnce()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auto main = window(QStringLiteral("closing"), silent.serverPort());
        DeployView *view = main->deployView();
        view->setConfirmation(std::make_shared<ScriptedConfirmation>(true));
        DeployOptions options;
        options.images = ImageSource::AlreadyOnHost;
        view->setDeployOptions(options);
        QVERIFY(planned(view));
        view->deploy();
        QVERIFY(QTest::qWaitFor([view] { return view->isDeploying(); }, 5000));
        QTest::qWait(300); // the workers sit in their connects
        // Cancel asks first: refused, the deploy goes on.
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        view->setConfirmation(refuse);
        view->cancel();
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY2(refuse->asked.first().contains(QStringLiteral("deploying again resumes")),
                 qPrintable(refuse->asked.first()));
        QVERIFY(view->isDeploying());
        QAction *cancelAction = view->findChild<QAction *>(QStringLiteral("cancelDeployAction"));
        QVERIFY(cancelAction->isEnabled());
        // Agreed: the hosts are told to stop (they sit in connects, so the deploy still runs).
        view->setConfirmation(std::make_shared<ScriptedConfirmation>(true));
        view->cancel();
        QVERIFY(QTest::qWaitFor([cancelAction] { return !cancelAction->isEnabled(); }, 2000));
        QVERIFY2(view->summary().startsWith(QStringLiteral("Cancelling")), qPrintable(view->summary()));
        QElapsedTimer timer;
        timer.start();
        main.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(Executor::shutdown(std::chrono::seconds(15)));
    }

    // The preview's Diff tab: only for files, fetched off the GUI thread when it is shown
    // (here from a host where nothing listens: the error says so), and files selected
    // afterwards open on it.
    void diffTabFetchesOffTheGuiThread()
    {
        auto main = window(QStringLiteral("difftest"), 1);
        DeployView *view = main->deployView();
        view->session()->setHostKeyPrompt(std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        QVERIFY(planned(view));
        const auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->planTree()->model());
        PlanTreeModel *model = view->planModel();
        auto *tabs = view->preview()->findChild<QTabWidget *>(QStringLiteral("previewTabs"));
        QVERIFY(tabs);

        view->planTree()->setCurrentIndex(proxy->mapFromSource(model->indexOf(QStringLiteral("node1"))));
        QVERIFY(!tabs->isTabEnabled(1));

        QSignalSpy shown(view, &DeployView::diffShown);
        view->planTree()->setCurrentIndex(proxy->mapFromSource(
            model->indexOf(QStringLiteral("node1"), QStringLiteral("etc/slurm/slurm.conf"))));
        QVERIFY(tabs->isTabEnabled(1));
        QCOMPARE(shown.count(), 0); // the Content tab is up: nothing fetched
        QElapsedTimer clock;
        clock.start();
        view->preview()->showDiffTab();
        QVERIFY(clock.elapsed() < 200); // the GUI thread did not wait for the host
        QVERIFY(view->preview()->diffText().contains(QStringLiteral("Comparing etc/slurm/slurm.conf")));
        QVERIFY(shown.wait(20000));
        QVERIFY2(
            view->preview()->diffText().contains(QStringLiteral("Could not compare etc/slurm/slurm.conf")),
            qPrintable(view->preview()->diffText()));

        // Compare again: the same file, asked afresh.
        shown.clear();
        view->preview()->findChild<QAction *>(QStringLiteral("compareAgainAction"))->trigger();
        QVERIFY(shown.wait(20000));
        QVERIFY(
            view->preview()->diffText().contains(QStringLiteral("Could not compare etc/slurm/slurm.conf")));

        view->planTree()->setCurrentIndex(
            proxy->mapFromSource(model->indexOf(QStringLiteral("node2"), QStringLiteral("compose.yml"))));
        QVERIFY(view->preview()->isDiffTabShown());
        QVERIFY(shown.wait(20000));
        QVERIFY2(view->preview()->diffText().contains(QStringLiteral("compose.yml")),
                 qPrintable(view->preview()->diffText()));
    }
};

QTEST_MAIN(TestDeployView)
#include "tst_deployview.moc"
