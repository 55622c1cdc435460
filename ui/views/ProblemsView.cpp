// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/ProblemsView.h"

#include "MessageBoxConfirmation.h"
#include "doctor/Diagnosis.h"
#include "doctor/HostRules.h"
#include "doctor/SnapshotRules.h"
#include "models/FindingsModel.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/ViewActions.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

ProblemsView::ProblemsView(QWidget *parent)
    : AreaView(Area::Problems, parent)
    , m_model(new FindingsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_checkHosts(nullptr)
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
    , m_summary(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FindingsModel::OrderRole); // the doctor's order: hosts first, then Slurm's view
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(0);
    m_table->setObjectName(QStringLiteral("problemsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->setObjectName(QStringLiteral("problemDetails"));
    m_details->setPlaceholderText(tr("Select a problem to see what shows it and how to fix it."));
    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    m_summary->setWordWrap(true);

    QToolBar *toolbar = makeViewToolbar(this, QStringLiteral("problemsToolbar"));
    // Refresh, as in the other live views: here it reads every host again (containers, munge
    // key and log, clock, disks, images); Slurm's side is read on every poll anyway.
    m_checkHosts = addViewAction(this, toolbar, tr("Re&fresh"), QStringLiteral("checkHostsAction"),
                                 QKeySequence(QKeySequence::Refresh), &ProblemsView::checkHosts);
    m_fix = addViewAction(this, toolbar, tr("Fi&x"), QStringLiteral("fixProblemAction"), QKeySequence(),
                          &ProblemsView::fixSelected);
    m_fix->setToolTip(tr("Make the selected problem's fix where SlurmDeck can: start a stopped service"));
    m_checkHosts->setToolTip(
        tr("Check every host again: containers, munge key and logs, clock, disks, images "
           "(F5)"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(toolbar);
    headerLayout()->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("problemsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);

    emptyState()->setHeadline(tr("No cluster is being checked"));
    emptyState()->setExplanation(
        tr("Open a deployed cluster: SlurmDeck then looks for problems on every poll (nodes refused, "
           "drained or silent, jobs that will never start, accounting gone), and on every host when the "
           "view opens and when you press Refresh. Each problem comes with its cause, the evidence and the "
           "fix. The same "
           "checks run with 'slurmdeck-cli doctor'."));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProblemsView::showDetails);
    rebuild();
}

ProblemsView::~ProblemsView() = default;

void ProblemsView::checkHosts()
{
    if (!m_monitored || m_hostCheckRunning)
        return;
    setHostCheckRunning(true);
    emit hostCheckRequested();
}

void ProblemsView::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
}

const Finding *ProblemsView::selectedFinding() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    return current.isValid() ? m_model->finding(current.row()) : nullptr;
}

void ProblemsView::fixSelected()
{
    const Finding *finding = selectedFinding();
    if (!finding || finding->autoFix != Finding::AutoFix::StartService)
        return;
    const QString host = finding->host;
    const QString service = finding->service;
    const Confirmation::Question question{tr("Start %1?").arg(service),
                                          tr("Start %1 on %2? %3").arg(service, host, finding->cause),
                                          tr("Start")};
    m_confirmation->ask(this, question, [this, host, service](bool yes) {
        if (yes)
            emit startServiceRequested(host, service);
    });
}

void ProblemsView::setSnapshot(const ClusterSnapshot &snapshot, bool hasAccounting)
{
    m_monitored = true;
    m_slurmFindings = SnapshotRules::diagnose(snapshot, hasAccounting);
    m_slurmCheckedAt = QDateTime::currentDateTimeUtc();
    rebuild();
}

void ProblemsView::setHostReport(const HostChecks::Report &report)
{
    m_monitored = true;
    m_hostCheckRunning = false;
    m_hostCheckError.clear();
    m_hostFindings = HostRules::diagnose(report.evidence);
    m_controllers = report.controllers;
    m_hostsCheckedAt = QDateTime::currentDateTimeUtc();
    rebuild();
}

void ProblemsView::setHostCheckRunning(bool running, const QString &why)
{
    m_hostCheckRunning = running;
    m_hostCheckError = why;
    rebuild();
}

void ProblemsView::clearCluster(const QString &why)
{
    m_monitored = false;
    m_slurmFindings.clear();
    m_hostFindings.clear();
    m_controllers.clear();
    m_slurmCheckedAt = {};
    m_hostsCheckedAt = {};
    m_hostCheckRunning = false;
    m_hostCheckError.clear();
    if (!why.isEmpty())
        emptyState()->setExplanation(why);
    rebuild();
}

void ProblemsView::showEvent(QShowEvent *event)
{
    AreaView::showEvent(event);
    // The first look at a cluster's hosts comes by itself; later ones when asked.
    if (!m_hostsCheckedAt.isValid() && m_hostCheckError.isEmpty())
        checkHosts();
}

QString ProblemsView::summary() const
{
    return m_summary->text();
}

void ProblemsView::rebuild()
{
    m_findings = Diagnosis::combine(m_hostFindings, m_slurmFindings, m_controllers);
    m_model->setFindings(m_findings);
    showContent(m_monitored);
    m_checkHosts->setEnabled(m_monitored && !m_hostCheckRunning);
    const QString count = Diagnosis::countText(m_findings);
    QString text = count.isEmpty() ? tr("No problem found.") : tr("%1.").arg(count);
    if (m_slurmCheckedAt.isValid())
        text += u' ' + tr("Slurm checked at %1.")
                           .arg(m_slurmCheckedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (m_hostCheckRunning)
        text += u' ' + tr("Checking the hosts…");
    else if (!m_hostCheckError.isEmpty())
        text += u' ' + tr("The hosts could not be checked: %1").arg(m_hostCheckError);
    else if (m_hostsCheckedAt.isValid())
        text += u' ' + tr("Hosts checked at %1.")
                           .arg(m_hostsCheckedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    else
        text += u' ' + tr("Hosts not checked yet.");
    m_summary->setText(text);
    // The first problem's evidence and fix show without a click.
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    showDetails();
    emit problemsChanged(m_monitored ? count : QString());
}

void ProblemsView::showDetails()
{
    const Finding *finding = selectedFinding();
    m_fix->setEnabled(finding && finding->autoFix == Finding::AutoFix::StartService);
    if (!finding) {
        m_details->clear();
        m_detailsHtml.clear();
        return;
    }
    const QString where = finding->node.isEmpty() ? finding->host : finding->node;
    QString html = QStringLiteral("<h3>%1%2</h3><p>%3</p>")
                       .arg(finding->rule.toHtmlEscaped(),
                            where.isEmpty() ? QString() : QStringLiteral(" — ") + where.toHtmlEscaped(),
                            finding->cause.toHtmlEscaped());
    if (!finding->evidence.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(tr("Evidence"), finding->evidence.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(tr("Fix"), finding->fix.toHtmlEscaped());
    if (finding->autoFix == Finding::AutoFix::StartService)
        html += QStringLiteral("<p>%1</p>").arg(tr("Fix makes it (it asks first)."));
    else if (finding->autoFix == Finding::AutoFix::Replan)
        html +=
            QStringLiteral("<p>%1</p>").arg(tr("slurmdeck-cli doctor --fix makes this fix, after asking."));
    // Every poll comes here: the same problem keeps its text (and where it was scrolled to).
    if (html != m_detailsHtml) {
        m_detailsHtml = html;
        m_details->setHtml(html);
    }
}

} // namespace SlurmDeck::Ui
