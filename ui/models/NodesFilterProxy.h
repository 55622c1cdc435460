// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace SlurmDeck::Ui {

class NodesModel;

// Sorts nodes by SortRole and filters them by free text (name, state, partitions, reason)
// and by a state group.
class NodesFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesFilterProxy)

public:
    enum class StateFilter {
        All,
        Idle,
        Allocated, // allocated or mixed
        Drained,   // draining or drained
        Down,      // down, failed or not responding
        Problems,  // drained or down
    };

    explicit NodesFilterProxy(NodesModel *source, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    void setStateFilter(StateFilter filter);
    [[nodiscard]] StateFilter stateFilter() const { return m_state; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    NodesModel *m_nodes;
    QString m_text;
    StateFilter m_state = StateFilter::All;
};

} // namespace SlurmDeck::Ui
