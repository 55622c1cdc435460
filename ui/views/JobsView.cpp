// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/JobsView.h"

#include "MessageBoxConfirmation.h"
#include "dialogs/SubmitJobDialog.h"
#include "models/JobsFilterProxy.h"
#include "models/JobsModel.h"
#include "models/KeyedTableModel.h"
#include "slurm/SnapshotChanges.h"
#include "views/JobStates.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/JobDetailsPane.h"
#include "widgets/JobFilterBar.h"
#include "widgets/MessageStyle.h"
#include "widgets/StaleBanner.h"
#include "widgets/ViewActions.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <unordered_set>

namespace SlurmDeck::Ui {

using JobStates::isHeld;
using JobStates::stateIs;

namespace {

constexpr int outputLines = 200;
constexpr int contentsPrecision = 100; // rows sampled by resizeColumnsToContents

} // namespace

JobsView::JobsView(QWidget *parent)
    : AreaView(Area::Jobs, parent)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_queueModel(new JobsModel(JobsModel::Kind::Queue, this))
    , m_historyModel(new JobsModel(JobsModel::Kind::History, this))
    , m_queueProxy(new JobsFilterProxy(m_queueModel, this))
    , m_historyProxy(new JobsFilterProxy(m_historyModel, this))
    , m_queueTable(new QTableView(this))
    , m_historyTable(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_filters(new JobFilterBar(this))
    , m_historyWindow(new QComboBox(this))
    , m_historyStatus(new QLabel(this))
    , m_details(new JobDetailsPane(this))
    , m_banner(new StaleBanner(this))
    , m_summary(new QLabel(this))
    , m_notice(new QLabel(this))
{
    setUpTable(m_queueTable, m_queueProxy, QStringLiteral("queueTable"));
    setUpTable(m_historyTable, m_historyProxy, QStringLiteral("historyTable"));
    m_queueTable->sortByColumn(m_queueModel->columnOf(JobsModel::Field::Id), Qt::AscendingOrder);
    m_historyTable->sortByColumn(m_historyModel->columnOf(JobsModel::Field::End), Qt::DescendingOrder);

    m_tabs->setObjectName(QStringLiteral("jobsTabs"));
    m_tabs->addTab(createQueuePage(), tr("&Queue"));
    m_tabs->addTab(createHistoryPage(), tr("&History"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("jobsSplitter"));
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);

    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_notice->setObjectName(QStringLiteral("jobsNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    createActions();
    headerLayout()->addWidget(m_banner);
    headerLayout()->addWidget(m_notice);

    connect(m_filters, &JobFilterBar::changed, this, [this] {
        m_filters->apply(m_queueProxy);
        m_filters->apply(m_historyProxy);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == HistoryTab && m_operations &&
            (!m_historyReadAt.isValid() || m_historyReadAt.secsTo(QDateTime::currentDateTimeUtc()) > 60))
            refreshHistory();
        currentJobChanged();
        updateState();
    });
    m_detailsDelay.setSingleShot(true);
    m_detailsDelay.setInterval(250); // arrowing through the table asks once, for where it stops
    connect(&m_detailsDelay, &QTimer::timeout, this, &JobsView::fetchDetails);
    connect(m_details, &JobDetailsPane::outputRefreshRequested, this, &JobsView::refreshOutput);
    clearCluster();
}

JobsView::~JobsView() = default;

void JobsView::setUpTable(QTableView *table, JobsFilterProxy *proxy, const QString &name)
{
    table->setObjectName(name);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    // Sizing the columns to their contents once samples this many rows (Qt's default, 1,000,
    // took most of the first fill of a 10,000-job queue on the GUI thread).
    table->horizontalHeader()->setResizeContentsPrecision(contentsPrecision);
    connect(table, &QTableView::customContextMenuRequested, this, [this, table](const QPoint &position) {
        QMenu *menu = createContextMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(table->viewport()->mapToGlobal(position));
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        currentJobChanged();
        updateState();
    });
}

QWidget *JobsView::createQueuePage()
{
    return m_queueTable;
}

QWidget *JobsView::createHistoryPage()
{
    auto *page = new QWidget(this);
    m_historyWindow->setObjectName(QStringLiteral("historyWindow"));
    m_historyWindow->addItem(tr("Last hour"), 3600);
    m_historyWindow->addItem(tr("Last 6 hours"), 6 * 3600);
    m_historyWindow->addItem(tr("Last 24 hours"), 24 * 3600);
    m_historyWindow->addItem(tr("Last 7 days"), 7 * 24 * 3600);
    m_historyWindow->addItem(tr("Last 30 days"), 30 * 24 * 3600);
    m_historyWindow->setCurrentIndex(2);
    connect(m_historyWindow, &QComboBox::currentIndexChanged, this, &JobsView::refreshHistory);
    auto *refresh = new QPushButton(tr("Read history"), page);
    refresh->setObjectName(QStringLiteral("readHistoryButton"));
    connect(refresh, &QPushButton::clicked, this, &JobsView::refreshHistory);
    m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
    m_historyStatus->setTextFormat(Qt::PlainText);
    m_historyStatus->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_historyWindow);
    bar->addWidget(refresh);
    bar->addWidget(m_historyStatus, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_historyTable, 1);
    return page;
}

void JobsView::createActions()
{
    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("jobsToolbar"));
    const auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut,
                                     auto slot) {
        return addViewAction(this, toolbar, text, name, shortcut, slot);
    };
    m_actions.insert(JobAction::Cancel, add(tr("&Cancel…"), QStringLiteral("cancelJobAction"),
                                            QKeySequence(QKeySequence::Delete), &JobsView::cancelSelected));
    m_actions.insert(JobAction::Hold,
                     add(tr("&Hold"), QStringLiteral("holdJobAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), &JobsView::holdSelected));
    m_actions.insert(JobAction::Release,
                     add(tr("Re&lease"), QStringLiteral("releaseJobAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &JobsView::releaseSelected));
    m_actions.insert(JobAction::Requeue,
                     add(tr("Re&queue…"), QStringLiteral("requeueJobAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &JobsView::requeueSelected));
    toolbar->addSeparator();
    m_submitAction = add(tr("&Submit job…"), QStringLiteral("submitJobAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), &JobsView::openSubmitDialog);
    m_refreshAction = add(tr("Re&fresh"), QStringLiteral("refreshJobsAction"),
                          QKeySequence(QKeySequence::Refresh), &JobsView::refresh);

    headerLayout()->addWidget(toolbar);
    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_filters);
    headerLayout()->addLayout(row);
}

QMenu *JobsView::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("jobsContextMenu"));
    menu->addAction(m_actions.value(JobAction::Cancel));
    menu->addAction(m_actions.value(JobAction::Hold));
    menu->addAction(m_actions.value(JobAction::Release));
    menu->addAction(m_actions.value(JobAction::Requeue));
    menu->addSeparator();
    menu->addAction(m_refreshAction);
    return menu;
}

void JobsView::setOperations(std::shared_ptr<ClusterOperations> operations)
{
    m_operations = std::move(operations);
    if (m_submitDialog)
        m_submitDialog->setOperations(m_operations);
    m_historyReadAt = {};
    if (m_operations && m_tabs->currentIndex() == HistoryTab)
        refreshHistory();
    updateState();
}

void JobsView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

void JobsView::setCurrentUser(const QString &user)
{
    m_filters->setCurrentUser(user);
}

void JobsView::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_banner->setSnapshot(snapshot);
    m_snapshot = snapshot;
    if (m_submitDialog)
        m_submitDialog->setSnapshot(snapshot);
    if (!snapshot.isStale() || !m_hasData) {
        const bool first = m_queueModel->rowCount() == 0;
        m_queueModel->setJobs(snapshot.jobs);
        if (first && m_queueModel->rowCount() > 0)
            m_queueTable->resizeColumnsToContents(); // once: later polls must not make columns jump
        m_hasData = m_hasData || !snapshot.isStale();
        int pending = 0;
        int running = 0;
        for (const SlurmJob &job : snapshot.jobs) {
            if (stateIs(job, QLatin1StringView("PENDING")))
                ++pending;
            else if (stateIs(job, QLatin1StringView("RUNNING")))
                ++running;
        }
        const qsizetype count = snapshot.jobs.size();
        const QString jobs = count == 1 ? tr("1 job") : tr("%1 jobs").arg(count);
        m_summary->setText(tr("%1 queued: %2 running, %3 pending").arg(jobs).arg(running).arg(pending));
        updateChoices();
        // The details pane follows the queue's latest line of its job.
        if (m_tabs->currentIndex() == QueueTab && !m_details->jobId().isEmpty()) {
            const int row = m_queueModel->rowOf(m_details->jobId());
            if (row >= 0)
                m_details->setJob(m_queueModel->job(row));
        }
    }
    selectFollowedJob();
    if (m_hasData) {
        showContent(true);
    } else {
        emptyState()->setHeadline(tr("Cannot reach the cluster yet"));
        emptyState()->setExplanation(StaleBanner::textFor(snapshot, QDateTime::currentDateTimeUtc()));
        showContent(false);
    }
    updateState();
}

void JobsView::openSubmitDialog()
{
    if (m_submitDialog) {
        m_submitDialog->raise();
        m_submitDialog->activateWindow();
        return;
    }
    m_submitDialog = new SubmitJobDialog(m_operations, this);
    m_submitDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_submitDialog->setSnapshot(m_snapshot);
    connect(m_submitDialog, &SubmitJobDialog::submitted, this, [this](const QString &id) {
        showNotice(tr("Submitted job %1.").arg(id), false);
        emit actionFinished(tr("Submitted job %1.").arg(id), true);
        followJob(id);
    });
    m_submitDialog->open();
}

SubmitJobDialog *JobsView::submitDialog() const
{
    return m_submitDialog;
}

void JobsView::followJob(const QString &id)
{
    m_followJobId = id;
    selectFollowedJob();
}

void JobsView::selectFollowedJob()
{
    if (m_followJobId.isEmpty())
        return;
    // An array job shows as its tasks ("42_0", ...): follow the first of them.
    int row = m_queueModel->rowOf(m_followJobId);
    for (int i = 0; row < 0 && i < m_queueModel->rowCount(); ++i) {
        if (m_queueModel->job(i).id.startsWith(m_followJobId + u'_'))
            row = i;
    }
    if (row < 0)
        return;
    const QString id = m_queueModel->job(row).id;
    m_followJobId.clear();
    m_tabs->setCurrentIndex(QueueTab);
    selectJobs({id});
    const QModelIndex index = m_queueProxy->mapFromSource(m_queueModel->index(row, 0));
    if (index.isValid())
        m_queueTable->scrollTo(index);
}

void JobsView::clearCluster(const QString &why)
{
    m_queueModel->setJobs({});
    m_historyModel->setJobs({});
    m_snapshot = {};
    m_followJobId.clear();
    m_hasData = false;
    m_historyReadAt = {};
    ++m_historyRequest; // answers still on their way are dropped
    m_banner->clear();
    m_details->clear();
    m_summary->clear();
    m_historyStatus->clear();
    emptyState()->setHeadline(tr("No jobs to show"));
    emptyState()->setExplanation(why.isEmpty()
                                     ? tr("The job queue and history of the running cluster appear here. "
                                          "Follow jobs, cancel, hold or requeue them.")
                                     : why);
    showContent(false);
}

void JobsView::updateChoices()
{
    // Users and partitions repeat across thousands of jobs: collect the distinct ones.
    std::unordered_set<QString, RowKeyHash> users;
    std::unordered_set<QString, RowKeyHash> partitions;
    QString lastUser;
    QString lastPartition;
    for (const JobsModel *model : {m_queueModel, m_historyModel}) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const SlurmJob &job = model->job(row);
            if (job.user != lastUser) {
                lastUser = job.user;
                users.insert(job.user);
            }
            if (job.partition != lastPartition) {
                lastPartition = job.partition;
                partitions.insert(job.partition);
            }
        }
    }
    QStringList partitionNames;
    for (const QString &partition : partitions)
        partitionNames << partition.split(u',', Qt::SkipEmptyParts); // pending in several: "a,b"
    m_filters->setChoices(QStringList(users.begin(), users.end()), partitionNames);
}

QString JobsView::notice() const
{
    return m_notice->text();
}

QString JobsView::historyStatus() const
{
    return m_historyStatus->text();
}

QString JobsView::summary() const
{
    return m_summary->text();
}

void JobsView::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(problem ? MessageStyle::problem(true) : QString());
    m_notice->setProperty("problem", problem);
    m_notice->setVisible(!text.isEmpty());
}

QTableView *JobsView::currentTable() const
{
    return m_tabs->currentIndex() == HistoryTab ? m_historyTable : m_queueTable;
}

JobsModel *JobsView::currentModel() const
{
    return m_tabs->currentIndex() == HistoryTab ? m_historyModel : m_queueModel;
}

JobsFilterProxy *JobsView::currentProxy() const
{
    return m_tabs->currentIndex() == HistoryTab ? m_historyProxy : m_queueProxy;
}

QList<const SlurmJob *> JobsView::selectedJobs() const
{
    QModelIndexList rows = currentTable()->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<const SlurmJob *> jobs;
    for (const QModelIndex &row : std::as_const(rows))
        jobs << &currentModel()->job(currentProxy()->mapToSource(row).row());
    return jobs;
}

QStringList JobsView::selectedJobIds() const
{
    QStringList ids;
    for (const SlurmJob *job : selectedJobs())
        ids << job->id;
    return ids;
}

void JobsView::selectJobs(const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = currentModel()->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = currentProxy()->mapFromSource(currentModel()->index(row, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    QItemSelectionModel *selectionModel = currentTable()->selectionModel();
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        selectionModel->setCurrentIndex(selection.indexes().first(), QItemSelectionModel::NoUpdate);
}

void JobsView::updateState()
{
    bool cancellable = false;
    bool holdable = false;
    bool releasable = false;
    bool requeueable = false;
    for (const SlurmJob *job : selectedJobs()) {
        const bool final = SnapshotChanges::isFinalJobState(job->state);
        cancellable = cancellable || !final;
        holdable = holdable || (stateIs(*job, QLatin1StringView("PENDING")) && !isHeld(*job));
        releasable = releasable || isHeld(*job);
        requeueable = requeueable || final || stateIs(*job, QLatin1StringView("RUNNING")) ||
                      stateIs(*job, QLatin1StringView("SUSPENDED"));
    }
    const bool live = m_operations != nullptr;
    m_actions.value(JobAction::Cancel)->setEnabled(live && cancellable);
    m_actions.value(JobAction::Hold)->setEnabled(live && holdable);
    m_actions.value(JobAction::Release)->setEnabled(live && releasable);
    m_actions.value(JobAction::Requeue)->setEnabled(live && requeueable);
    m_refreshAction->setEnabled(live);
}

void JobsView::currentJobChanged()
{
    const QList<const SlurmJob *> jobs = selectedJobs();
    if (jobs.isEmpty()) {
        m_details->clear();
        m_detailsDelay.stop();
        return;
    }
    const SlurmJob &job = *jobs.first();
    if (job.id == m_details->jobId()) {
        m_details->setJob(job);
        return;
    }
    m_details->setJob(job);
    if (m_operations)
        m_detailsDelay.start();
}

void JobsView::fetchDetails()
{
    const QString id = m_details->jobId();
    const QList<const SlurmJob *> jobs = selectedJobs();
    if (!m_operations || id.isEmpty() || jobs.isEmpty() || jobs.first()->id != id)
        return;
    m_detailsJobId = id;
    m_details->setDetailsLoading();
    QPointer<JobsView> self(this);
    m_operations->jobDetails(jobs.first()->jobId, this, [self, id](Result<SlurmJobDetails> details) {
        if (!self || self->m_details->jobId() != id)
            return;
        if (details)
            self->m_details->setDetails(*details);
        else
            self->m_details->setDetailsError(details.error().toString());
    });
    refreshOutput();
}

void JobsView::refreshOutput()
{
    const QString id = m_details->jobId();
    const QList<const SlurmJob *> jobs = selectedJobs();
    if (!m_operations || id.isEmpty() || jobs.isEmpty() || jobs.first()->id != id)
        return;
    m_details->setOutputLoading();
    QPointer<JobsView> self(this);
    m_operations->jobOutputTail(jobs.first()->jobId, outputLines, this, [self, id](Result<QString> output) {
        if (!self || self->m_details->jobId() != id)
            return;
        if (output)
            self->m_details->setOutput(*output);
        else
            self->m_details->setOutputError(output.error().toString());
    });
}

void JobsView::refresh()
{
    if (!m_operations)
        return;
    if (m_tabs->currentIndex() == HistoryTab)
        refreshHistory();
    else
        m_operations->refresh();
}

void JobsView::refreshHistory()
{
    if (!m_operations)
        return;
    const qint64 window = m_historyWindow->currentData().toLongLong();
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-window);
    const quint64 request = ++m_historyRequest;
    m_historyStatus->setText(tr("Reading accounting since %1…")
                                 .arg(since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    QPointer<JobsView> self(this);
    m_operations->history(since, this, [self, request, since](Result<QList<SlurmJob>> jobs) {
        if (!self || request != self->m_historyRequest)
            return; // a newer request (another window) or a closed cluster
        if (!jobs) {
            self->m_historyStatus->setText(
                self->tr("Could not read the history: %1 The rows below are from the last read.")
                    .arg(jobs.error().toString()));
            return;
        }
        const bool first = self->m_historyModel->rowCount() == 0;
        self->m_historyModel->setJobs(*jobs);
        if (first)
            self->m_historyTable->resizeColumnsToContents();
        self->m_historyReadAt = QDateTime::currentDateTimeUtc();
        self->m_historyStatus->setText(
            self->tr("%1 since %2, read at %3")
                .arg(jobs->size() == 1 ? self->tr("1 job") : self->tr("%1 jobs").arg(jobs->size()),
                     since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     self->m_historyReadAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
        self->updateChoices();
        self->updateState();
    });
}

} // namespace SlurmDeck::Ui
