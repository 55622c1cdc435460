// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace SlurmDeck::Ui {

class JobsModel;

// Sorts jobs by SortRole and filters them by user, state group, partition and free text
// (id, name, user, nodes, reason). Empty filters let everything through.
class JobsFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsFilterProxy)

public:
    enum class StateFilter {
        All,
        Pending,
        Running,  // running, completing, configuring, suspended
        Finished, // completed
        Failed,   // failed, timed out, cancelled, out of memory, ...
    };

    explicit JobsFilterProxy(JobsModel *source, QObject *parent = nullptr);

    void setUserFilter(const QString &user);
    [[nodiscard]] QString userFilter() const { return m_user; }
    void setStateFilter(StateFilter filter);
    [[nodiscard]] StateFilter stateFilter() const { return m_state; }
    void setPartitionFilter(const QString &partition);
    [[nodiscard]] QString partitionFilter() const { return m_partition; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }

    [[nodiscard]] static bool matchesState(const QString &state, StateFilter filter);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    JobsModel *m_jobs;
    QString m_user;
    StateFilter m_state = StateFilter::All;
    QString m_partition;
    QString m_text;
};

} // namespace SlurmDeck::Ui
