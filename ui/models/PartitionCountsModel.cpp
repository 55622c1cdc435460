// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/PartitionCountsModel.h"

#include "models/StateStyle.h"

#include <QFont>

namespace SlurmDeck::Ui {

PartitionCountsModel::PartitionCountsModel(QObject *parent) : QAbstractTableModel(parent)
{}

void PartitionCountsModel::setCounts(const NodeStateCounts &all, const QList<NodeStateCounts> &partitions)
{
    QList<NodeStateCounts> rows{all};
    rows += partitions;
    if (rows == m_rows)
        return;
    if (rows.size() == m_rows.size()) {
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PartitionCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PartitionCountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionCountsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const NodeStateCounts &row = m_rows.at(index.row());
    const auto number = [&]() -> int {
        switch (index.column()) {
        case Nodes:
            return row.nodes;
        case Idle:
            return row.idle;
        case Allocated:
            return row.allocated;
        case Drained:
            return row.drained;
        case Down:
            return row.down;
        case Other:
            return row.other;
        default:
            return 0;
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Partition)
            return index.row() == 0 ? tr("All nodes") : row.partition;
        return number();
    case Qt::TextAlignmentRole:
        return index.column() == Partition ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.row() == 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        // Counts that need someone to act stand out; zero stays plain.
        if (index.column() == Down && row.down > 0)
            return StateStyle::foreground(StateStyle::Category::Bad);
        if (index.column() == Drained && row.drained > 0)
            return StateStyle::foreground(StateStyle::Category::Warning);
        return {};
    default:
        return {};
    }
}

QVariant PartitionCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Partition:
        return tr("Partition");
    case Nodes:
        return tr("Nodes");
    case Idle:
        return tr("Idle");
    case Allocated:
        return tr("Busy");
    case Drained:
        return tr("Drained");
    case Down:
        return tr("Down");
    case Other:
        return tr("Other");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
