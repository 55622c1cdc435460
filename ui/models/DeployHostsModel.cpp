// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DeployHostsModel.h"

#include "models/ModelRoles.h"
#include "models/RowDiff.h"
#include "models/StateStyle.h"

#include <QFont>
#include <QFontDatabase>

namespace SlurmDeck::Ui {

DeployHostsModel::DeployHostsModel(QObject *parent) : QAbstractTableModel(parent)
{}

int DeployHostsModel::percentFor(DeployPhase phase, int previous)
{
    switch (phase) {
    case DeployPhase::Pending:
        return 0;
    case DeployPhase::Connecting:
        return 5;
    case DeployPhase::Preflight:
        return 15;
    case DeployPhase::Files:
        return 30;
    case DeployPhase::Images:
        return 50;
    case DeployPhase::Starting:
        return 75;
    case DeployPhase::Verifying:
        return 90;
    case DeployPhase::Done:
        return 100;
    case DeployPhase::Failed:
    case DeployPhase::Cancelled:
        return previous;
    }
    return previous;
}

void DeployHostsModel::setHosts(const QStringList &hosts)
{
    QList<Row> wanted;
    for (const QString &host : hosts)
        wanted.append(Row{host, DeployPhase::Pending, 0, {}, {}});
    RowDiffHooks hooks;
    hooks.beginRemove = [this](int row) { beginRemoveRows({}, row, row); };
    hooks.endRemove = [this] { endRemoveRows(); };
    hooks.beginInsert = [this](int row) { beginInsertRows({}, row, row); };
    hooks.endInsert = [this] { endInsertRows(); };
    hooks.beginMove = [this](int from, int to) { beginMoveRows({}, from, from, {}, to); };
    hooks.endMove = [this] { endMoveRows(); };
    hooks.changed = [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); };
    applyRowDiff(
        m_rows, wanted, [](const Row &row) { return row.host; },
        [](Row &current, const Row &target) {
            if (current == target)
                return false;
            current = target;
            return true;
        },
        hooks);
}

void DeployHostsModel::setPhase(const QString &host, DeployPhase phase, const QString &message)
{
    int row = rowOf(host);
    if (row < 0) {
        row = static_cast<int>(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(Row{host, DeployPhase::Pending, 0, {}, {}});
        endInsertRows();
    }
    Row &entry = m_rows[row];
    const Row before = entry;
    entry.phase = phase;
    entry.percent = percentFor(phase, entry.percent);
    if (!message.isEmpty())
        entry.message = message;
    if (!(entry == before))
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DeployHostsModel::applyResults(const QList<HostDeployResult> &results)
{
    for (const HostDeployResult &result : results) {
        // A service that did not stay up: its last log lines go into the tooltip.
        setPhase(result.host, result.phase,
                 result.lastLogLines.isEmpty() ? result.message
                                               : result.message + u'\n' + result.lastLogLines);
        const int row = rowOf(result.host);
        if (m_rows.at(row).mungeKeySha256 != result.mungeKeySha256) {
            m_rows[row].mungeKeySha256 = result.mungeKeySha256;
            emit dataChanged(index(row, MungeKeyColumn), index(row, MungeKeyColumn));
        }
    }
}

int DeployHostsModel::rowOf(const QString &host) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).host == host)
            return static_cast<int>(row);
    }
    return -1;
}

int DeployHostsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeployHostsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeployHostsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return entry.host;
        case PhaseColumn:
            return phaseText(entry.phase);
        case ProgressColumn:
            return tr("%1 %").arg(entry.percent);
        case MungeKeyColumn:
            return entry.mungeKeySha256.isEmpty() ? QString()
                                                  : entry.mungeKeySha256.left(shortHashLength) + u'…';
        case MessageColumn:
            // One line in the table; the whole message is the tooltip.
            return entry.message.section(u'\n', 0, 0);
        default:
            return {};
        }
    case ProgressRole:
        return entry.percent;
    case SortRole:
        switch (index.column()) {
        case PhaseColumn:
            return static_cast<int>(entry.phase);
        case ProgressColumn:
            return entry.percent;
        case MungeKeyColumn:
            return entry.mungeKeySha256;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == MungeKeyColumn && !entry.mungeKeySha256.isEmpty()) {
            return tr("SHA-256 of the munge key on %1:\n%2\nEvery host of the cluster must show the same.")
                .arg(entry.host, entry.mungeKeySha256);
        }
        return index.column() == MessageColumn && !entry.message.isEmpty() ? QVariant(entry.message)
                                                                           : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == PhaseColumn && entry.phase == DeployPhase::Failed)
            return StateStyle::foreground(StateStyle::Category::Bad);
        if (index.column() == PhaseColumn && entry.phase == DeployPhase::Done)
            return StateStyle::foreground(StateStyle::Category::Good);
        return {};
    case Qt::FontRole:
        if (index.column() == MungeKeyColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (index.column() == PhaseColumn && entry.phase == DeployPhase::Failed) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant DeployHostsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case PhaseColumn:
        return tr("Phase");
    case ProgressColumn:
        return tr("Progress");
    case MungeKeyColumn:
        return tr("Munge key SHA-256");
    case MessageColumn:
        return tr("Last message");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
