// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DiscoveredHostsModel.h"

#include "models/ClusterHostsModel.h"
#include "models/ModelRoles.h"
#include "models/StateStyle.h"

namespace SlurmDeck::Ui {

DiscoveredHostsModel::DiscoveredHostsModel(QObject *parent) : QAbstractTableModel(parent)
{}

int DiscoveredHostsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hosts.size());
}

int DiscoveredHostsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void DiscoveredHostsModel::upsert(const DiscoveredHost &host)
{
    for (qsizetype row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).target == host.target) {
            m_hosts[row] = host;
            emit dataChanged(index(static_cast<int>(row), 0), index(static_cast<int>(row), ColumnCount - 1));
            return;
        }
    }
    const int row = static_cast<int>(m_hosts.size());
    beginInsertRows({}, row, row);
    m_hosts.append(host);
    endInsertRows();
}

void DiscoveredHostsModel::clear()
{
    if (m_hosts.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_hosts.size()) - 1);
    m_hosts.clear();
    endRemoveRows();
}

QVariant DiscoveredHostsModel::statusColour(DiscoveredHost::Status status)
{
    switch (status) {
    case DiscoveredHost::Status::Fingerprinted:
        return StateStyle::foreground(StateStyle::Category::Good);
    case DiscoveredHost::Status::HostKeyUnknown:
        return StateStyle::foreground(StateStyle::Category::Warning); // the user can still decide
    case DiscoveredHost::Status::Cancelled:
        return {};
    default:
        return StateStyle::foreground(StateStyle::Category::Bad);
    }
}

QVariant DiscoveredHostsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiscoveredHost &host = m_hosts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(host, index.column());
    case SortRole: {
        const QVariant key = sortKey(host, index.column());
        return key.isValid() ? key : display(host, index.column());
    }
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? statusColour(host.status) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == MessageColumn || index.column() == StatusColumn ? QVariant(host.message)
                                                                                 : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == CpusColumn || index.column() == MemoryColumn || index.column() == GpusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DiscoveredHostsModel::display(const DiscoveredHost &host, int column)
{
    if (column == TargetColumn)
        return host.target;
    if (column == AddressColumn)
        return host.address;
    if (column == UserColumn)
        return host.user;
    if (column == StatusColumn)
        return statusText(host.status);
    if (column == MessageColumn)
        return host.message;
    if (!host.fingerprint)
        return {};
    const HostFingerprint &fp = *host.fingerprint;
    switch (column) {
    case PlatformColumn:
        return fp.osPrettyName.isEmpty()
                   ? platformDisplayName(fp.platform)
                   : tr("%1 / %2").arg(platformDisplayName(fp.platform), fp.osPrettyName);
    case ArchColumn:
        return fp.architecture;
    case CpusColumn:
        return fp.logicalCpus ? QVariant(*fp.logicalCpus) : QVariant();
    case MemoryColumn:
        return fp.memoryMiB() ? QVariant(ClusterHostsModel::formatMemory(*fp.memoryMiB())) : QVariant();
    case EngineColumn:
        if (!fp.engineCpus || (fp.engineCpus == fp.logicalCpus && fp.engineMemoryMiB() >= fp.memoryMiB()))
            return {};
        return tr("%1 CPUs, %2")
            .arg(*fp.engineCpus)
            .arg(ClusterHostsModel::formatMemory(fp.engineMemoryMiB().value_or(0)));
    case GpusColumn:
        return static_cast<int>(fp.gpus.size());
    case DockerColumn:
        if (fp.dockerPath.isEmpty())
            return tr("none");
        return fp.hasDockerServer() ? fp.dockerServerVersion : tr("engine down");
    case ComposeColumn:
        if (!fp.composeFlavour)
            return tr("none");
        return tr("%1 (%2)").arg(fp.composeVersion, *fp.composeFlavour == ComposeFlavour::PluginV2
                                                        ? QStringLiteral("v2")
                                                        : QStringLiteral("v1"));
    default:
        return {};
    }
}

QVariant DiscoveredHostsModel::sortKey(const DiscoveredHost &host, int column)
{
    const HostFingerprint *fp = host.fingerprint ? &*host.fingerprint : nullptr;
    switch (column) {
    case StatusColumn:
        return static_cast<int>(host.status);
    case CpusColumn:
        return fp ? fp->logicalCpus.value_or(-1) : -1;
    case MemoryColumn:
        return fp ? fp->memoryBytes.value_or(-1) : qint64(-1);
    case GpusColumn:
        return fp ? static_cast<int>(fp->gpus.size()) : -1;
    default:
        return {};
    }
}

QVariant DiscoveredHostsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Target");
    case AddressColumn:
        return tr("Address");
    case UserColumn:
        return tr("User");
    case StatusColumn:
        return tr("Status");
    case PlatformColumn:
        return tr("Platform / OS");
    case ArchColumn:
        return tr("Arch");
    case CpusColumn:
        return tr("CPUs");
    case MemoryColumn:
        return tr("Memory");
    case EngineColumn:
        return tr("Container engine");
    case GpusColumn:
        return tr("GPUs");
    case DockerColumn:
        return tr("Docker");
    case ComposeColumn:
        return tr("Compose");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
