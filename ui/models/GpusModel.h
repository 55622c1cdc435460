// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/GpuUsage.h"
#include "models/KeyedTableModel.h"

#include <QSortFilterProxyModel>

namespace SlurmDeck::Ui {

// One row per GPU of the cluster's hosts, keyed by host and UUID (GpuUsage::key), refreshed
// from each GPU snapshot by KeyedTableModel's diff. Utilisation and memory also give a
// percentage (PercentRole) that ProgressBarDelegate draws as a bar. Values a GPU does not report
// show as "—" with a tooltip, never as 0.
class GpusModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpusModel)

public:
    enum Column {
        HostColumn,
        IndexColumn,
        ModelColumn,
        UtilizationColumn,
        MemoryColumn,
        TemperatureColumn,
        PowerColumn,
        JobColumn,
        UserColumn,
        ColumnCount
    };
    // 0..100 (int) for the utilisation and memory columns, invalid when not reported.
    static constexpr int PercentRole = Qt::UserRole + 20;

    explicit GpusModel(QObject *parent = nullptr);
    ~GpusModel() override;

    void setGpus(const QList<GpuUsage> &gpus);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const GpuUsage &gpu(int row) const { return *m_gpus.at(static_cast<size_t>(row)); }
    [[nodiscard]] int rowOf(const QString &key) const { return rowOfKey(key); }
    // The host shown: the Slurm node name when known, else what the source reported.
    [[nodiscard]] static QString hostOf(const GpuUsage &gpu);

private:
    [[nodiscard]] QVariant display(const GpuUsage &gpu, int column) const;
    [[nodiscard]] static QVariant sortKey(const GpuUsage &gpu, int column);
    [[nodiscard]] QVariant toolTip(const GpuUsage &gpu, int column) const;
    [[nodiscard]] static ColumnMask changedColumns(const GpuUsage &before, const GpuUsage &after);

    std::vector<std::unique_ptr<GpuUsage>> m_gpus;
};

// Sorts by SortRole; filters by free text over host, model, job and user.
class GpusFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpusFilterProxy)

public:
    explicit GpusFilterProxy(GpusModel *source, QObject *parent = nullptr);
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    GpusModel *m_gpus;
    QString m_text;
};

} // namespace SlurmDeck::Ui
