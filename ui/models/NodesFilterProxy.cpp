// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/NodesFilterProxy.h"

#include "models/ModelRoles.h"
#include "models/NodesModel.h"
#include "models/StateStyle.h"
#include "slurm/SnapshotChanges.h"

namespace SlurmDeck::Ui {

NodesFilterProxy::NodesFilterProxy(NodesModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_nodes(source)
{
    setSourceModel(source);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void NodesFilterProxy::setFilterText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void NodesFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateRowsFilter();
}

bool NodesFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const SlurmNode &node = m_nodes->node(sourceRow);
    const bool down = SnapshotChanges::isNodeDown(node) || node.hasFlag(QStringLiteral("NOT_RESPONDING"));
    const bool drained = SnapshotChanges::isNodeDrained(node);
    switch (m_state) {
    case StateFilter::All:
        break;
    case StateFilter::Idle:
        if (StateStyle::nodeCategory(node) != StateStyle::Category::Good)
            return false;
        break;
    case StateFilter::Allocated:
        if (StateStyle::nodeCategory(node) != StateStyle::Category::Busy)
            return false;
        break;
    case StateFilter::Drained:
        if (!drained)
            return false;
        break;
    case StateFilter::Down:
        if (!down)
            return false;
        break;
    case StateFilter::Problems:
        if (!down && !drained)
            return false;
        break;
    }
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &text) { return text.contains(m_text, Qt::CaseInsensitive); };
    return has(node.name) || has(node.stateText()) || has(node.reason) || has(node.address) ||
           has(node.partitions.join(u' '));
}

} // namespace SlurmDeck::Ui
