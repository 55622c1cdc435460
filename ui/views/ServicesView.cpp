// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/ServicesView.h"

#include "Confirmation.h"
#include "MessageBoxConfirmation.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterDocument.h"
#include "models/ModelRoles.h"
#include "models/ServicesModel.h"
#include "session/ClusterSession.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/MessageStyle.h"
#include "widgets/ServiceLogPane.h"
#include "widgets/ViewActions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString pendingText(ServiceAction action)
{
    switch (action) {
    case ServiceAction::Start:
        return ServicesView::tr("starting…");
    case ServiceAction::Stop:
        return ServicesView::tr("stopping…");
    case ServiceAction::Restart:
        return ServicesView::tr("restarting…");
    }
    return {};
}

QString pendingText(ClusterOperation operation)
{
    switch (operation) {
    case ClusterOperation::Start:
        return ServicesView::tr("starting…");
    case ClusterOperation::Stop:
        return ServicesView::tr("stopping…");
    case ClusterOperation::Remove:
        return ServicesView::tr("removing…");
    }
    return {};
}

} // namespace

ServicesView::ServicesView(ClusterDocument *document, QWidget *parent)
    : AreaView(Area::Services, parent)
    , m_document(document)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_session(document, this)
    , m_model(new ServicesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_notice(new QLabel(this))
{
    emptyState()->setHeadline(tr("Not connected to the cluster"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // plan order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_filter->setObjectName(QStringLiteral("servicesFilter"));
    m_filter->setPlaceholderText(tr("Filter hosts and services"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_notice->setObjectName(QStringLiteral("servicesNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    createActions();
    headerLayout()->addWidget(m_notice);

    m_logs = new ServiceLogPane(m_logsAction, m_followAction, this);
    m_logs->setObjectName(QStringLiteral("serviceLogPane"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("servicesSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_logs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setContent(splitter);

    connect(m_table, &QTableView::customContextMenuRequested, this, &ServicesView::showContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, &ServicesView::showLogs);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ServicesView::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ServicesView::updateState);
    connect(m_document, &ClusterDocument::changed, this, [this] {
        m_stale = m_control != nullptr;
        updateState();
    });
    updateState();
}

ServicesView::~ServicesView()
{
    m_session.rejectHostKeyQuestions();
}

void ServicesView::createActions()
{
    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("servicesToolbar"));
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &shortcut) {
        return makeViewAction(this, this, text, name, shortcut);
    };
    m_refreshAction = make(tr("&Refresh"), QStringLiteral("refreshServicesAction"), QKeySequence::Refresh);
    m_startAction = make(tr("&Start"), QStringLiteral("startServiceAction"),
                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_stopAction =
        make(tr("S&top"), QStringLiteral("stopServiceAction"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X));
    m_restartAction = make(tr("Re&start"), QStringLiteral("restartServiceAction"),
                           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_logsAction =
        make(tr("Show &logs"), QStringLiteral("showLogsAction"), QKeySequence(Qt::CTRL | Qt::Key_L));
    m_followAction = make(tr("&Follow"), QStringLiteral("followLogsAction"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_followAction->setCheckable(true);
    m_stopClusterAction = make(tr("Stop cluster…"), QStringLiteral("stopClusterAction"), {});
    m_startClusterAction = make(tr("Start cluster"), QStringLiteral("startClusterAction"), {});
    m_removeClusterAction = make(tr("Remove cluster…"), QStringLiteral("removeClusterAction"), {});
    m_upgradeAction = make(tr("&Upgrade…"), QStringLiteral("upgradeClusterAction"), {});
    m_upgradeAction->setToolTip(tr("Move every daemon onto its new image, the compute nodes one at a time"));

    connect(m_refreshAction, &QAction::triggered, this, &ServicesView::refresh);
    connect(m_startAction, &QAction::triggered, this, &ServicesView::startSelected);
    connect(m_stopAction, &QAction::triggered, this, &ServicesView::stopSelected);
    connect(m_restartAction, &QAction::triggered, this, &ServicesView::restartSelected);
    connect(m_logsAction, &QAction::triggered, this, &ServicesView::showLogs);
    connect(m_followAction, &QAction::toggled, this, &ServicesView::setFollowing);
    connect(m_stopClusterAction, &QAction::triggered, this, &ServicesView::stopCluster);
    connect(m_startClusterAction, &QAction::triggered, this, &ServicesView::startCluster);
    connect(m_removeClusterAction, &QAction::triggered, this, &ServicesView::removeCluster);
    connect(m_upgradeAction, &QAction::triggered, this, &ServicesView::upgradeRequested);

    toolbar->addAction(m_refreshAction);
    toolbar->addSeparator();
    toolbar->addActions({m_startAction, m_stopAction, m_restartAction});
    toolbar->addSeparator();
    toolbar->addActions({m_stopClusterAction, m_startClusterAction, m_removeClusterAction, m_upgradeAction});

    auto *row = new QHBoxLayout;
    row->addWidget(toolbar, 1);
    row->addWidget(m_filter);
    headerLayout()->addLayout(row);
}

void ServicesView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

bool ServicesView::isRunningClusterOperation() const
{
    return m_control && m_control->isRunningClusterOperation();
}

QString ServicesView::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString ServicesView::clusterName() const
{
    return m_control ? m_control->plan().clusterName : m_document->displayName();
}

bool ServicesView::selectService(const QString &host, const QString &service)
{
    const int row = m_model->rowOf(host, service);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    return true;
}

void ServicesView::showEvent(QShowEvent *event)
{
    AreaView::showEvent(event);
    if (m_control && !isConnecting() && m_listing == 0)
        refresh(); // coming back: show the state as it is now
}

void ServicesView::refresh()
{
    if (isConnecting())
        return;
    if (m_document->hosts().isEmpty()) {
        showNotice(tr("The cluster has no hosts yet. Add them in %1 and deploy them in %2.")
                       .arg(areaWithShortcut(Area::Hosts), areaWithShortcut(Area::Deploy)),
                   true);
        return;
    }
    if (m_control && !m_stale) {
        listAll();
        return;
    }
    if (m_locating || !m_session)
        return;
    // Where the hosts are and what runs where: no secret needed, the keychain is not asked.
    m_locating = true;
    showNotice(tr("Connecting to %1…").arg(m_document->displayName()), false);
    updateState();
    // The cluster as it is now, with the session's settings and prompts as they are now.
    m_session->locate(this, [this](Result<ClusterSession::Located> located) {
        m_locating = false;
        connected(located);
    });
}

void ServicesView::connected(const Result<ClusterSession::Located> &prepared)
{
    if (!m_session)
        return; // closing
    if (!prepared) {
        const Error &error = prepared.error();
        showNotice(tr("Could not read the cluster %1: %2\nFix it, then press Refresh (F5).")
                       .arg(m_document->displayName(), error.toString()),
                   true);
        updateState();
        return;
    }
    setFollowing(false);
    delete m_control;
    m_control =
        m_session->operation<ServiceControl>(prepared->topology.withoutFiles(), prepared->targets, this);
    connect(m_control, &ServiceControl::servicesListed, this, &ServicesView::onServicesListed);
    connect(m_control, &ServiceControl::actionFinished, this, &ServicesView::onActionFinished);
    connect(m_control, &ServiceControl::logsRead, this, &ServicesView::onLogsRead);
    connect(m_control, &ServiceControl::logLinesArrived, this,
            [this](int id, const QString &, const QStringList &lines) {
                if (id == m_followId)
                    m_logs->appendLines(lines);
            });
    connect(m_control, &ServiceControl::followFinished, this,
            [this](int id, const QString &host, const QString &error) {
                if (id != m_followId)
                    return;
                m_followId = 0;
                const QSignalBlocker blocker(m_followAction);
                m_followAction->setChecked(false);
                if (!error.isEmpty())
                    showNotice(tr("Following the log on %1 stopped: %2").arg(host, error), true);
                updateState();
            });
    connect(m_control, &ServiceControl::clusterHostFinished, this,
            [this](ClusterOperation, const HostReport &report) { listHost(report.host); });
    connect(m_control, &ServiceControl::clusterOperationFinished, this,
            &ServicesView::onClusterOperationFinished);
    m_listing = 0;
    m_announce.clear();
    m_stale = false;
    QList<std::pair<QString, QStringList>> planned;
    for (const HostPlan &host : m_control->plan().hosts)
        planned.append({host.hostName, host.services});
    m_model->setPlannedServices(planned);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    listAll();
}

void ServicesView::listAll()
{
    showNotice(tr("Asking %1 hosts for their services…").arg(m_control->hosts().size()), false);
    for (const QString &host : m_control->hosts())
        listHost(host, true);
    updateState();
}

void ServicesView::listHost(const QString &host, bool announce)
{
    if (announce)
        m_announce.insert(host);
    ++m_listing;
    m_control->listServices(host);
}

void ServicesView::onServicesListed(const HostServices &report)
{
    m_model->setHostServices(report);
    if (report.error && m_announce.contains(report.host))
        showNotice(tr("%1: %2").arg(report.host, report.error->toString()), true);
    m_announce.remove(report.host);
    if (m_listing > 0 && --m_listing == 0) {
        if (m_notice->styleSheet().isEmpty() && notice().startsWith(tr("Asking")))
            showNotice({}, false);
        emit refreshed();
    }
    updateState();
}

QList<std::pair<QString, QStringList>> ServicesView::selectedServices() const
{
    QList<std::pair<QString, QStringList>> byHost;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QString &host : m_control ? m_control->hosts() : QStringList()) {
        QStringList services;
        for (const QModelIndex &row : rows) {
            if (row.data(ServicesModel::HostRole).toString() == host)
                services << row.data(ServicesModel::ServiceRole).toString();
        }
        if (!services.isEmpty())
            byHost.append({host, services});
    }
    return byHost;
}

std::pair<QString, QString> ServicesView::currentService() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return {};
    return {current.data(ServicesModel::HostRole).toString(),
            current.data(ServicesModel::ServiceRole).toString()};
}

void ServicesView::startSelected()
{
    act(ServiceAction::Start, false);
}

void ServicesView::stopSelected()
{
    act(ServiceAction::Stop, false);
}

void ServicesView::restartSelected()
{
    act(ServiceAction::Restart, false);
}

void ServicesView::act(ServiceAction action, bool wholeHosts)
{
    if (!m_control || isRunningClusterOperation())
        return;
    const QList<std::pair<QString, QStringList>> targets = selectedServices();
    QStringList described;
    for (const auto &[host, services] : targets) {
        const QStringList asked = wholeHosts ? QStringList() : services;
        m_model->setPending(host, asked, pendingText(action));
        m_control->runAction(host, action, asked);
        described << tr("%1 on %2")
                         .arg(wholeHosts ? tr("every service") : services.join(QStringLiteral(", ")), host);
    }
    if (!described.isEmpty())
        showNotice(tr("%1: %2…").arg(actionText(action), described.join(QStringLiteral("; "))), false);
}

void ServicesView::onActionFinished(const ServiceActionReport &report)
{
    if (report.error)
        showNotice(
            tr("%1: could not %2: %3").arg(report.host, actionText(report.action), report.error->toString()),
            true);
    else
        showNotice(tr("%1: %2").arg(report.host, report.message), false);
    listHost(report.host);
    emit actionDone(report);
}

void ServicesView::stopCluster()
{
    if (!m_control || isRunningClusterOperation())
        return;
    const Confirmation::Question question{
        tr("Stop cluster"),
        tr("Stop every service of %1 on %2? The containers are taken down; the configuration and the data "
           "stay, "
           "and Start cluster brings it back.")
            .arg(clusterName(), m_control->hosts().join(QStringLiteral(", "))),
        tr("&Stop cluster")};
    m_confirmation->ask(this, question, [self = QPointer<ServicesView>(this)](bool yes) {
        if (self && yes)
            self->runClusterOperation(ClusterOperation::Stop, false);
    });
}

void ServicesView::startCluster()
{
    runClusterOperation(ClusterOperation::Start, false);
}

void ServicesView::removeCluster()
{
    if (!m_control || isRunningClusterOperation())
        return;
    const Confirmation::Question question{
        tr("Remove cluster"),
        tr("Remove %1 from %2? Its containers and its configuration on every host are deleted. Its data (the "
           "accounting database, Slurm's saved state and the Prometheus metrics, under each host's data "
           "directory) is kept unless you tick the box below.")
            .arg(clusterName(), m_control->hosts().join(QStringLiteral(", "))),
        tr("&Remove cluster")};
    m_confirmation->askWithOption(this, question, tr("Also delete the cluster's &data (cannot be undone)"),
                                  [self = QPointer<ServicesView>(this)](Confirmation::Answer answer) {
                                      if (self && answer.accepted)
                                          self->runClusterOperation(ClusterOperation::Remove,
                                                                    answer.optionChecked);
                                  });
}

void ServicesView::runClusterOperation(ClusterOperation operation, bool purgeData)
{
    if (!m_control || isRunningClusterOperation())
        return;
    if (operation != ClusterOperation::Start)
        setFollowing(false);
    for (const QString &host : m_control->hosts())
        m_model->setPending(host, {}, pendingText(operation));
    m_control->runClusterOperation(operation, purgeData);
    const qsizetype hosts = m_control->hosts().size();
    showNotice(
        operation == ClusterOperation::Start  ? tr("Starting %1 on %2 hosts…").arg(clusterName()).arg(hosts)
        : operation == ClusterOperation::Stop ? tr("Stopping %1 on %2 hosts…").arg(clusterName()).arg(hosts)
        : purgeData ? tr("Removing %1 and its data from %2 hosts…").arg(clusterName()).arg(hosts)
                    : tr("Removing %1 from %2 hosts (keeping its data)…").arg(clusterName()).arg(hosts),
        false);
    updateState();
}

void ServicesView::onClusterOperationFinished(const ClusterOperationReport &report)
{
    QStringList failures;
    for (const HostReport &host : report.hosts) {
        if (!host.ok())
            failures << tr("%1: %2").arg(host.host, host.error->toString());
    }
    if (failures.isEmpty()) {
        const QString name = clusterName();
        showNotice(report.operation == ClusterOperation::Start ? tr("%1 is started on every host.").arg(name)
                   : report.operation == ClusterOperation::Stop
                       ? tr("%1 is stopped; its data is kept.").arg(name)
                   : report.purgeData ? tr("%1 and its data are removed from every host.").arg(name)
                                      : tr("%1 is removed from every host; its data is kept.").arg(name),
                   false);
    } else {
        showNotice(
            tr("Failed on %n host(s); the others are done:\n", nullptr, static_cast<int>(failures.size())) +
                failures.join(u'\n'),
            true);
    }
    updateState();
    emit clusterOperationDone(report);
}

void ServicesView::showContextMenu(const QPoint &position)
{
    if (!m_control || !m_table->indexAt(position).isValid())
        return;
    const QString host = m_table->indexAt(position).data(ServicesModel::HostRole).toString();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_startAction, m_stopAction, m_restartAction});
    menu->addSeparator();
    const auto whole = [this, menu, host](const QString &text, ServiceAction action) {
        menu->addAction(text.arg(host), this, [this, host, action] {
            m_table->clearSelection();
            if (selectService(host, m_model->servicesOf(host).value(0)))
                act(action, true);
        });
    };
    whole(tr("Start every service on %1"), ServiceAction::Start);
    whole(tr("Stop every service on %1"), ServiceAction::Stop);
    whole(tr("Restart every service on %1"), ServiceAction::Restart);
    menu->addSeparator();
    menu->addActions({m_logsAction, m_followAction});
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void ServicesView::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(problem ? MessageStyle::problem() : QString());
    m_notice->setVisible(!text.isEmpty());
}

void ServicesView::updateState()
{
    const bool hasHosts = !m_document->hosts().isEmpty();
    const bool connected = m_control != nullptr;
    const bool operating = isRunningClusterOperation();
    emptyState()->setExplanation(
        hasHosts
            ? tr("Press Refresh (F5): SlurmDeck connects to each host of %1 and lists its services with "
                 "their "
                 "state. Then start, stop or restart them, read or follow their logs, or stop, start and "
                 "remove the whole cluster.")
                  .arg(m_document->displayName())
            : tr("Add the machines in %1 and deploy the cluster in %2 first. Then this view "
                 "shows each host's services and starts, stops and restarts them.")
                  .arg(areaWithShortcut(Area::Hosts), areaWithShortcut(Area::Deploy)));
    showContent(connected);
    m_refreshAction->setEnabled(hasHosts && !isConnecting());
    const bool selected = connected && m_table->selectionModel()->hasSelection();
    for (QAction *action : {m_startAction, m_stopAction, m_restartAction})
        action->setEnabled(selected && !operating);
    const bool current = connected && m_table->currentIndex().isValid();
    m_logsAction->setEnabled(current);
    m_followAction->setEnabled(current || isFollowing());
    for (QAction *action :
         {m_stopClusterAction, m_startClusterAction, m_removeClusterAction, m_upgradeAction})
        action->setEnabled(connected && !operating);
}

} // namespace SlurmDeck::Ui
