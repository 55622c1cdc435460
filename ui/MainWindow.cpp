// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ClusterNotifier.h"
#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "GuiSession.h"
#include "LiveCluster.h"
#include "MessageBoxConfirmation.h"
#include "common/ApplicationInfo.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/AdoptDialog.h"
#include "dialogs/PassphraseDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "inventory/ClusterDocument.h"
#include "metrics/GpuUsageSource.h"
#include "metrics/PrometheusClient.h"
#include "session/ClusterSession.h"
#include "views/DeployView.h"
#include "views/GpusView.h"
#include "views/HostsView.h"
#include "views/JobsView.h"
#include "views/MetricsView.h"
#include "views/NodesView.h"
#include "views/OverviewView.h"
#include "views/ProblemsView.h"
#include "views/ServicesView.h"
#include "widgets/SourceHealthIndicator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

namespace SlurmDeck::Ui {

namespace {

// The areas that show the monitored cluster: showing one starts monitoring.
bool isLiveArea(Area area)
{
    return area == Area::Overview || area == Area::Nodes || area == Area::Jobs || area == Area::Gpus ||
           area == Area::Metrics || area == Area::Problems;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_views(new QStackedWidget(this))
    , m_areaActions(new QActionGroup(this))
    , m_clusterStatus(new QLabel(this))
    , m_document(new ClusterDocument(this))
    // One host-key prompt and one credential prompt for every connection the window makes:
    // one trust dialog at a time, even when Deploy, Services and the monitor reach the same
    // new host at once.
    , m_session(makeGuiSession(m_document, this))
    , m_live(new LiveCluster(this))
    , m_sourceHealth(new SourceHealthIndicator(this))
    , m_notifier(new ClusterNotifier(this))
{
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setFixedWidth(170);
    m_navigation->setSpacing(2);
    m_views->setObjectName(QStringLiteral("views"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_navigation);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);

    createMenus();
    m_overviewView = new OverviewView(m_views);
    connect(m_overviewView, &OverviewView::areaRequested, this, &MainWindow::showArea);
    addArea(m_overviewView);
    m_hostsView = new HostsView(m_document, m_views);
    addArea(m_hostsView);
    m_deployView = new DeployView(m_document, m_views);
    m_deployView->setSession(m_session);
    addArea(m_deployView);
    m_servicesView = new ServicesView(m_document, m_views);
    m_servicesView->setSession(m_session);
    connect(m_servicesView, &ServicesView::upgradeRequested, this, [this] { upgradeCluster(); });
    addArea(m_servicesView);
    m_nodesView = new NodesView(m_views);
    addArea(m_nodesView);
    m_jobsView = new JobsView(m_views);
    addArea(m_jobsView);
    // Submitting from anywhere shows the Jobs view, where the new job is followed.
    menuBar()->findChild<QMenu *>(QStringLiteral("jobsMenu"))->addAction(m_jobsView->submitAction());
    connect(m_jobsView->submitAction(), &QAction::triggered, this, [this] { showArea(Area::Jobs); });
    m_gpusView = new GpusView(m_views);
    addArea(m_gpusView);
    m_metricsView = new MetricsView(m_views);
    addArea(m_metricsView);
    m_problemsView = new ProblemsView(m_views);
    addArea(m_problemsView);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_areaActions->actions().size())
            return;
        m_views->setCurrentIndex(row);
        m_areaActions->actions().at(row)->setChecked(true);
        if (isLiveArea(allAreas().at(row)))
            startMonitoring();
    });

