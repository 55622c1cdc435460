// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/ClusterOverview.h"

#include <QAbstractTableModel>

namespace SlurmDeck::Ui {

// The Overview's node table: a row for every node ("All nodes"), then one per partition;
// columns count the nodes by state. A few rows, reset on each poll only when they changed.
class PartitionCountsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartitionCountsModel)

public:
    enum Column {
        Partition,
        Nodes,
        Idle,
        Allocated,
        Drained,
        Down,
        Other,
        ColumnCount
    };

    explicit PartitionCountsModel(QObject *parent = nullptr);

    void setCounts(const NodeStateCounts &all, const QList<NodeStateCounts> &partitions);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<NodeStateCounts> m_rows; // the first is every node
};

} // namespace SlurmDeck::Ui
