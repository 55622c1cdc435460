// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ServicesModel.h"

#include "models/ModelRoles.h"
#include "models/RowDiff.h"
#include "models/StateStyle.h"

namespace SlurmDeck::Ui {

ServicesModel::ServicesModel(QObject *parent) : QAbstractTableModel(parent)
{}

void ServicesModel::apply(const QList<Row> &wanted)
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
        m_rows, wanted, [](const Row &row) { return std::make_pair(row.host, row.service); },
        [](Row &current, const Row &target) {
            if (current == target)
                return false;
            current = target;
            return true;
        },
        hooks);
}

void ServicesModel::setPlannedServices(const QList<std::pair<QString, QStringList>> &hostsAndServices)
{
    QList<Row> wanted;
    for (const auto &[host, services] : hostsAndServices) {
        for (const QString &service : services) {
            const int existing = rowOf(host, service);
            wanted << (existing >= 0 ? m_rows.at(existing) : Row{host, service, std::nullopt, {}, {}});
        }
    }
    apply(wanted);
}

void ServicesModel::setHostServices(const HostServices &report)
{
    // The host's new rows replace its old ones in place; other hosts keep theirs.
    QList<Row> hostRows;
    if (report.error) {
        for (const Row &row : std::as_const(m_rows)) {
            if (row.host == report.host)
                hostRows << Row{row.host, row.service, std::nullopt, report.error->message, {}};
        }
    } else {
        for (const ServiceStatus &status : report.services)
            hostRows << Row{report.host, status.service, status, {}, {}};
    }
    QList<Row> wanted;
    bool placed = false;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.host != report.host) {
            wanted << row;
        } else if (!placed) {
            wanted << hostRows;
            placed = true;
        }
    }
    if (!placed)
        wanted << hostRows;
    apply(wanted);
}

void ServicesModel::setPending(const QString &host, const QStringList &services, const QString &text)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.host != host || (!services.isEmpty() && !services.contains(row.service)))
            continue;
        if (row.pending != text) {
            row.pending = text;
            emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
        }
    }
}

int ServicesModel::rowOf(const QString &host, const QString &service) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).host == host && m_rows.at(i).service == service)
            return static_cast<int>(i);
    }
    return -1;
}

QStringList ServicesModel::servicesOf(const QString &host) const
{
    QStringList services;
    for (const Row &row : m_rows) {
        if (row.host == host && (!row.status || row.status->planned))
            services << row.service;
    }
    return services;
}

QString ServicesModel::ageText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    if (seconds < 60)
        return tr("%n s ago", nullptr, static_cast<int>(seconds));
    if (seconds < 3600)
        return tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
    return tr("%n days ago", nullptr, static_cast<int>(seconds / 86400));
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &entry = m_rows.at(index.row());
    const std::optional<ServiceStatus> &status = entry.status;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return entry.host;
        case ServiceColumn:
            return entry.service;
        case StateColumn:
            if (!entry.pending.isEmpty())
                return entry.pending;
            if (!status)
                return entry.problem.isEmpty() ? tr("unknown") : tr("unreachable");
            return stateText(status->state);
        case SinceColumn:
            return status && status->since.isValid()
                       ? tr("%1 (%2)").arg(
                             status->since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             ageText(status->since, QDateTime::currentDateTimeUtc()))
                       : QString();
        case DetailsColumn: {
            if (!status)
                return entry.problem.section(u'\n', 0, 0);
            QStringList details;
            if (status->state == ServiceState::Exited)
                details << tr("exit status %1").arg(status->exitCode);
            if (!status->health.isEmpty())
                details << status->health;
            if (!status->planned)
                details << tr("not in the plan: a deploy removes it");
            return details.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return status ? static_cast<int>(status->state) : -1;
        case SinceColumn:
            return status ? status->since : QDateTime();
        default:
            return data(index, Qt::DisplayRole);
        }
    case HostRole:
        return entry.host;
    case ServiceRole:
        return entry.service;
    case Qt::ToolTipRole:
        return index.column() == DetailsColumn && !entry.problem.isEmpty() ? QVariant(entry.problem)
                                                                           : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != StateColumn || !entry.pending.isEmpty())
            return {};
        if (!status)
            return entry.problem.isEmpty() ? QVariant() : StateStyle::foreground(StateStyle::Category::Bad);
        if (status->state == ServiceState::Running)
            return StateStyle::foreground(StateStyle::Category::Good);
        if (status->state == ServiceState::Restarting ||
            (status->state == ServiceState::Exited && status->exitCode != 0))
            return StateStyle::foreground(StateStyle::Category::Bad);
        return {};
    default:
        return {};
    }
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case ServiceColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("Since");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