    m_clusterStatus->setObjectName(QStringLiteral("clusterStatus"));
    statusBar()->addWidget(m_clusterStatus, 1);
    connect(m_document, &ClusterDocument::changed, this, &MainWindow::updateClusterState);
    connect(m_document, &ClusterDocument::modifiedChanged, this, &MainWindow::updateClusterState);
    connect(m_document, &ClusterDocument::pathChanged, this, &MainWindow::updateClusterState);
    connect(m_document, &ClusterDocument::pathChanged, this, [this](const QString &path) {
        if (m_memory)
            m_memory->noteClusterOpened(path);
    });
    updateClusterState();
    connectLiveCluster();
    // The doctor's count, on every poll; a click shows the problems.
    m_problemsStatus = new QToolButton(this);
    m_problemsStatus->setObjectName(QStringLiteral("problemsStatus"));
    m_problemsStatus->setAutoRaise(true);
    m_problemsStatus->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsStatus->setIcon(areaIcon(Area::Problems));
    m_problemsStatus->setToolTip(tr("Show the problems SlurmDeck found, with their causes and fixes"));
    m_problemsStatus->hide();
    connect(m_problemsStatus, &QToolButton::clicked, this, [this] { showArea(Area::Problems); });
    connect(m_problemsView, &ProblemsView::problemsChanged, this, [this](const QString &count) {
        m_problemsStatus->setText(count);
        m_problemsStatus->setVisible(!count.isEmpty());
    });
    statusBar()->addPermanentWidget(m_problemsStatus);
    statusBar()->addPermanentWidget(m_sourceHealth);
    auto *version = new QLabel(tr("SlurmDeck %1").arg(applicationVersion()), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(version);

    m_confirmation = std::make_shared<MessageBoxConfirmation>(); // tests set their own
    showArea(Area::Hosts);
    resize(1200, 760);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QStringList paths = m_memory ? m_memory->recentClusters() : QStringList();
        for (const QString &path : paths) {
            QAction *open = recent->addAction(path);
            connect(open, &QAction::triggered, this, [this, path] { (void)openCluster(path); });
        }
        if (paths.isEmpty())
            recent->addAction(tr("(none yet)"))->setEnabled(false);
        else
            recent->addSeparator();
        QAction *clear = recent->addAction(tr("Clear the list"));
        clear->setEnabled(!paths.isEmpty());
        connect(clear, &QAction::triggered, this, [this] {
            if (m_memory)
                m_memory->clearRecentClusters();
        });
    });
    file->addSeparator();
    QAction *adopt = file->addAction(tr("&Adopt Cluster…"), this, [this] {
        auto *form = new AdoptFormDialog(this);
        form->setAttribute(Qt::WA_DeleteOnClose);
        connect(form, &QDialog::accepted, this,
                [this, form] { adoptCluster(form->target(m_session->sshDefaults()), form->clusterName()); });
        form->open();
    });
    adopt->setObjectName(QStringLiteral("adoptAction"));
    QAction *backUp = file->addAction(tr("&Back Up Cluster…"), this, [this] {
        const QString suggested =
            QStringLiteral("%1-%2.tar")
                .arg(m_document->cluster().name, QDate::currentDate().toString(Qt::ISODate));
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Back up the cluster to"), suggested,
                                                            tr("SlurmDeck backups (*.tar)"));
        if (!chosen.isEmpty())
            backUpCluster(chosen);
    });
    backUp->setObjectName(QStringLiteral("backUpAction"));
    backUp->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QAction *restore = file->addAction(tr("&Restore Cluster…"), this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Restore the cluster from"), QString(),
                                                            tr("SlurmDeck backups (*.tar)"));
        if (!chosen.isEmpty())
            restoreCluster(chosen);
    });
    restore->setObjectName(QStringLiteral("restoreAction"));
    QAction *backUpSealed = file->addAction(tr("Back Up Cluster with &Secrets…"), this, [this] {
        auto *ask = new PassphraseDialog(PassphraseDialog::Purpose::Seal, this);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        connect(ask, &QDialog::accepted, this, [this, ask] {
            const QByteArray passphrase = ask->passphrase(); // before the file dialog
            const QString chosen = QFileDialog::getSaveFileName(this, tr("Back up the cluster to"), QString(),
                                                                tr("SlurmDeck backups (*.tar)"));
            if (!chosen.isEmpty())
                backUpCluster(chosen, passphrase);
        });
        ask->open();
    });
    backUpSealed->setObjectName(QStringLiteral("backUpSealedAction"));
    QAction *restoreSealed = file->addAction(tr("Restore Secrets &from Backup…"), this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Restore the secrets from"), QString(),
                                                            tr("SlurmDeck backups (*.tar)"));
        if (chosen.isEmpty())
            return;
        auto *ask = new PassphraseDialog(PassphraseDialog::Purpose::Unseal, this);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        connect(ask, &QDialog::accepted, this,
                [this, ask, chosen] { restoreSecrets(chosen, ask->passphrase()); });
        ask->open();
    });
    restoreSealed->setObjectName(QStringLiteral("restoreSealedAction"));
    connect(file, &QMenu::aboutToShow, this, [this, backUp, restore, backUpSealed, restoreSealed] {
        const bool deployable = !m_document->path().isEmpty() && !m_document->hosts().isEmpty();
        for (QAction *action : {backUp, restore, backUpSealed, restoreSealed})
            action->setEnabled(deployable);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    menuBar()->addMenu(tr("&View"))->setObjectName(QStringLiteral("viewMenu"));
    menuBar()->addMenu(tr("&Jobs"))->setObjectName(QStringLiteral("jobsMenu"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About SlurmDeck"), this, &MainWindow::showAbout);
    about->setShortcut(QKeySequence::HelpContents);
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    keys->setObjectName(QStringLiteral("shortcutsAction"));
}

void MainWindow::setMemory(std::shared_ptr<WindowMemory> memory)
{
    m_memory = std::move(memory);
    if (m_memory && !m_document->path().isEmpty())
        m_memory->noteClusterOpened(m_document->path());
}

bool MainWindow::restoreRememberedLayout()
{
    if (!m_memory || m_memory->geometry().isEmpty())
        return false;
    restoreGeometry(m_memory->geometry());
    restoreState(m_memory->windowState());
    const QHash<QString, QByteArray> states = m_memory->widgetStates();
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        if (const auto state = states.constFind(QStringLiteral("splitter/") + splitter->objectName());
            !splitter->objectName().isEmpty() && state != states.cend())
            splitter->restoreState(*state);
    }
    for (QAbstractItemView *table : findChildren<QAbstractItemView *>()) {
        QHeaderView *header = columnHeader(table);
        if (const auto state = states.constFind(QStringLiteral("columns/") + table->objectName());
            header && !table->objectName().isEmpty() && state != states.cend())
            header->restoreState(*state);
    }
    return true;
}

QHeaderView *MainWindow::columnHeader(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

void MainWindow::rememberLayout()
{
    if (!m_memory)
        return;
    m_memory->setLayout(saveGeometry(), saveState());
    QHash<QString, QByteArray> states;
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            states.insert(QStringLiteral("splitter/") + splitter->objectName(), splitter->saveState());
    }
    for (QAbstractItemView *table : findChildren<QAbstractItemView *>()) {
        if (const QHeaderView *header = columnHeader(table); header && !table->objectName().isEmpty())
            states.insert(QStringLiteral("columns/") + table->objectName(), header->saveState());
    }
    m_memory->setWidgetStates(states);
}

QList<ShortcutEntry> MainWindow::shortcuts() const
{
    QList<QAction *> menuActions;
    for (const QAction *menu : menuBar()->actions()) {
        if (menu->menu())
            menuActions += menu->menu()->actions();
    }
    QList<QAction *> viewActions;
    QList<ShortcutEntry> entries;
    for (const Area area : allAreas()) {
        const QList<QAction *> own = m_viewByArea.value(area)->findChildren<QAction *>();
        entries += shortcutsOf(areaTitle(area), own);
        viewActions += own;
    }
    QList<QAction *> application; // a view's action in a menu is listed under the view
    for (QAction *action : std::as_const(menuActions)) {
        if (!viewActions.contains(action))
            application << action;
    }
    return shortcutsOf(tr("Application"), application) + entries;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(shortcuts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::addArea(AreaView *view)
{
    const Area area = view->area();
    m_viewByArea.insert(area, view);
    m_views->addWidget(view);

    auto *item = new QListWidgetItem(areaIcon(area), areaTitle(area), m_navigation);
    item->setToolTip(
        tr("%1 (%2)").arg(areaTitle(area), areaShortcut(area).toString(QKeySequence::NativeText)));

    QMenu *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QAction *action = viewMenu->addAction(areaIcon(area), areaTitle(area));
    action->setShortcut(areaShortcut(area));
    action->setCheckable(true);
    action->setObjectName(areaId(area) + QStringLiteral("Action"));
    m_areaActions->addAction(action);
    connect(action, &QAction::triggered, this, [this, area] { showArea(area); });
}

void MainWindow::showArea(Area area)
{
    m_navigation->setCurrentRow(static_cast<int>(allAreas().indexOf(area)));
}

void MainWindow::showStartArea()
{
    showArea(m_document->cluster().hosts.isEmpty() ? Area::Hosts : Area::Overview);
}

Area MainWindow::currentArea() const
{
    const int row = m_views->currentIndex();
    return row >= 0 ? allAreas().at(row) : Area::Hosts;
}

AreaView *MainWindow::view(Area area) const
{
    return m_viewByArea.value(area);
}

Result<void> MainWindow::openCluster(const QString &path)
{
    Result<void> opened = m_hostsView->openCluster(path);
    if (opened && m_memory)
        m_memory->noteClusterOpened(path); // the same file again moves to the top
    return opened;
}

void MainWindow::connectLiveCluster()
{
    m_live->setSession(m_session);
    m_hostsView->setHostKeyPrompt(std::dynamic_pointer_cast<GuiHostKeyPrompt>(m_session->hostKeys()));
    connect(m_live, &LiveCluster::connected, this, [this] {
        m_nodesView->setOperations(m_live->operations());
        m_jobsView->setOperations(m_live->operations());
        m_jobsView->setCurrentUser(m_live->user());
        m_notifier->setUser(m_live->user());
        // Now that the cluster is located: its Prometheus through the monitoring host's SSH
        // connection (host key checked, ~/.ssh/config applied, nothing in clear).
        PrometheusClient *prometheus = m_session->metrics(m_live->monitor()->endpoint(), nullptr);
        m_metricsView->adoptSource(prometheus);
        m_overviewView->setMetricsSource(prometheus); // the Metrics view owns it
        // GPUs: the exporter in the cluster's Prometheus, else nvidia-smi over SSH.
        m_gpusView->setSource(m_session->gpuUsage(m_live->monitor()->endpoint(), nullptr));
        statusBar()->showMessage(tr("Monitoring %1…").arg(m_live->clusterName()), 5000);
    });
    connect(m_live, &LiveCluster::snapshotUpdated, this, [this](const ClusterSnapshot &snapshot) {
        m_overviewView->setSnapshot(snapshot, m_live->user());
        m_nodesView->setSnapshot(snapshot);
        m_jobsView->setSnapshot(snapshot);
        m_gpusView->setClusterSnapshot(snapshot);
        m_sourceHealth->setSnapshot(snapshot);
        m_notifier->setSnapshot(snapshot);
        m_problemsView->setSnapshot(snapshot, m_live->hasAccounting());
    });
    connect(m_problemsView, &ProblemsView::hostCheckRequested, this, [this] {
        const QPointer<ProblemsView> view = m_problemsView;
        const bool started = m_live->checkHosts(view, [view](const HostChecks::Report &report) {
            if (view)
                view->setHostReport(report);
        });
        if (!started)
            m_problemsView->setHostCheckRunning(false, tr("SlurmDeck is not connected to the cluster yet."));
    });
    connect(m_problemsView, &ProblemsView::startServiceRequested, this,
            [this](const QString &host, const QString &service) {
                statusBar()->showMessage(tr("Starting %1 on %2…").arg(service, host));
                const QPointer<ProblemsView> view = m_problemsView;
                const bool started = m_live->startService(
                    host, service, this, [this, view, host, service](const QString &error) {
                        statusBar()->showMessage(
                            error.isEmpty() ? tr("Started %1 on %2.").arg(service, host)
                                            : tr("Could not start %1 on %2: %3").arg(service, host, error),
                            15000);
                        if (view)
                            view->checkHostsAction()->trigger(); // see whether it stays up
                    });
                if (!started)
                    statusBar()->showMessage(tr("SlurmDeck is not connected to the cluster yet."), 10000);
            });
    connect(m_live, &LiveCluster::failed, this, [this](const QString &message) {
        const QString why = tr("Cannot monitor this cluster: %1").arg(message);
        m_overviewView->clearCluster(why);
        m_nodesView->clearCluster(why);
        m_jobsView->clearCluster(why);
        m_gpusView->clearCluster(why);
        m_problemsView->clearCluster(why);
        m_sourceHealth->clear();
        statusBar()->showMessage(why, 15000);
    });
    connect(m_live, &LiveCluster::disconnected, this, [this] {
        m_nodesView->setOperations(nullptr);
        m_jobsView->setOperations(nullptr);
        m_overviewView->clearCluster();
        m_nodesView->clearCluster();
        m_jobsView->clearCluster();
        m_gpusView->clearCluster();
        m_problemsView->clearCluster();
        m_sourceHealth->clear();
        m_notifier->reset();
    });
    connect(m_notifier, &ClusterNotifier::notified, this,
            [this](const SnapshotEvent &event, const QString &line) {
                statusBar()->showMessage(line, 15000);
                m_overviewView->addEvent(tr("%1: %2").arg(event.title(), event.message()),
                                         event.isJobEvent() ? Area::Jobs : Area::Nodes);
            });
    connect(m_deployView, &DeployView::deployFinished, this, [this](const DeployReport &report) {
        m_overviewView->addEvent(report.ok() ? tr("Deploy finished: %1").arg(m_deployView->summary())
                                             : tr("Deploy failed: %1").arg(m_deployView->summary()),
                                 Area::Deploy);
    });
    connect(m_problemsView, &ProblemsView::problemsChanged, this,
            [this] { m_overviewView->setFindings(m_problemsView->findings()); });
    const auto showResult = [this](const QString &message, bool) {
        statusBar()->showMessage(message, 10000);
    };
    connect(m_nodesView, &NodesView::actionFinished, this, showResult);
    connect(m_jobsView, &JobsView::actionFinished, this, showResult);
    // Another cluster opened: the old one's monitor ends; the new one starts when shown.
    connect(m_document, &ClusterDocument::pathChanged, this, &MainWindow::clusterReplaced);
}

void MainWindow::clusterReplaced()
{
    m_live->stop();
    m_monitoredCluster = {};
    m_metricsView->setSource(nullptr);
    m_overviewView->setMetricsSource(nullptr);
    if (isLiveArea(currentArea()))
        startMonitoring();
}

void MainWindow::startMonitoring()
{
    const Cluster &cluster = m_document->cluster();
    if (cluster.hosts.isEmpty())
        return;
    if ((m_live->isConnected() || m_live->isConnecting()) && cluster == m_monitoredCluster)
        return;
    m_monitoredCluster = cluster;
    m_live->start();
}

void MainWindow::setSshDefaults(const SshTarget &ssh)
{
    m_session->setSshDefaults(ssh);
}

void MainWindow::setReasonPrompt(std::shared_ptr<ReasonPrompt> prompt)
{
    m_nodesView->setReasonPrompt(std::move(prompt));
}

void MainWindow::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = confirmation;
    m_deployView->setConfirmation(confirmation);
    m_servicesView->setConfirmation(confirmation);
    m_nodesView->setConfirmation(confirmation);
    m_jobsView->setConfirmation(confirmation);
    m_problemsView->setConfirmation(confirmation);
    m_hostsView->setConfirmation(std::move(confirmation));
}

void MainWindow::updateClusterState()
{
    const bool open = !m_document->hosts().isEmpty() || !m_document->cluster().name.isEmpty();
    // [*] is where Qt shows the "modified" mark.
    setWindowTitle(open || m_document->isModified() ? tr("%1[*] — SlurmDeck").arg(m_document->displayName())
                                                    : tr("SlurmDeck"));
    setWindowModified(m_document->isModified());
    const qsizetype hosts = m_document->hosts().size();
    m_clusterStatus->setText(
        hosts == 0   ? tr("No cluster loaded. Start in %1.").arg(areaWithShortcut(Area::Hosts))
        : hosts == 1 ? tr("Cluster %1: 1 host").arg(m_document->displayName())
                     : tr("Cluster %1: %2 hosts").arg(m_document->displayName()).arg(hosts));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->isModified() || m_closeConfirmed) {
        rememberLayout();
        QMainWindow::closeEvent(event);
        return;
    }
    // Ask without blocking: ignore this close and close again once the user agrees.
    event->ignore();
    m_hostsView->confirmation()->ask(
        this,
        {tr("Unsaved changes"),
         tr("%1 has unsaved changes. Close SlurmDeck and discard them?").arg(m_document->displayName()),
         tr("&Discard and close")},
        [self = QPointer<MainWindow>(this)](bool yes) {
            if (!self || !yes)
                return;
            self->m_closeConfirmed = true;
            self->close();
        });
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace SlurmDeck::Ui
