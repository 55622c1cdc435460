// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/VerificationChecksModel.h"

#include "models/ModelRoles.h"
#include "models/RowDiff.h"
#include "models/StateStyle.h"

#include <QFont>

namespace SlurmDeck::Ui {

VerificationChecksModel::VerificationChecksModel(QObject *parent) : QAbstractTableModel(parent)
{}

void VerificationChecksModel::setChecks(const QList<VerificationCheck> &checks)
{
    RowDiffHooks hooks;
    hooks.beginRemove = [this](int row) { beginRemoveRows({}, row, row); };
    hooks.endRemove = [this] { endRemoveRows(); };
    hooks.beginInsert = [this](int row) { beginInsertRows({}, row, row); };
    hooks.endInsert = [this] { endInsertRows(); };
    hooks.beginMove = [this](int from, int to) { beginMoveRows({}, from, from, {}, to); };
    hooks.endMove = [this] { endMoveRows(); };
    hooks.changed = [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); };
    applyRowDiff(
        m_checks, checks,
        [](const VerificationCheck &check) -> QString { return check.host + u'\n' + check.name; },
        [](VerificationCheck &current, const VerificationCheck &target) {
            if (current.passed == target.passed && current.detail == target.detail)
                return false;
            current = target;
            return true;
        },
        hooks);
}

int VerificationChecksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int VerificationChecksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationChecksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VerificationCheck &check = m_checks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResultColumn:
            return check.passed ? tr("ok") : tr("FAILED");
        case CheckColumn:
            return check.name;
        case HostColumn:
            return check.host;
        case DetailColumn:
            return check.detail.section(u'\n', 0, 0);
        default:
            return {};
        }
    case SortRole:
        return index.column() == ResultColumn ? QVariant(check.passed ? 1 : 0) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        return index.column() == DetailColumn && !check.detail.isEmpty() ? QVariant(check.detail)
                                                                         : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn)
            return StateStyle::foreground(check.passed ? StateStyle::Category::Good
                                                       : StateStyle::Category::Bad);
        return {};
    case Qt::FontRole:
        if (index.column() == ResultColumn && !check.passed) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant VerificationChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case CheckColumn:
        return tr("Check");
    case HostColumn:
        return tr("Host");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
