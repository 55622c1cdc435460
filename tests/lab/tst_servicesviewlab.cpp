// SPDX-License-Identifier: GPL-3.0-or-later
// The Services view and the plan preview's diff against the lab's real hosts: the Deploy
// view shows a file as new before the deploy, deploys the cluster, then shows it unchanged
// and, edited on the host, as a diff. Then the Services view lists every service running;
// Ctrl+Alt+X stops slurmd on one host (docker ps there agrees), Ctrl+Alt+S starts it and
// its node is idle again; Ctrl+L shows real log lines and Follow appends the new ones a
// drain writes; Stop cluster and Start cluster work on every host, and Remove cluster takes
// containers and configuration and keeps the data. The cluster is removed at the end.
#include "Confirmation.h"
#include "LabManifest.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "deploy/DeploySession.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterDocument.h"
#include "models/PlanTreeModel.h"
#include "models/ServicesModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/DeployView.h"
#include "views/ServicesView.h"
#include "widgets/PlanPreview.h"
#include "widgets/ServiceLogPane.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

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
    void askWithOption(QWidget *, const Question &, const QString &,
                       std::function<void(Answer)> answer) override
    {
        QTimer::singleShot(0, qApp, [answer = std::move(answer)] { answer(Answer{true, false}); });
    }
};

} // namespace

class TestServicesViewLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    std::unique_ptr<MainWindow> m_window;
    std::optional<ClusterPlan> m_plan;
    const QByteArray m_mungeKey = ClusterSecrets::generateMungeKey();
    const QByteArray m_password = ClusterSecrets::generatePassword();

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.identityFile = m_lab.clientKey();
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_lab.knownHosts();
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return ssh;
    }

    const Lab::Host &labHost(const QString &name) const
    {
        for (const Lab::Host &host : m_lab.hosts) {
            if (host.name == name)
                return host;
        }
        return m_lab.hosts.first();
    }

    QString directoryOf(const QString &host) const
    {
        for (const HostPlan &plan : m_plan->hosts) {
            if (plan.hostName == host)
                return plan.directory;
        }
        return QStringLiteral("/nonexistent");
    }

    Result<ExecResult> onHost(const QString &name, const QString &command) const
    {
        SshTarget target = sshDefaults();
        target.host = labHost(name).address;
        target.user = QStringLiteral("root");
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(target, &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    QString output(const QString &host, const QString &command) const
    {
        const Result<ExecResult> ran = onHost(host, command);
        return ran ? QString::fromUtf8(ran->standardOutput).trimmed()
                   : QStringLiteral("error: ") + ran.error().toString();
    }

    // The project's containers' services on `host` (running ones, or all).
    QStringList containersOn(const QString &host, bool all = false) const
    {
        const QString listed =
            output(host, Shell::quote(labHost(host).docker) +
                             (all ? QStringLiteral(" ps -a") : QStringLiteral(" ps")) +
                             QStringLiteral(" --filter label=com.docker.compose.project=%1 --format "
                                            "'{{.Label \"com.docker.compose.service\"}}'")
                                 .arg(Shell::quote(m_plan->projectName)));
        QStringList services = listed.split(u'\n', Qt::SkipEmptyParts);
        services.sort();
        return services;
    }

    // A command in the controller's slurmctld container.
    QString onController(const QString &command) const
    {
        const QString primary = m_plan->hosts.first().hostName;
        const QString docker = Shell::quote(labHost(primary).docker);
        return output(primary, QStringLiteral(
                                   "%1 exec $(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                                   "label=com.docker.compose.service=slurmctld) %3")
                                   .arg(docker, Shell::quote(m_plan->projectName), command));
    }

    void tearDownCluster() const
    {
        if (!m_plan)
            return;
        for (const HostPlan &host : m_plan->hosts) {
            const QString docker = Shell::quote(labHost(host.hostName).docker);
            const Result<ExecResult> removed =
                onHost(host.hostName,
                       QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                      "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                      "%1 network ls -q --filter label=com.docker.compose.project=%2 | "
                                      "xargs -r %1 network rm >/dev/null 2>&1; rm -rf %3")
                           .arg(docker, Shell::quote(m_plan->projectName), Shell::quote(host.directory)));
            Q_UNUSED(removed);
        }
    }

    DeployView *deployView() const { return m_window->deployView(); }
    ServicesView *servicesView() const { return m_window->servicesView(); }

    // Selects a plan file in the Deploy view with the Diff tab up; returns the diff shown.
    QString diffOf(const QString &host, const QString &path)
    {
        DeployView *view = deployView();
        const auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->planTree()->model());
        QSignalSpy shown(view, &DeployView::diffShown);
        const QModelIndex index = proxy->mapFromSource(view->planModel()->indexOf(host, path));
        if (view->planTree()->currentIndex() == index && view->preview()->isDiffTabShown()) {
            view->preview()->findChild<QAction *>(QStringLiteral("compareAgainAction"))->trigger();
        } else {
            view->planTree()->setCurrentIndex(index);
            view->preview()->showDiffTab();
        }
        if (!shown.wait(60000))
            return QStringLiteral("(no diff came back)");
        return view->preview()->diffText();
    }

    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_window.get(), Qt::Key(key), modifiers);
    }

    QString stateOf(const QString &host, const QString &service) const
    {
        const ServicesModel *model = servicesView()->model();
        return model->index(model->rowOf(host, service), ServicesModel::StateColumn).data().toString();
    }

    bool refreshed()
    {
        QSignalSpy done(servicesView(), &ServicesView::refreshed);
        key(Qt::Key_F5);
        return done.wait(120000);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY2(m_lab.hosts.size() >= 4,
                 "the services test needs four lab hosts: a primary and three workers");
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));

        m_window = std::make_unique<MainWindow>();
        ClusterDocument *document = m_window->clusterDocument();
        document->setClusterName(QStringLiteral("servicesviewlab"));
        QList<Host> hosts;
        for (const Lab::Host &lab : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = lab.name;
            host.address = lab.address;
            host.user = lab.user; // root, or the lab's ordinary user
            host.detected.loginUid = lab.uid;
            host.detected.home = lab.home;
            host.detected.platform = Lab::platformOf(lab);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            hosts << host;
        }
        hosts[1].platformOverride = Platform::MacOS;
        SLURMDECK_VERIFY_OK(document->addHosts(hosts));
        document->resetRolesToDefaults();

        m_window->setConfirmation(std::make_shared<Yes>());
        deployView()->session()->setSecrets(m_mungeKey, m_password);
        deployView()->session()->setSshDefaults(sshDefaults());
        deployView()->session()->setHostKeyPrompt(
            std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        deployView()->setDeployOptions(options);
        servicesView()->session()->setSshDefaults(sshDefaults());
        servicesView()->session()->setHostKeyPrompt(
            std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));

        DeploySession session(document->cluster(), sshDefaults());
        const Result<DeploySession::Prepared> prepared = session.prepareWith(m_mungeKey, m_password);
        SLURMDECK_VERIFY_OK(prepared);
        m_plan = prepared->plan;
        tearDownCluster(); // leftovers of a killed run

        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
    }

    void cleanupTestCase()
    {
        tearDownCluster();
        m_window.reset();
    }

    void diffShowsNewFilesThenDeploys()
    {
        m_window->showArea(Area::Deploy);
        QSignalSpy planned(deployView(), &DeployView::planReady);
        key(Qt::Key_P, Qt::ControlModifier);
        QVERIFY2(planned.wait(30000), qPrintable(deployView()->notice()));
        const QString primary = m_plan->hosts.first().hostName;
        const QString diff = diffOf(primary, QStringLiteral("etc/slurm/slurm.conf"));
        QVERIFY2(diff.startsWith(QStringLiteral("New file")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("+ClusterName=")), qPrintable(diff));

        QSignalSpy finished(deployView(), &DeployView::deployFinished);
        key(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(finished.wait(540000));
        const DeployReport report = finished.first().first().value<DeployReport>();
        QVERIFY2(report.ok(),
                 qPrintable(deployView()->summary() + u'\n' + deployView()->logText().right(3000)));
    }

    void diffAfterDeployShowsUnchangedThenTheHostsEdit()
    {
        m_window->showArea(Area::Deploy);
        const QString primary = m_plan->hosts.first().hostName;
        const QString unchanged = diffOf(primary, QStringLiteral("etc/slurm/slurm.conf"));
        QVERIFY2(unchanged.startsWith(QStringLiteral("Unchanged")), qPrintable(unchanged));

        const Result<ExecResult> edited =
            onHost(primary, QStringLiteral("echo '# edited on the host' >> %1/etc/slurm/slurm.conf")
                                .arg(Shell::quote(directoryOf(primary))));
        SLURMDECK_VERIFY_OK(edited);
        const QString changed = diffOf(primary, QStringLiteral("etc/slurm/slurm.conf"));
        QVERIFY2(changed.startsWith(QStringLiteral("Changed")), qPrintable(changed));
        QVERIFY2(changed.contains(QStringLiteral("\n-# edited on the host")), qPrintable(changed));
        QVERIFY2(changed.contains(QStringLiteral("+++ plan/etc/slurm/slurm.conf")), qPrintable(changed));

        const QString secret = diffOf(primary, QStringLiteral("secrets/munge.key"));
        QVERIFY2(secret.startsWith(QStringLiteral("Unchanged")), qPrintable(secret));
        QVERIFY(!secret.toUtf8().contains(m_mungeKey.toBase64()));
    }

    void servicesViewListsEveryServiceRunning()
    {
        m_window->showArea(Area::Services);
        QVERIFY(refreshed());
        for (const HostPlan &host : m_plan->hosts) {
            for (const QString &service : host.services)
                QVERIFY2(stateOf(host.hostName, service) == u"running",
                         qPrintable(host.hostName + u' ' + service + u' ' + stateOf(host.hostName, service)));
        }
        const ServicesModel *model = servicesView()->model();
        const int row = model->rowOf(m_plan->hosts.first().hostName, QStringLiteral("slurmctld"));
        QVERIFY(!model->index(row, ServicesModel::SinceColumn).data().toString().isEmpty());
    }

    void stopAndStartSlurmdOnOneHost()
    {
        const QString worker = m_plan->hosts.last().hostName;
        ServicesView *view = servicesView();
        QVERIFY(view->selectService(worker, QStringLiteral("slurmd")));
        view->table()->setFocus();

        QSignalSpy acted(view, &ServicesView::actionDone);
        QSignalSpy listed(view, &ServicesView::refreshed);
        key(Qt::Key_X, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(acted.wait(120000));
        ServiceActionReport report = acted.takeFirst().first().value<ServiceActionReport>();
        QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
        QVERIFY(report.action == ServiceAction::Stop);
        QVERIFY(!containersOn(worker).contains(QStringLiteral("slurmd")));
        QVERIFY(containersOn(worker, true).contains(QStringLiteral("slurmd")));
        QVERIFY(listed.wait(60000));
        QCOMPARE(stateOf(worker, QStringLiteral("slurmd")), QStringLiteral("exited"));

        key(Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(acted.wait(120000));
        report = acted.takeFirst().first().value<ServiceActionReport>();
        QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
        QVERIFY(report.action == ServiceAction::Start);
        QVERIFY(containersOn(worker).contains(QStringLiteral("slurmd")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(worker, QStringLiteral("slurmd")), QStringLiteral("running"),
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(onController(QStringLiteral("sinfo -h -n %1 -o %T").arg(worker)),
                                  QStringLiteral("idle"), 60000);
    }

    void logsShowRealLinesAndFollowAppendsNewOnes()
    {
        ServicesView *view = servicesView();
        const QString primary = m_plan->hosts.first().hostName;
        const QString worker = m_plan->hosts.last().hostName;
        QVERIFY(view->selectService(primary, QStringLiteral("slurmctld")));
        view->logPane()->setTailLines(5);
        QSignalSpy shown(view, &ServicesView::logsShown);
        key(Qt::Key_L, Qt::ControlModifier);
        QVERIFY(shown.wait(60000));
        const int lines = view->logPane()->lineCount();
        QVERIFY2(lines >= 1 && lines <= 6, qPrintable(view->logPane()->text()));
        QVERIFY2(view->logPane()->text().contains(QStringLiteral("slurmctld")),
                 qPrintable(view->logPane()->text()));

        key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(view->isFollowing());
        QTRY_VERIFY_WITH_TIMEOUT(view->logPane()->lineCount() >= 1, 60000);
        const QString reason =
            QStringLiteral("servicesviewlab-follow-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!view->logPane()->text().contains(reason));
        const QString drained = onController(
            QStringLiteral("scontrol update nodename=%1 state=drain reason=%2").arg(worker, reason));
        QVERIFY2(!drained.startsWith(QStringLiteral("error")), qPrintable(drained));
        QTRY_VERIFY2_WITH_TIMEOUT(view->logPane()->text().contains(reason),
                                  qPrintable(view->logPane()->text().right(2000)), 60000);
        QVERIFY(view->isFollowing());
        const QString resumed =
            onController(QStringLiteral("scontrol update nodename=%1 state=resume").arg(worker));
        QVERIFY2(!resumed.startsWith(QStringLiteral("error")), qPrintable(resumed));

        key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!view->isFollowing());

        QCoreApplication::processEvents();
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/servicesview.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(*m_window, shot));
        qInfo("screenshot: %s", qPrintable(shot));
        QVERIFY(!QImage(shot).isNull());
    }

    void stopAndStartTheWholeCluster()
    {
        ServicesView *view = servicesView();
        QSignalSpy operations(view, &ServicesView::clusterOperationDone);
        view->findChild<QAction *>(QStringLiteral("stopClusterAction"))->trigger();
        QVERIFY(operations.wait(300000));
        ClusterOperationReport report = operations.takeFirst().first().value<ClusterOperationReport>();
        QVERIFY(report.operation == ClusterOperation::Stop);
        QVERIFY2(report.ok(), qPrintable(view->notice()));
        for (const HostPlan &host : m_plan->hosts)
            QCOMPARE(containersOn(host.hostName), QStringList());

        view->findChild<QAction *>(QStringLiteral("startClusterAction"))->trigger();
        QVERIFY(operations.wait(300000));
        report = operations.takeFirst().first().value<ClusterOperationReport>();
        QVERIFY(report.operation == ClusterOperation::Start);
        QVERIFY2(report.ok(), qPrintable(view->notice()));
        for (const HostReport &host : report.hosts)
            qInfo("start: %s: %s", qPrintable(host.host), qPrintable(host.message));
        for (const HostPlan &host : m_plan->hosts) {
            QStringList planned = host.services;
            planned.sort();
            QCOMPARE(containersOn(host.hostName), planned);
        }
        QTRY_COMPARE_WITH_TIMEOUT(onController(QStringLiteral("sinfo -h -N -o %T | sort -u")),
                                  QStringLiteral("idle"), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_plan->hosts.last().hostName, QStringLiteral("slurmd")),
                                  QStringLiteral("running"), 60000);
    }

    void removeClusterKeepsTheData()
    {
        ServicesView *view = servicesView();
        QSignalSpy operations(view, &ServicesView::clusterOperationDone);
        view->findChild<QAction *>(QStringLiteral("removeClusterAction"))->trigger();
        QVERIFY(operations.wait(300000));
        const ClusterOperationReport report = operations.first().first().value<ClusterOperationReport>();
        QVERIFY(report.operation == ClusterOperation::Remove);
        QVERIFY(!report.purgeData);
        QVERIFY2(report.ok(), qPrintable(view->notice()));
        for (const HostPlan &host : m_plan->hosts) {
            QCOMPARE(containersOn(host.hostName, true), QStringList());
            // Only data/ is left (every host has some: node-exporter's text files at least).
            QCOMPARE(output(host.hostName, QStringLiteral("ls -A %1").arg(Shell::quote(host.directory))),
                     QStringLiteral("data"));
        }
        const QString primary = m_plan->hosts.first().hostName;
        // The accounting database, Slurm's saved state and Prometheus' TSDB stay.
        QCOMPARE(
            output(primary,
                   QStringLiteral("cd %1/data && ls -d mariadb/slurm_acct_db prometheus slurmctld/node_state")
                       .arg(Shell::quote(directoryOf(primary))))
                .split(u'\n'),
            (QStringList{QStringLiteral("mariadb/slurm_acct_db"), QStringLiteral("prometheus"),
                         QStringLiteral("slurmctld/node_state")}));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(primary, QStringLiteral("slurmctld")), QStringLiteral("absent"),
                                  60000);
    }
};

QTEST_MAIN(TestServicesViewLab)
#include "tst_servicesviewlab.moc"
