// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/KeyedTableModel.h"
#include "slurm/SlurmTypes.h"

namespace SlurmDeck::Ui {

// The cluster's Slurm nodes, one row each, keyed by node name; refreshed from each
// snapshot by KeyedTableModel's diff. Rows are tinted by state (StateStyle).
class NodesModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesModel)

public:
    enum Column {
        NameColumn,
        StateColumn,
        CpusColumn,
        MemoryColumn,
        GpusColumn,
        LoadColumn,
        PartitionsColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit NodesModel(QObject *parent = nullptr);
    ~NodesModel() override;

    void setNodes(const QList<SlurmNode> &nodes);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const SlurmNode &node(int row) const { return *m_nodes.at(static_cast<size_t>(row)); }
    [[nodiscard]] int rowOf(const QString &nodeName) const { return rowOfKey(nodeName); }

    // "12.0 / 64.0 GiB", "512 / 1000 MiB"
    [[nodiscard]] static QString formatMemoryPair(qint64 usedMb, qint64 totalMb);
    // A sentence on what the state means ("Drained: takes no new jobs…").
    [[nodiscard]] static QString explainState(const SlurmNode &node);

private:
    [[nodiscard]] QVariant display(const SlurmNode &node, int column) const;
    [[nodiscard]] static QVariant sortKey(const SlurmNode &node, int column);
    [[nodiscard]] QVariant toolTip(const SlurmNode &node, int column) const;
    [[nodiscard]] static ColumnMask changedColumns(const SlurmNode &before, const SlurmNode &after);

    std::vector<std::unique_ptr<SlurmNode>> m_nodes;
    bool m_darkPalette;
};

} // namespace SlurmDeck::Ui
