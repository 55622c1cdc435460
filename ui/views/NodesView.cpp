// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/NodesView.h"

#include "Confirmation.h"
#include "MessageBoxConfirmation.h"
#include "dialogs/ReasonDialog.h"
#include "models/NodesFilterProxy.h"
#include "models/NodesModel.h"
#include "slurm/SnapshotChanges.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/MessageStyle.h"
#include "widgets/StaleBanner.h"
#include "widgets/ViewActions.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

bool isDrainedOrDown(const SlurmNode &node)
{
    return SnapshotChanges::isNodeDrained(node) || SnapshotChanges::isNodeDown(node) ||
           node.hasFlag(QStringLiteral("NOT_RESPONDING"));
}

} // namespace

NodesView::NodesView(QWidget *parent)
    : AreaView(Area::Nodes, parent)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_reasonPrompt(std::make_shared<DialogReasonPrompt>())
    , m_model(new NodesModel(this))
    , m_proxy(new NodesFilterProxy(m_model, this))
    , m_table(new QTableView(this))
    , m_banner(new StaleBanner(this))
    , m_filter(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_notice(new QLabel(this))
{
    clearCluster();

    m_table->setObjectName(QStringLiteral("nodesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NodesModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Sizing the columns to their contents once samples 100 rows, not Qt's default 1,000:
    // that took most of the first fill of 1,000 nodes on the GUI thread.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    setContent(m_table);

    m_filter->setObjectName(QStringLiteral("nodeFilter"));
    m_filter->setPlaceholderText(tr("Filter nodes"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(240);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &NodesFilterProxy::setFilterText);

    using Filter = NodesFilterProxy::StateFilter;
    m_stateFilter->setObjectName(QStringLiteral("nodeStateFilter"));
    m_stateFilter->addItem(tr("All states"), int(Filter::All));
    m_stateFilter->addItem(tr("Idle"), int(Filter::Idle));
    m_stateFilter->addItem(tr("Allocated or mixed"), int(Filter::Allocated));
    m_stateFilter->addItem(tr("Drained or draining"), int(Filter::Drained));
    m_stateFilter->addItem(tr("Down or not responding"), int(Filter::Down));
    m_stateFilter->addItem(tr("Needing attention"), int(Filter::Problems));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStateFilter(Filter(m_stateFilter->currentData().toInt())); });

    m_summary->setObjectName(QStringLiteral("nodesSummary"));
    m_notice->setObjectName(QStringLiteral("nodesNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    createActions();
    headerLayout()->addWidget(m_banner);
    headerLayout()->addWidget(m_notice);

    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu *menu = createContextMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_table->viewport()->mapToGlobal(position));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NodesView::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NodesView::updateState);
    updateState();
}

NodesView::~NodesView() = default;

void NodesView::createActions()
{
    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("nodesToolbar"));
    const auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut,
                                     auto slot) {
        return addViewAction(this, toolbar, text, name, shortcut, slot);
    };
    m_actions.insert(NodeAction::Drain, add(tr("&Drain…"), QStringLiteral("drainNodeAction"),
                                            QKeySequence(Qt::CTRL | Qt::Key_D), &NodesView::drainSelected));
    m_actions.insert(NodeAction::Resume, add(tr("&Resume"), QStringLiteral("resumeNodeAction"),
                                             QKeySequence(Qt::CTRL | Qt::Key_U), &NodesView::resumeSelected));
    m_actions.insert(NodeAction::Down,
                     add(tr("Do&wn…"), QStringLiteral("downNodeAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), &NodesView::downSelected));
    toolbar->addSeparator();
    m_actions.insert(NodeAction::DrainAndStop,
                     add(tr("Drain and &stop services…"), QStringLiteral("drainAndStopNodeAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), &NodesView::drainAndStopSelected));
    m_actions.insert(NodeAction::StartAndResume,
                     add(tr("Start services and resu&me"), QStringLiteral("startAndResumeNodeAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), &NodesView::startAndResumeSelected));
    toolbar->addSeparator();
    m_refreshAction = add(tr("Re&fresh"), QStringLiteral("refreshNodesAction"),
                          QKeySequence(QKeySequence::Refresh), &NodesView::refresh);

    // Actions on one row, what is shown and how it is filtered on the next: together they
    // would push actions into the toolbar's overflow menu.
    headerLayout()->addWidget(toolbar);
    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_stateFilter);
    row->addWidget(m_filter);
    headerLayout()->addLayout(row);
}

QMenu *NodesView::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("nodesContextMenu"));
    menu->addAction(m_actions.value(NodeAction::Drain));
    menu->addAction(m_actions.value(NodeAction::Resume));
    menu->addAction(m_actions.value(NodeAction::Down));
    menu->addSeparator();
    menu->addAction(m_actions.value(NodeAction::DrainAndStop));
    menu->addAction(m_actions.value(NodeAction::StartAndResume));
    menu->addSeparator();
    menu->addAction(m_refreshAction);
    return menu;
}

void NodesView::setOperations(std::shared_ptr<ClusterOperations> operations)
{
    m_operations = std::move(operations);
    updateState();
}

void NodesView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

void NodesView::setReasonPrompt(std::shared_ptr<ReasonPrompt> prompt)
{
    m_reasonPrompt = std::move(prompt);
}

void NodesView::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_banner->setSnapshot(snapshot);
    // A stale snapshot repeats what the monitor last knew; the rows already show that.
    if (!snapshot.isStale() || !m_hasData) {
        const bool first = m_model->rowCount() == 0;
        m_model->setNodes(snapshot.nodes);
        if (first && m_model->rowCount() > 0)
            m_table->resizeColumnsToContents(); // once: later polls must not make columns jump
        m_hasData = m_hasData || !snapshot.isStale();
        updateSummary(snapshot);
    }
    if (m_model->rowCount() == 0) {
        if (snapshot.isStale()) {
            emptyState()->setHeadline(tr("Cannot reach the cluster yet"));
            emptyState()->setExplanation(StaleBanner::textFor(snapshot, QDateTime::currentDateTimeUtc()));
        } else {
            emptyState()->setHeadline(tr("No nodes"));
            emptyState()->setExplanation(tr("slurmctld answers but reports no nodes. Check the cluster's "
                                            "slurm.conf (Deploy shows it) and deploy again."));
        }
    }
    showContent(m_model->rowCount() > 0);
    updateState();
}

void NodesView::clearCluster(const QString &why)
{
    m_model->setNodes({});
    m_hasData = false;
    m_banner->clear();
    emptyState()->setHeadline(tr("No cluster running"));
    emptyState()->setExplanation(why.isEmpty()
                                     ? tr("Slurm nodes appear here once a cluster is deployed: state, "
                                          "CPUs, memory, GPUs and load, with drain and resume.")
                                     : why);
    m_summary->clear();
    showContent(false);
}

void NodesView::updateSummary(const ClusterSnapshot &snapshot)
{
    int idle = 0;
    int busy = 0;
    int drained = 0;
    int down = 0;
    for (const SlurmNode &node : snapshot.nodes) {
        if (SnapshotChanges::isNodeDown(node) || node.hasFlag(QStringLiteral("NOT_RESPONDING")))
            ++down;
        else if (SnapshotChanges::isNodeDrained(node))
            ++drained;
        else if (node.state.compare(QLatin1StringView("IDLE"), Qt::CaseInsensitive) == 0)
            ++idle;
        else
            ++busy;
    }
    const qsizetype count = snapshot.nodes.size();
    const QString nodes = count == 1 ? tr("1 node") : tr("%1 nodes").arg(count);
    m_summary->setText(tr("%1: %2 idle, %3 busy, %4 drained, %5 down")
                           .arg(nodes)
                           .arg(idle)
                           .arg(busy)
                           .arg(drained)
                           .arg(down));
}

QString NodesView::summary() const
{
    return m_summary->text();
}

QString NodesView::notice() const
{
    return m_notice->text();
}

void NodesView::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(problem ? MessageStyle::problem(true) : QString());
    m_notice->setProperty("problem", problem);
    m_notice->setVisible(!text.isEmpty());
}

QStringList NodesView::selectedNodes() const
{
    QStringList names;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        names << m_model->node(m_proxy->mapToSource(row).row()).name;
    names.sort();
    return names;
}

void NodesView::selectNodes(const QStringList &names)
{
    QItemSelection selection;
    for (const QString &name : names) {
        const int row = m_model->rowOf(name);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    m_table->selectionModel()->select(selection,
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        m_table->selectionModel()->setCurrentIndex(selection.indexes().first(),
                                                   QItemSelectionModel::NoUpdate);
}

void NodesView::updateState()
{
    bool anyDrainable = false;
    bool anyResumable = false;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const SlurmNode &node = m_model->node(m_proxy->mapToSource(row).row());
        if (isDrainedOrDown(node))
            anyResumable = true;
        if (!SnapshotChanges::isNodeDrained(node))
            anyDrainable = true;
    }
    const bool live = m_operations != nullptr;
    const bool selected = anyDrainable || anyResumable;
    m_actions.value(NodeAction::Drain)->setEnabled(live && anyDrainable);
    m_actions.value(NodeAction::Resume)->setEnabled(live && anyResumable);
    m_actions.value(NodeAction::Down)->setEnabled(live && selected);
    m_actions.value(NodeAction::DrainAndStop)->setEnabled(live && selected);
    m_actions.value(NodeAction::StartAndResume)->setEnabled(live && selected);
    m_refreshAction->setEnabled(live);
}

void NodesView::drainSelected()
{
    askReasonThenRun(NodeAction::Drain, selectedNodes());
}

void NodesView::downSelected()
{
    askReasonThenRun(NodeAction::Down, selectedNodes());
}

void NodesView::drainAndStopSelected()
{
    askReasonThenRun(NodeAction::DrainAndStop, selectedNodes());
}

void NodesView::resumeSelected()
{
    run(NodeAction::Resume, selectedNodes(), {});
}

void NodesView::startAndResumeSelected()
{
    run(NodeAction::StartAndResume, selectedNodes(), {});
}

void NodesView::refresh()
{
    if (m_operations)
        m_operations->refresh();
}

void NodesView::askReasonThenRun(NodeAction action, const QStringList &nodes)
{
    if (nodes.isEmpty() || !m_operations)
        return;
    const QString list = nodes.join(QStringLiteral(", "));
    ReasonPrompt::Question question;
    switch (action) {
    case NodeAction::Drain:
        question = {tr("Drain nodes"),
                    tr("Drain %1? Running jobs finish; no new jobs start there until you resume.").arg(list),
                    tr("&Drain"),
                    {}};
        break;
    case NodeAction::Down:
        question = {tr("Set nodes down"),
                    tr("Set %1 down? Jobs running there are killed (or requeued), and no jobs start there "
                       "until you resume.")
                        .arg(list),
                    tr("Set &down"),
                    {}};
        break;
    case NodeAction::DrainAndStop:
        question = {tr("Drain and stop services"),
                    tr("Drain %1, wait until its jobs end, then stop its slurmd. Start services and resume "
                       "(Ctrl+Shift+R) brings it back.")
                        .arg(list),
                    tr("Drain and &stop"),
                    {}};
        break;
    default:
        return;
    }
    m_reasonPrompt->ask(this, question,
                        [self = QPointer<NodesView>(this), action, nodes](std::optional<QString> reason) {
                            if (!self || !reason || reason->trimmed().isEmpty())
                                return;
                            self->run(action, nodes, reason->trimmed());
                        });
}

void NodesView::run(NodeAction action, const QStringList &nodes, const QString &reason)
{
    if (nodes.isEmpty() || !m_operations)
        return;
    for (const QString &node : nodes) {
        QString doing;
        switch (action) {
        case NodeAction::Drain:
            doing = tr("Draining %1…").arg(node);
            break;
        case NodeAction::Resume:
            doing = tr("Resuming %1…").arg(node);
            break;
        case NodeAction::Down:
            doing = tr("Setting %1 down…").arg(node);
            break;
        case NodeAction::DrainAndStop:
            doing = tr("Draining %1, then stopping its services…").arg(node);
            break;
        case NodeAction::StartAndResume:
            doing = tr("Starting %1's services, then resuming it…").arg(node);
            break;
        }
        showNotice(doing, false);
        QPointer<NodesView> self(this);
        m_operations->nodeAction(
            action, node, reason, this,
            [self, node](const QString &line) {
                if (self)
                    self->showNotice(self->tr("%1: %2").arg(node, line), false);
            },
            [self](Result<QString> result) {
                if (!self)
                    return;
                const QString message = result ? *result : result.error().toString();
                self->showNotice(message, !result);
                emit self->actionFinished(message, result.has_value());
                if (result && self->m_operations)
                    self->m_operations->refresh();
            });
    }
}

} // namespace SlurmDeck::Ui
