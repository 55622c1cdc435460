// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/DeployView.h"

#include "Confirmation.h"
#include "MessageBoxConfirmation.h"
#include "deploy/DeployRunner.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostTaskQueue.h"
#include "deploy/RemoteFileDiff.h"
#include "inventory/ClusterDocument.h"
#include "models/DeployHostsModel.h"
#include "models/ModelRoles.h"
#include "models/PlanTreeModel.h"
#include "models/VerificationChecksModel.h"
#include "views/DeploySummary.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/ImageChoiceBar.h"
#include "widgets/MessageStyle.h"
#include "widgets/PlanPreview.h"
#include "widgets/ProgressBarDelegate.h"
#include "widgets/ViewActions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

constexpr int planTab = 0;
constexpr int deployTab = 1;

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // plan order until the user sorts
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QSortFilterProxyModel *makeProxy(QAbstractItemModel *source, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(SortRole);
    return proxy;
}

} // namespace

DeployView::DeployView(ClusterDocument *document, QWidget *parent)
    : AreaView(Area::Deploy, parent)
    , m_document(document)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_session(document, this)
    , m_planModel(new PlanTreeModel(this))
    , m_planProxy(new QSortFilterProxyModel(this))
    , m_hostsModel(new DeployHostsModel(this))
    , m_hostsProxy(makeProxy(m_hostsModel, this))
    , m_checksModel(new VerificationChecksModel(this))
    , m_checksProxy(makeProxy(m_checksModel, this))
    , m_notice(new QLabel(this))
    , m_imageChoice(new ImageChoiceBar(this))
{
    emptyState()->setHeadline(tr("Nothing planned yet"));

    m_planProxy->setSourceModel(m_planModel);
    m_planProxy->setRecursiveFilteringEnabled(true);
    m_planProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_planProxy->setFilterKeyColumn(PlanTreeModel::NameColumn);

    m_notice->setObjectName(QStringLiteral("deployNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    createActions();
    headerLayout()->addWidget(m_imageChoice);
    headerLayout()->addWidget(m_notice);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("deployTabs"));
    m_tabs->addTab(createPlanPage(), tr("Plan"));
    m_tabs->addTab(createDeployPage(), tr("Deploy"));
    setContent(m_tabs);

    connect(m_document, &ClusterDocument::changed, this, [this] {
        if (m_prepared && !m_planStale) {
            m_planStale = true;
            showNotice(tr("The cluster changed since it was planned. Press Plan (Ctrl+P) again before "
                          "deploying."),
                       false);
        }
        updateImageHosts();
        updateState();
    });
    setDeployOptions(m_options);
    updateState();
}

DeployView::~DeployView()
{
    m_session.rejectHostKeyQuestions();
}

void DeployView::createActions()
{
    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("deployToolbar"));
    const auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut,
                                     auto slot) {
        return addViewAction(this, toolbar, text, name, shortcut, slot);
    };
    m_planAction =
        add(tr("&Plan"), QStringLiteral("planAction"), QKeySequence(Qt::CTRL | Qt::Key_P), &DeployView::plan);
    m_deployAction = add(tr("&Deploy…"), QStringLiteral("startDeployAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), &DeployView::deploy);
    m_cancelAction = add(tr("&Cancel"), QStringLiteral("cancelDeployAction"), QKeySequence(Qt::Key_Escape),
                         &DeployView::cancel);
    headerLayout()->addWidget(toolbar);
}

void DeployView::updateImageHosts()
{
    QStringList names;
    for (const Host &host : m_document->hosts())
        names << host.name;
    m_imageChoice->setHosts(names);
}

void DeployView::setDeployOptions(const DeployOptions &options)
{
    m_options = options;
    m_imageChoice->setChoice(options);
    updateImageHosts();
}

DeployOptions DeployView::deployOptions() const
{
    DeployOptions options = m_options;
    m_imageChoice->applyTo(options);
    return options;
}

QWidget *DeployView::createPlanPage()
{
    auto *filter = new QLineEdit;
    filter->setObjectName(QStringLiteral("planFilter"));
    filter->setPlaceholderText(tr("Filter hosts and files"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_planProxy, &QSortFilterProxyModel::setFilterFixedString);

    m_planTree = new QTreeView;
    m_planTree->setObjectName(QStringLiteral("planTree"));
    m_planTree->setModel(m_planProxy);
    m_planTree->setUniformRowHeights(true);
    m_planTree->setAlternatingRowColors(true);
    m_planTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_planTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_planTree->header()->setStretchLastSection(true);
    connect(m_planTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DeployView::showSelected);

    auto *notesTitle = new QLabel(tr("Plan notes"));
    notesTitle->setObjectName(QStringLiteral("planNotesTitle"));
    m_notes = new QListWidget;
    m_notes->setObjectName(QStringLiteral("planNotes"));
    m_notes->setWordWrap(true);
    m_notes->setMaximumHeight(120);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(filter);
    leftLayout->addWidget(m_planTree, 1);
    leftLayout->addWidget(notesTitle);
    leftLayout->addWidget(m_notes);

    m_preview = new PlanPreview;
    m_preview->setObjectName(QStringLiteral("planPreview"));
    connect(m_preview, &PlanPreview::diffRequested, this, &DeployView::requestDiff);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("planSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

QWidget *DeployView::createDeployPage()
{
    auto *page = new QWidget;
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("deploySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setText(tr("Not deployed yet: plan, review the files, then Deploy (Ctrl+Shift+D)."));

    m_hostsTable = makeTable(m_hostsProxy, QStringLiteral("deployHosts"), page);
    m_hostsTable->setItemDelegateForColumn(
        DeployHostsModel::ProgressColumn,
        new ProgressBarDelegate(DeployHostsModel::ProgressRole, m_hostsTable));
    m_hostsTable->horizontalHeader()->setSectionResizeMode(DeployHostsModel::ProgressColumn,
                                                           QHeaderView::Fixed);
    m_hostsTable->setColumnWidth(DeployHostsModel::ProgressColumn, 140);

    m_log = new DeployLogPane(page);

    m_checksTable = makeTable(m_checksProxy, QStringLiteral("verificationChecks"), page);

    auto *checksBox = new QWidget;
    auto *checksLayout = new QVBoxLayout(checksBox);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    checksLayout->addWidget(new QLabel(tr("Verification")));
    checksLayout->addWidget(m_checksTable);

    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("deploySplitter"));
    splitter->addWidget(m_hostsTable);
    splitter->addWidget(m_log);
    splitter->addWidget(checksBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    return page;
}

void DeployView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

QStringList DeployView::planNotes() const
{
    QStringList notes;
    for (int row = 0; row < m_notes->count(); ++row)
        notes << m_notes->item(row)->text();
    return notes;
}

QString DeployView::logText() const
{
    return m_log->text();
}

QString DeployView::summary() const
{
    return m_summary->text();
}

QString DeployView::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void DeployView::plan()
{
    if (isPlanning() || isDeploying())
        return;
    if (m_document->hosts().isEmpty()) {
        showNotice(tr("The cluster has no hosts yet. Add them in %1, then press Plan.")
                       .arg(areaWithShortcut(Area::Hosts)),
                   true);
        return;
    }
    if (!m_session) {
        showNotice(tr("SlurmDeck is closing."), true);
        return;
    }
    m_planning = true;
    showNotice(tr("Planning %1: reading the cluster's secrets from the keychain and rendering every host's "
                  "files…")
                   .arg(m_document->displayName()),
               false);
    updateState();
    // Answered on this view's thread, not after this view is gone.
    m_session->prepareDeploy(this, [this](Result<ClusterSession::Prepared> prepared) {
        m_planning = false;
        if (prepared && m_session) {
            // The Diff button's connections go through the session, as the deploy will.
            delete m_diffQueue;
            m_diffQueue = m_session->operation<HostTaskQueue>(prepared->plan, prepared->targets, this);
        }
        planPrepared(std::move(prepared));
    });
}

void DeployView::planPrepared(Result<ClusterSession::Prepared> prepared)
{
    if (!prepared) {
        const Error &error = prepared.error();
        QString text = tr("Could not plan %1: %2").arg(m_document->displayName(), error.message);
        if (!error.detail.isEmpty())
            text += u'\n' + error.detail;
        showNotice(text + u'\n' + whatToDo(error), true);
        updateState();
        return;
    }
    m_prepared = std::move(prepared).value();
    m_planStale = false;
    showPlan(m_prepared->plan);
    qsizetype files = 0;
    for (const HostPlan &host : std::as_const(m_prepared->plan.hosts))
        files += host.files.size();
    showNotice(tr("Planned %1: %2 hosts, %3 files. Review them, then Deploy (Ctrl+Shift+D).")
                   .arg(m_prepared->plan.clusterName)
                   .arg(m_prepared->plan.hosts.size())
                   .arg(files),
               false);
    updateState();
    emit planReady();
}

void DeployView::deploy()
{
    if (!m_prepared || m_planStale || isPlanning() || isDeploying())
        return;
    const DeployOptions options = deployOptions();
    if (options.images == ImageSource::TransferFromHost && options.imageHost.isEmpty()) {
        showNotice(tr("Choose the host to copy the images from (next to Images), then Deploy again."), true);
        return;
    }
    QStringList hosts;
    for (const HostPlan &host : std::as_const(m_prepared->plan.hosts))
        hosts << host.hostName;
    const Confirmation::Question question{
        tr("Deploy cluster"),
        tr("Deploy %1 to %2? Changed files are replaced on the hosts (the previous version is kept), the "
           "images are %3, and services whose files changed restart.")
            .arg(m_prepared->plan.clusterName, hosts.join(QStringLiteral(", ")), describeImages(options)),
        tr("&Deploy")};
    m_confirmation->ask(this, question, [self = QPointer<DeployView>(this)](bool yes) {
        if (self && yes)
            self->startDeploy();
    });
}

void DeployView::startDeploy()
{
    if (!m_prepared || !m_session || m_planStale || isPlanning() || isDeploying())
        return;
    auto *runner = m_session->operation<DeployRunner>(m_prepared->plan, m_prepared->targets, this);
    connect(runner, &DeployRunner::hostPhaseChanged, this, &DeployView::onHostPhaseChanged);
    connect(runner, &DeployRunner::logLine, this, &DeployView::onLogLine);
    connect(runner, &DeployRunner::finished, this, &DeployView::onFinished);
    m_runner = runner;

    QStringList hosts;
    for (const HostPlan &host : std::as_const(m_prepared->plan.hosts))
        hosts << host.hostName;
    m_hostsModel->setHosts(hosts);
    m_checksModel->setChecks({});
    m_log->clear();
    m_log->setHosts(hosts);
    m_report.reset();
    m_summary->setStyleSheet({});
    m_summary->setText(
        tr("Deploying %1 to %2 hosts… (Esc cancels)").arg(m_prepared->plan.clusterName).arg(hosts.size()));
    m_tabs->setCurrentIndex(deployTab);
    showNotice({}, false);
    updateState();
    runner->start(deployOptions());
}

void DeployView::cancel()
{
    if (!m_runner)
        return;
    // A host stopped half way keeps what it has (files, some services restarted): ask first.
    const Confirmation::Question question{
        tr("Cancel deploy"),
        tr("Cancel the deploy of %1? Each host stops after the step it is in; what it did stays, and "
           "deploying again resumes.")
            .arg(m_document->displayName()),
        tr("&Cancel deploy")};
    m_confirmation->ask(this, question, [self = QPointer<DeployView>(this)](bool yes) {
        if (self && yes)
            self->cancelNow();
    });
}

void DeployView::cancelNow()
{
    if (!m_runner)
        return;
    m_session.rejectHostKeyQuestions();
    m_runner->cancel();
    m_cancelAction->setEnabled(false);
    m_summary->setText(tr("Cancelling: each host stops after the step it is in…"));
}

void DeployView::onHostPhaseChanged(const QString &host, DeployPhase phase, const QString &message)
{
    m_hostsModel->setPhase(host, phase, message);
}

void DeployView::onLogLine(const QString &host, const QString &line)
{
    m_log->append(host, line);
}

void DeployView::flushLog()
{
    m_log->flush();
}

void DeployView::onFinished(const DeployReport &report)
{
    flushLog();
    m_report = report;
    m_hostsModel->applyResults(report.hosts);
    showSelected(); // the hosts' files changed: a diff shown is fetched again
    m_checksModel->setChecks(report.checks);
    const DeploySummary summary = DeploySummary::of(report);
    m_summary->setText(summary.text);
    m_summary->setStyleSheet(summary.ok ? MessageStyle::success() : MessageStyle::problem());
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    updateState();
    emit deployFinished(report);
}

void DeployView::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(problem ? MessageStyle::problem() : QString());
    m_notice->setVisible(!text.isEmpty());
}

void DeployView::updateState()
{
    const bool hasHosts = !m_document->hosts().isEmpty();
    emptyState()->setExplanation(
        hasHosts ? tr("Press Plan (Ctrl+P): SlurmDeck renders slurm.conf, the compose files and every other "
                      "file each host gets, for you to review. Then Deploy (Ctrl+Shift+D) runs it with "
                      "per-host progress and checks the cluster at the end.")
                 : tr("Add the machines in %1 first. Then Plan (Ctrl+P) renders every file each "
                      "host gets, and Deploy (Ctrl+Shift+D) puts the cluster on them.")
                       .arg(areaWithShortcut(Area::Hosts)));
    showContent(m_prepared.has_value() || isDeploying() || m_report.has_value());
    m_planAction->setEnabled(hasHosts && !isPlanning() && !isDeploying());
    m_deployAction->setEnabled(m_prepared.has_value() && !m_planStale && !isPlanning() && !isDeploying());
    m_cancelAction->setEnabled(isDeploying());
    m_imageChoice->setEnabled(!isDeploying());
}

} // namespace SlurmDeck::Ui
