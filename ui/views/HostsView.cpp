// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/HostsView.h"

#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "MessageBoxConfirmation.h"
#include "dialogs/DataAndUsersDialog.h"
#include "dialogs/DiscoveryDialog.h"
#include "dialogs/HostEditDialog.h"
#include "discovery/DiscoveryMerge.h"
#include "inventory/ClusterDocument.h"
#include "models/ClusterHostsModel.h"
#include "models/ModelRoles.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/MessageStyle.h"
#include "widgets/ViewActions.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

HostsView::HostsView(ClusterDocument *document, QWidget *parent)
    : AreaView(Area::Hosts, parent)
    , m_document(document)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_model(new ClusterHostsModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_notice(new QLabel(this))
    , m_problemsPanel(new QFrame(this))
    , m_problemsTitle(new QLabel(m_problemsPanel))
    , m_problems(new QListWidget(m_problemsPanel))
{
    emptyState()->setHeadline(tr("No machines yet"));
    emptyState()->setExplanation(
        tr("Add machines by address or ~/.ssh/config alias, or scan a subnet (Discover…, Ctrl+D). "
           "SlurmDeck fingerprints each one over SSH: platform, CPUs, memory, GPUs and Docker."));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("clusterHosts"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // file order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClusterHostsModel::RolesColumn, QHeaderView::Stretch);
    setContent(m_table);

    m_filter->setObjectName(QStringLiteral("hostFilter"));
    m_filter->setPlaceholderText(tr("Filter hosts"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_notice->setObjectName(QStringLiteral("hostsNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_problemsPanel->setObjectName(QStringLiteral("loadProblemsPanel"));
    m_problemsPanel->setFrameShape(QFrame::StyledPanel);
    m_problemsTitle->setObjectName(QStringLiteral("loadProblemsTitle"));
    m_problemsTitle->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("loadProblems"));
    m_problems->setMaximumHeight(140);
    m_problems->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *problemsLayout = new QVBoxLayout(m_problemsPanel);
    problemsLayout->addWidget(m_problemsTitle);
    problemsLayout->addWidget(m_problems);
    m_problemsPanel->hide();

    createActions();
    headerLayout()->addWidget(m_problemsPanel);
    headerLayout()->addWidget(m_notice);

    connect(m_table, &QTableView::doubleClicked, this, &HostsView::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HostsView::updateState);
    connect(m_document, &ClusterDocument::changed, this, &HostsView::updateState);
    updateState();
}

void HostsView::createActions()
{
    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("hostsToolbar"));
    const auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut,
                                     auto slot, QWidget *shortcutOwner, Qt::ShortcutContext context) {
        QAction *action = makeViewAction(this, shortcutOwner, text, name, shortcut, context);
        connect(action, &QAction::triggered, this, slot);
        addToToolbar(toolbar, action);
        return action;
    };
    // Window-wide shortcuts live on this view, so they apply only while it is shown; Return
    // and Delete belong to the table, so typing in the filter never removes a host.
    add(tr("&Discover…"), QStringLiteral("discoverAction"), QKeySequence(QKeySequence::New),
        &HostsView::discover, this, Qt::WindowShortcut);
    m_editAction = add(tr("&Edit…"), QStringLiteral("editAction"), QKeySequence(Qt::Key_Return),
                       &HostsView::editSelected, m_table, Qt::WidgetShortcut);
    m_removeAction = add(tr("&Remove"), QStringLiteral("removeAction"), QKeySequence(QKeySequence::Delete),
                         &HostsView::removeSelected, m_table, Qt::WidgetShortcut);
    m_resetRolesAction = add(tr("Reset &roles to defaults"), QStringLiteral("resetRolesAction"), {},
                             &HostsView::resetRoles, this, Qt::WindowShortcut);
    add(tr("Shared &data and users…"), QStringLiteral("dataAndUsersAction"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U), &HostsView::editDataAndUsers, this, Qt::WindowShortcut);
    toolbar->addSeparator();
    add(tr("&Open…"), QStringLiteral("openAction"), QKeySequence(QKeySequence::Open),
        &HostsView::chooseAndOpen, this, Qt::WindowShortcut);
    add(tr("&Save"), QStringLiteral("saveAction"), QKeySequence(QKeySequence::Save), &HostsView::save, this,
        Qt::WindowShortcut);
    add(tr("Save &As…"), QStringLiteral("saveAsAction"), QKeySequence(QKeySequence::SaveAs),
        &HostsView::saveAs, this, Qt::WindowShortcut);

    auto *row = new QHBoxLayout;
    row->addWidget(toolbar, 1);
    row->addWidget(m_filter);
    headerLayout()->addLayout(row);
}

void HostsView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

void HostsView::setDiscoveryRequestTemplate(const DiscoveryRequest &request)
{
    m_discoveryTemplate = request;
}

Result<void> HostsView::openCluster(const QString &path)
{
    Result<void> loaded = m_document->load(path);
    if (!loaded) {
        showLoadProblems(path, loaded.error());
        return loaded;
    }
    m_problemsPanel->hide();
    m_problems->clear();
    showNotice(tr("Opened %1.").arg(path), false);
    return {};
}

DiscoveryDialog *HostsView::discoveryDialog() const
{
    return m_discoveryDialog;
}

QStringList HostsView::loadProblems() const
{
    QStringList lines;
    for (int row = 0; row < m_problems->count(); ++row)
        lines.append(m_problems->item(row)->text());
    return lines;
}

void HostsView::showLoadProblems(const QString &path, const Error &error)
{
    m_problemsTitle->setText(
        tr("<b>Could not open %1.</b> %2").arg(path.toHtmlEscaped(), error.message.toHtmlEscaped()));
    m_problems->clear();
    const QStringList lines = error.detail.split(u'\n', Qt::SkipEmptyParts);
    m_problems->addItems(lines.isEmpty() ? QStringList{error.message} : lines);
    m_problems->setVisible(!lines.isEmpty());
    m_problemsPanel->show();
}

void HostsView::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(problem ? MessageStyle::problem() : QString());
    m_notice->setVisible(!text.isEmpty());
}

void HostsView::updateState()
{
    const bool hasHosts = !m_document->hosts().isEmpty();
    showContent(hasHosts);
    const bool selected = !selectedHostName().isEmpty();
    m_editAction->setEnabled(selected);
    m_removeAction->setEnabled(selected);
    m_resetRolesAction->setEnabled(hasHosts);
}

QString HostsView::selectedHostName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_model->host(m_proxy->mapToSource(rows.first()).row()).name;
}

void HostsView::discover()
{
    if (!m_discoveryDialog) {
        m_discoveryDialog = new DiscoveryDialog(this);
        m_discoveryDialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_hostKeys)
            m_discoveryDialog->shareHostKeyQuestions(*m_hostKeys);
        m_discoveryDialog->setRequestTemplate(m_discoveryTemplate);
        connect(m_discoveryDialog, &DiscoveryDialog::hostsChosen, this, &HostsView::addDiscoveredHosts);
    }
    m_discoveryDialog->show();
    m_discoveryDialog->raise();
    m_discoveryDialog->activateWindow();
}

