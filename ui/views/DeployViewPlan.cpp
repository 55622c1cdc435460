// SPDX-License-Identifier: GPL-3.0-or-later
// The Deploy view's plan page: what to do after a failed plan, the plan tree and its notes,
// a file's diff against the host, and the credentials the host connections use.
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
#include "widgets/PlanPreview.h"
#include "widgets/ProgressBarDelegate.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

QString DeployView::whatToDo(const Error &error)
{
    switch (error.code) {
    case Error::Code::Authentication:
        return tr("Unlock your keychain (log in to the desktop session's keyring) so SlurmDeck can read the "
                  "cluster's munge key and database password, then press Plan again.");
    case Error::Code::Unsupported:
        return tr("No keychain answers in this session (GNOME Keyring, KWallet or the macOS Keychain). Start "
                  "one, then press Plan again.");
    case Error::Code::InvalidArgument:
    case Error::Code::Parse:
        return tr("Fix the cluster in %1: roles, partitions and host names must agree. Then "
                  "press Plan again.")
            .arg(areaWithShortcut(Area::Hosts));
    case Error::Code::NotFound:
    case Error::Code::Io:
        return tr("Check that the file or directory named above exists and can be read, then press Plan "
                  "again.");
    default:
        return tr("Fix the problem above, then press Plan again.");
    }
}

void DeployView::showPlan(const ClusterPlan &plan)
{
    const bool first = m_planModel->rowCount() == 0;
    m_planModel->setPlan(plan);
    if (first)
        m_planTree->expandAll();
    m_notes->clear();
    m_notes->addItems(plan.notes);
    m_notes->setVisible(!plan.notes.isEmpty());
    if (!isDeploying()) {
        QStringList hosts;
        for (const HostPlan &host : plan.hosts)
            hosts << host.hostName;
        m_hostsModel->setHosts(hosts);
    }
    if (!m_planTree->currentIndex().isValid() && m_planProxy->rowCount() > 0)
        m_planTree->setCurrentIndex(m_planProxy->index(0, 0));
    else
        showSelected();
}

void DeployView::showSelected()
{
    const QModelIndex index = m_planProxy->mapToSource(m_planTree->currentIndex());
    const HostPlan *host = m_planModel->host(index);
    if (!host) {
        m_preview->clear();
        return;
    }
    if (const PlanTreeModel::File *file = m_planModel->file(index))
        m_preview->showFile(host->hostName, *file);
    else
        m_preview->showHost(*host, m_planModel->files(index));
}

void DeployView::requestDiff(const QString &hostName, const QString &path)
{
    if (!m_prepared || !m_diffQueue)
        return;
    const HostPlan *host = m_diffQueue->hostPlan(hostName);
    const RenderedFile *planned = host ? host->file(path) : nullptr;
    if (!planned)
        return;
    const RenderedFile file = *planned;
    const int request = ++m_diffRequest;
    m_preview->showDiffPending(hostName, path);
    // Off this thread, over the host's connection (made on first use).
    m_diffQueue->run<FileDiff>(
        hostName, this, [file](HostDeployer &deployer) { return diffHostFile(deployer, file); },
        [this, request, hostName, path](Result<FileDiff> diff) {
            if (request != m_diffRequest)
                return;
            if (diff)
                m_preview->showDiff(hostName, path, *diff);
            else
                m_preview->showDiffError(hostName, path, diff.error().toString());
            emit diffShown();
        });
}

} // namespace SlurmDeck::Ui
