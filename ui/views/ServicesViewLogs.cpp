// SPDX-License-Identifier: GPL-3.0-or-later
// The Services view's log pane: the last lines of a service, and following them.
#include "views/ServicesView.h"

#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "GuiSecretAsker.h"
#include "MessageBoxConfirmation.h"
#include "common/Executor.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterDocument.h"
#include "models/ModelRoles.h"
#include "models/ServicesModel.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/ServiceLogPane.h"

#include <QAction>
#include <QFutureWatcher>
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
#include <QtConcurrent>

namespace SlurmDeck::Ui {

void ServicesView::showLogs()
{
    const auto [host, service] = currentService();
    if (!m_control || host.isEmpty())
        return;
    setFollowing(false);
    m_logTarget = {host, service};
    m_logs->setTitle(tr("%1 on %2: last %3 lines").arg(service, host).arg(m_logs->tailLines()));
    m_control->readLogs(host, service, m_logs->tailLines());
}

void ServicesView::onLogsRead(const ServiceLogs &logs)
{
    if (std::make_pair(logs.host, logs.service) != m_logTarget || isFollowing())
        return;
    if (logs.error) {
        m_logs->setLines({});
        showNotice(tr("%1: %2").arg(logs.host, logs.error->toString()), true);
    } else {
        m_logs->setLines(logs.lines);
    }
    emit logsShown();
}

void ServicesView::setFollowing(bool follow)
{
    if (m_followId != 0) {
        if (m_control)
            m_control->stopFollowing(m_followId);
        m_followId = 0;
        m_logs->setTitle(tr("%1 on %2: stopped following").arg(m_logTarget.second, m_logTarget.first));
    }
    const auto [host, service] = currentService();
    if (follow && m_control && !host.isEmpty()) {
        m_logTarget = {host, service};
        m_logs->clear();
        m_logs->setTitle(tr("%1 on %2: following (last %3 lines, then new ones)")
                             .arg(service, host)
                             .arg(m_logs->tailLines()));
        m_followId = m_control->followLogs(host, service, m_logs->tailLines());
    }
    const QSignalBlocker blocker(m_followAction);
    m_followAction->setChecked(m_followId != 0);
    updateState();
}

} // namespace SlurmDeck::Ui
