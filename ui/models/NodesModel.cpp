// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/NodesModel.h"

#include "models/ModelRoles.h"
#include "models/StateStyle.h"
#include "slurm/SnapshotChanges.h"

#include <QFont>

namespace SlurmDeck::Ui {

NodesModel::NodesModel(QObject *parent) : KeyedTableModel(parent), m_darkPalette(StateStyle::darkPalette())
{}

NodesModel::~NodesModel() = default;

void NodesModel::setNodes(const QList<SlurmNode> &nodes)
{
    applyKeyedRows(
        m_nodes, nodes, [](const SlurmNode &node) -> const QString & { return node.name; }, &changedColumns);
}

KeyedTableModel::ColumnMask NodesModel::changedColumns(const SlurmNode &before, const SlurmNode &after)
{
    ColumnMask mask = 0;
    if (before.state != after.state || before.flags != after.flags)
        mask |= column(StateColumn) | column(NameColumn); // the tint spans the row; name and state lead it
    if (before.cpusTotal != after.cpusTotal || before.cpusAllocated != after.cpusAllocated)
        mask |= column(CpusColumn);
    if (before.memoryTotalMb != after.memoryTotalMb || before.memoryAllocatedMb != after.memoryAllocatedMb ||
        before.memoryFreeMb != after.memoryFreeMb)
        mask |= column(MemoryColumn);
    if (before.gpusTotal != after.gpusTotal || before.gpusAllocated != after.gpusAllocated ||
        before.gres != after.gres || before.gresUsed != after.gresUsed)
        mask |= column(GpusColumn);
    if (before.cpuLoad != after.cpuLoad)
        mask |= column(LoadColumn);
    if (before.partitions != after.partitions)
        mask |= column(PartitionsColumn);
    if (before.reason != after.reason || before.reasonUser != after.reasonUser ||
        before.reasonTime != after.reasonTime)
        mask |= column(ReasonColumn);
    if (mask & column(StateColumn))
        mask = 0; // a new state re-tints every cell of the row
    return mask;
}

int NodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodesModel::formatMemoryPair(qint64 usedMb, qint64 totalMb)
{
    if (totalMb < 1024)
        return tr("%1 / %2 MiB").arg(usedMb).arg(totalMb);
    return tr("%1 / %2 GiB")
        .arg(static_cast<double>(usedMb) / 1024.0, 0, 'f', 1)
        .arg(static_cast<double>(totalMb) / 1024.0, 0, 'f', 1);
}

QString NodesModel::explainState(const SlurmNode &node)
{
    const bool busy = node.state.compare(QLatin1StringView("ALLOCATED"), Qt::CaseInsensitive) == 0 ||
                      node.state.compare(QLatin1StringView("MIXED"), Qt::CaseInsensitive) == 0;
    if (SnapshotChanges::isNodeDown(node))
        return tr("Down: Slurm runs no jobs here. Fix the cause, then Resume (Ctrl+R).");
    if (node.hasFlag(QStringLiteral("NOT_RESPONDING")))
        return tr(
            "Not responding: slurmctld cannot reach slurmd on this node; it is set down if that lasts.");
    if (SnapshotChanges::isNodeDrained(node)) {
        return busy ? tr("Draining: running jobs finish, no new jobs start. Resume (Ctrl+R) to undo.")
                    : tr("Drained: takes no new jobs. Resume (Ctrl+R) to put it back in service.");
    }
    if (busy)
        return tr("Running jobs.");
    if (node.state.compare(QLatin1StringView("IDLE"), Qt::CaseInsensitive) == 0)
        return tr("Idle: ready for jobs.");
    return {};
}

QVariant NodesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SlurmNode &entry = node(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case SortRole: {
        const QVariant key = sortKey(entry, index.column());
        return key.isValid() ? key : display(entry, index.column());
    }
    case KeyRole:
        return entry.name;
    case StateRole:
        return static_cast<int>(StateStyle::nodeCategory(entry));
    case Qt::ToolTipRole:
        return toolTip(entry, index.column());
    case Qt::BackgroundRole:
        return StateStyle::rowBackground(StateStyle::nodeCategory(entry));
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return StateStyle::stateForeground(StateStyle::nodeCategory(entry), m_darkPalette);
        return {};
    case Qt::FontRole:
        if (index.column() == StateColumn && StateStyle::nodeCategory(entry) == StateStyle::Category::Bad) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CpusColumn || index.column() == MemoryColumn || index.column() == GpusColumn ||
            index.column() == LoadColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant NodesModel::display(const SlurmNode &node, int column) const
{
    switch (column) {
    case NameColumn:
        return node.name;
    case StateColumn:
        return node.stateText();
    case CpusColumn:
        return tr("%1 / %2").arg(node.cpusAllocated).arg(node.cpusTotal);
    case MemoryColumn:
        return node.memoryTotalMb > 0 ? formatMemoryPair(node.memoryAllocatedMb, node.memoryTotalMb)
                                      : QString();
    case GpusColumn:
        return node.gpusTotal > 0 ? tr("%1 / %2").arg(node.gpusAllocated).arg(node.gpusTotal) : QString();
    case LoadColumn:
        return node.cpuLoad >= 0 ? QString::number(node.cpuLoad, 'f', 2) : QString();
    case PartitionsColumn:
        return node.partitions.join(QStringLiteral(", "));
    case ReasonColumn:
        return node.reason;
    default:
        return {};
    }
}

QVariant NodesModel::sortKey(const SlurmNode &node, int column)
{
    switch (column) {
    case StateColumn:
        return static_cast<int>(StateStyle::nodeCategory(node)) * 1000 + node.stateText().size();
    case CpusColumn:
        return qint64(node.cpusAllocated) * 1'000'000 + node.cpusTotal;
    case MemoryColumn:
        return node.memoryAllocatedMb * 10'000'000 + node.memoryTotalMb;
    case GpusColumn:
        return qint64(node.gpusAllocated) * 1'000'000 + node.gpusTotal;
    case LoadColumn:
        return node.cpuLoad;
    default:
        return {};
    }
}

QVariant NodesModel::toolTip(const SlurmNode &node, int column) const
{
    switch (column) {
    case NameColumn:
        return node.address.isEmpty() || node.address == node.name ? QVariant()
                                                                   : tr("Address: %1").arg(node.address);
    case StateColumn: {
        const QString explained = explainState(node);
        return explained.isEmpty() ? QVariant() : explained;
    }
    case MemoryColumn:
        if (node.memoryFreeMb >= 0)
            return tr("Allocated to jobs / configured; %1 MiB free on the host").arg(node.memoryFreeMb);
        return tr("Allocated to jobs / configured");
    case GpusColumn:
        if (node.gres.isEmpty())
            return {};
        return node.gresUsed.isEmpty() ? tr("Configured: %1").arg(node.gres)
                                       : tr("Configured: %1\nIn use: %2").arg(node.gres, node.gresUsed);
    case ReasonColumn:
        if (node.reason.isEmpty())
            return {};
        if (node.reasonUser.isEmpty())
            return node.reason;
        return tr("%1\nSet by %2 at %3")
            .arg(node.reason, node.reasonUser, node.reasonTime.toLocalTime().toString(Qt::ISODate));
    default:
        return {};
    }
}

QVariant NodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Node");
    case StateColumn:
        return tr("State");
    case CpusColumn:
        return tr("CPUs");
    case MemoryColumn:
        return tr("Memory");
    case GpusColumn:
        return tr("GPUs");
    case LoadColumn:
        return tr("Load");
    case PartitionsColumn:
        return tr("Partitions");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