void HostsView::addDiscoveredHosts(const QList<DiscoveredHost> &hosts, const SshTarget &login)
{
    const Result<MergeOutcome> merged = mergeDiscoveredHosts(*m_document, hosts, login);
    if (!merged) {
        showNotice(merged.error().toString(), true);
        return;
    }
    QStringList parts;
    if (!merged->added.isEmpty())
        parts.append(tr("Added %1.").arg(merged->added.join(QStringLiteral(", "))));
    if (!merged->refreshed.isEmpty())
        parts.append(tr("Updated the facts of %1.").arg(merged->refreshed.join(QStringLiteral(", "))));
    showNotice(parts.join(u' '), false);
}

void HostsView::editSelected()
{
    const QString name = selectedHostName();
    const Host *host = m_document->cluster().findHost(name);
    if (!host)
        return;
    QStringList others;
    for (const Host &other : m_document->hosts()) {
        if (other.name != name)
            others.append(other.name);
    }
    auto *dialog = new HostEditDialog(*host, others, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<void> set = m_document->setHost(dialog->originalName(), dialog->host());
        showNotice(set ? QString() : set.error().toString(), !set);
    });
    dialog->open();
}

void HostsView::removeSelected()
{
    const QString name = selectedHostName();
    if (name.isEmpty())
        return;
    const Confirmation::Question question{
        tr("Remove host"),
        tr("Remove %1 from the cluster? Nothing on the machine changes until you deploy.").arg(name),
        tr("&Remove")};
    m_confirmation->ask(this, question, [self = QPointer<HostsView>(this), name](bool yes) {
        if (!self || !yes)
            return;
        const Result<void> removed = self->m_document->removeHost(name);
        self->showNotice(removed ? self->tr("Removed %1.").arg(name) : removed.error().toString(), !removed);
    });
}

void HostsView::resetRoles()
{
    m_document->resetRolesToDefaults();
    showNotice(tr("Roles reset: the first Linux host (with a GPU if there is one) runs the controller."),
               false);
}

void HostsView::editDataAndUsers()
{
    auto *dialog = new DataAndUsersDialog(m_document->cluster(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<void> set = m_document->setSharedAndUsers(dialog->shared(), dialog->users());
        showNotice(set ? tr("Shared data and users changed: deploy to apply them.") : set.error().toString(),
                   !set);
    });
    dialog->open();
}

void HostsView::save()
{
    if (m_document->path().isEmpty()) {
        saveAs();
        return;
    }
    const Result<void> saved = m_document->save();
    showNotice(saved ? tr("Saved %1.").arg(m_document->path()) : saved.error().toString(), !saved);
}

void HostsView::saveAs()
{
    const QString suggested = m_document->path().isEmpty()
                                  ? m_document->cluster().name + QStringLiteral(".yaml")
                                  : m_document->path();
    auto *chooser =
        new QFileDialog(this, tr("Save cluster as"), suggested, tr("Cluster files (*.yaml *.yml)"));
    chooser->setObjectName(QStringLiteral("saveClusterDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("yaml"));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const Result<void> saved = m_document->saveAs(path);
        showNotice(saved ? tr("Saved %1.").arg(path) : saved.error().toString(), !saved);
    });
    chooser->open();
}

void HostsView::chooseAndOpen()
{
    const auto open = [self = QPointer<HostsView>(this)] {
        if (!self)
            return;
        auto *chooser = new QFileDialog(self, self->tr("Open cluster"), self->m_document->path(),
                                        self->tr("Cluster files (*.yaml *.yml);;All files (*)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        QObject::connect(chooser, &QFileDialog::fileSelected, self,
                         [self](const QString &path) { (void)self->openCluster(path); });
        chooser->open();
    };
    if (!m_document->isModified()) {
        open();
        return;
    }
    m_confirmation->ask(
        this,
        {tr("Unsaved changes"),
         tr("%1 has unsaved changes. Discard them and open another cluster?").arg(m_document->displayName()),
         tr("&Discard")},
        [open](bool yes) {
            if (yes)
                open();
        });
}

} // namespace SlurmDeck::Ui
