// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ClusterHostsModel.h"

#include "inventory/ClusterDocument.h"
#include "models/ModelRoles.h"

#include <QFont>

namespace SlurmDeck::Ui {

ClusterHostsModel::ClusterHostsModel(ClusterDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &ClusterDocument::changed, this, &ClusterHostsModel::refresh);
    refresh();
}

int ClusterHostsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hosts.size());
}

int ClusterHostsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ClusterHostsModel::rowOf(const QString &hostName) const
{
    for (qsizetype row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).name == hostName)
            return static_cast<int>(row);
    }
    return -1;
}

void ClusterHostsModel::refresh()
{
    const QList<Host> &wanted = m_document->hosts();
    const auto indexIn = [](const QList<Host> &hosts, const QString &name, qsizetype from) -> qsizetype {
        for (qsizetype i = from; i < hosts.size(); ++i) {
            if (hosts.at(i).name == name)
                return i;
        }
        return -1;
    };

    // Rows whose host is gone, bottom up so the remaining indexes stay valid.
    for (qsizetype row = m_hosts.size() - 1; row >= 0; --row) {
        if (indexIn(wanted, m_hosts.at(row).name, 0) < 0) {
            beginRemoveRows({}, static_cast<int>(row), static_cast<int>(row));
            m_hosts.removeAt(row);
            endRemoveRows();
        }
    }
    // Then walk the wanted order: keep, move up, or insert.
    for (qsizetype row = 0; row < wanted.size(); ++row) {
        const Host &host = wanted.at(row);
        if (row < m_hosts.size() && m_hosts.at(row).name == host.name) {
            if (!(m_hosts.at(row) == host)) {
                m_hosts[row] = host;
                emit dataChanged(index(static_cast<int>(row), 0),
                                 index(static_cast<int>(row), ColumnCount - 1));
            }
            continue;
        }
        const qsizetype existing = indexIn(m_hosts, host.name, row + 1);
        if (existing >= 0) {
            beginMoveRows({}, static_cast<int>(existing), static_cast<int>(existing), {},
                          static_cast<int>(row));
            m_hosts.move(existing, row);
            endMoveRows();
            if (!(m_hosts.at(row) == host)) {
                m_hosts[row] = host;
                emit dataChanged(index(static_cast<int>(row), 0),
                                 index(static_cast<int>(row), ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, static_cast<int>(row), static_cast<int>(row));
            m_hosts.insert(row, host);
            endInsertRows();
        }
    }
}

QVariant ClusterHostsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Host &host = m_hosts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(host, index.column());
    case SortRole: {
        const QVariant key = sortKey(host, index.column());
        return key.isValid() ? key : display(host, index.column());
    }
    case Qt::ToolTipRole:
        if (index.column() == PlatformColumn && host.platformOverride != Platform::Unknown) {
            return tr("Set by hand; detected: %1").arg(platformDisplayName(host.detected.platform));
        }
        if (index.column() == GpusColumn && !host.detected.gpuModel.isEmpty())
            return host.detected.gpuModel;
        return {};
    case Qt::FontRole:
        if (index.column() == NameColumn && host.hasRole(HostRole::Controller)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CpusColumn || index.column() == MemoryColumn || index.column() == GpusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString ClusterHostsModel::formatMemory(qint64 mebibytes)
{
    if (mebibytes < 1024)
        return tr("%1 MiB").arg(mebibytes);
    return tr("%1 GiB").arg(static_cast<double>(mebibytes) / 1024.0, 0, 'f', 1);
}

QVariant ClusterHostsModel::display(const Host &host, int column) const
{
    switch (column) {
    case NameColumn:
        return host.name;
    case AddressColumn:
        return host.address;
    case LoginColumn: {
        QString login = host.user.isEmpty() ? tr("(ssh config)") : host.user;
        if (host.port != Host::defaultSshPort)
            login = tr("%1, port %2").arg(login).arg(host.port);
        return login;
    }
    case PlatformColumn: {
        const Platform platform = host.effectivePlatform();
        const QString name = platform == Platform::Unknown ? tr("Unknown") : platformDisplayName(platform);
        return host.platformOverride != Platform::Unknown ? tr("%1 (set)").arg(name) : name;
    }
    case RolesColumn:
        return hostRoleIds(host.roles).join(QStringLiteral(", "));
    case ArchColumn:
        return host.detected.arch;
    case CpusColumn:
        return host.detected.cpus ? QVariant(*host.detected.cpus) : QVariant();
    case MemoryColumn:
        return host.detected.memoryMib ? QVariant(formatMemory(*host.detected.memoryMib)) : QVariant();
    case GpusColumn:
        return host.detected.gpus ? QVariant(*host.detected.gpus) : QVariant();
    default:
        return {};
    }
}

QVariant ClusterHostsModel::sortKey(const Host &host, int column)
{
    switch (column) {
    case CpusColumn:
        return host.detected.cpus.value_or(-1);
    case MemoryColumn:
        return host.detected.memoryMib.value_or(-1);
    case GpusColumn:
        return host.detected.gpus.value_or(-1);
    case RolesColumn:
        return static_cast<int>(host.roles.toInt());
    default:
        return {};
    }
}

QVariant ClusterHostsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddressColumn:
        return tr("Address");
    case LoginColumn:
        return tr("User@port");
    case PlatformColumn:
        return tr("Platform");
    case RolesColumn:
        return tr("Roles");
    case ArchColumn:
        return tr("Arch");
    case CpusColumn:
        return tr("CPUs");
    case MemoryColumn:
        return tr("Memory");
    case GpusColumn:
        return tr("GPUs");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
