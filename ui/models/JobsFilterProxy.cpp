// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/JobsFilterProxy.h"

#include "models/JobsModel.h"
#include "models/ModelRoles.h"
#include "slurm/SnapshotChanges.h"

namespace SlurmDeck::Ui {

JobsFilterProxy::JobsFilterProxy(JobsModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_jobs(source)
{
    setSourceModel(source);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void JobsFilterProxy::setUserFilter(const QString &user)
{
    if (user == m_user)
        return;
    m_user = user;
    invalidateRowsFilter();
}

void JobsFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateRowsFilter();
}

void JobsFilterProxy::setPartitionFilter(const QString &partition)
{
    if (partition == m_partition)
        return;
    m_partition = partition;
    invalidateRowsFilter();
}

void JobsFilterProxy::setFilterText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool JobsFilterProxy::matchesState(const QString &state, StateFilter filter)
{
    const auto is = [&state](QLatin1StringView name) {
        return state.compare(name, Qt::CaseInsensitive) == 0;
    };
    switch (filter) {
    case StateFilter::All:
        return true;
    case StateFilter::Pending:
        return is(QLatin1StringView("PENDING")) || is(QLatin1StringView("REQUEUED"));
    case StateFilter::Running:
        return is(QLatin1StringView("RUNNING")) || is(QLatin1StringView("COMPLETING")) ||
               is(QLatin1StringView("CONFIGURING")) || is(QLatin1StringView("SUSPENDED"));
    case StateFilter::Finished:
        return is(QLatin1StringView("COMPLETED"));
    case StateFilter::Failed:
        return SnapshotChanges::isFinalJobState(state) && !is(QLatin1StringView("COMPLETED"));
    }
    return true;
}

bool JobsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const SlurmJob &job = m_jobs->job(sourceRow);
    if (!m_user.isEmpty() && job.user != m_user)
        return false;
    if (!m_partition.isEmpty() && job.partition != m_partition &&
        !job.partition.split(u',').contains(m_partition)) // pending in several partitions: "a,b"
        return false;
    if (!matchesState(job.state, m_state))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &text) { return text.contains(m_text, Qt::CaseInsensitive); };
    return has(job.id) || has(job.name) || has(job.user) || has(job.nodeList) || has(job.reason) ||
           has(job.account);
}

bool JobsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The queue is sorted by id until the user picks another column: compare the id keys
    // directly, the same order SortRole gives, without two data() calls and QVariants per
    // comparison (sorting 10,000 jobs makes about 140,000 of them on the first fill).
    const int idColumn = m_jobs->columnOf(JobsModel::Field::Id);
    if (sortRole() == SortRole && idColumn >= 0 && left.column() == idColumn && right.column() == idColumn &&
        left.model() == m_jobs && right.model() == m_jobs)
        return JobsModel::idSortKey(m_jobs->job(left.row())) < JobsModel::idSortKey(m_jobs->job(right.row()));
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace SlurmDeck::Ui
