// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/KeyedTableModel.h"
#include "slurm/SlurmTypes.h"

namespace SlurmDeck::Ui {

// Slurm jobs, one row each, keyed by the id Slurm shows ("42", "42_3"); refreshed by
// KeyedTableModel's diff. The same model shows the queue (squeue) and the accounting
// history (sacct) with the columns that suit each.
class JobsModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsModel)

public:
    enum class Kind {
        Queue,
        History
    };
    enum class Field {
        Id,
        Name,
        User,
        Partition,
        State,
        Time, // used / limit
        Start,
        End,
        Elapsed,
        Nodes,
        Cpus,
        Gpus,
        Reason,
        ExitCode,
    };

    explicit JobsModel(Kind kind, QObject *parent = nullptr);
    ~JobsModel() override;

    void setJobs(const QList<SlurmJob> &jobs);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const SlurmJob &job(int row) const { return *m_jobs.at(static_cast<size_t>(row)); }
    [[nodiscard]] int rowOf(const QString &jobId) const { return rowOfKey(jobId); }
    // The column showing `field`, or -1 when this kind has none.
    [[nodiscard]] int columnOf(Field field) const { return static_cast<int>(m_fields.indexOf(field)); }
    [[nodiscard]] Field fieldAt(int column) const { return m_fields.at(column); }

    // Slurm's own time format: "45:07", "3:02:01", "2-04:00:00".
    [[nodiscard]] static QString formatDuration(qint64 seconds);
    // The Id column's sort key (SortRole): the job id, an array task after its job.
    [[nodiscard]] static double idSortKey(const SlurmJob &job);

private:
    [[nodiscard]] QVariant display(const SlurmJob &job, Field field) const;
    [[nodiscard]] static QVariant sortKey(const SlurmJob &job, Field field);
    [[nodiscard]] QVariant toolTip(const SlurmJob &job, Field field) const;
    [[nodiscard]] ColumnMask changedColumns(const SlurmJob &before, const SlurmJob &after) const;

    Kind m_kind;
    QList<Field> m_fields;
    std::vector<std::unique_ptr<SlurmJob>> m_jobs;
    bool m_darkPalette;
};

} // namespace SlurmDeck::Ui
