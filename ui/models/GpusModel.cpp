// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GpusModel.h"

#include "models/ModelRoles.h"

#include <algorithm>

namespace SlurmDeck::Ui {

namespace {

const QString missing = QStringLiteral("—");

std::optional<double> memoryFraction(const GpuReading &gpu)
{
    if (!gpu.memoryUsedMiB || !gpu.memoryTotalMiB || *gpu.memoryTotalMiB <= 0)
        return std::nullopt;
    return std::clamp(*gpu.memoryUsedMiB / *gpu.memoryTotalMiB, 0.0, 1.0);
}

QString mib(double value)
{
    return value >= 1024 ? QStringLiteral("%1 GiB").arg(value / 1024.0, 0, 'f', 1)
                         : QStringLiteral("%1 MiB").arg(value, 0, 'f', 0);
}

} // namespace

GpusModel::GpusModel(QObject *parent) : KeyedTableModel(parent)
{}

GpusModel::~GpusModel() = default;

void GpusModel::setGpus(const QList<GpuUsage> &gpus)
{
    applyKeyedRows(
        m_gpus, gpus, [](const GpuUsage &gpu) { return gpu.key(); }, &changedColumns);
}

KeyedTableModel::ColumnMask GpusModel::changedColumns(const GpuUsage &before, const GpuUsage &after)
{
    ColumnMask mask = 0;
    const GpuReading &a = before.gpu;
    const GpuReading &b = after.gpu;
    if (before.node != after.node || a.host != b.host)
        mask |= column(HostColumn);
    if (a.index != b.index)
        mask |= column(IndexColumn);
    if (a.name != b.name)
        mask |= column(ModelColumn);
    if (a.utilizationPercent != b.utilizationPercent)
        mask |= column(UtilizationColumn);
    if (a.memoryUsedMiB != b.memoryUsedMiB || a.memoryTotalMiB != b.memoryTotalMiB)
        mask |= column(MemoryColumn);
    if (a.temperatureC != b.temperatureC)
        mask |= column(TemperatureColumn);
    if (a.powerW != b.powerW)
        mask |= column(PowerColumn);
    if (before.jobIds != after.jobIds || before.jobNames != after.jobNames ||
        before.ambiguous != after.ambiguous)
        mask |= column(JobColumn);
    if (before.users != after.users)
        mask |= column(UserColumn);
    return mask;
}

int GpusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString GpusModel::hostOf(const GpuUsage &gpu)
{
    return gpu.node.isEmpty() ? gpu.gpu.host : gpu.node;
}

QVariant GpusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GpuUsage &entry = gpu(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case SortRole: {
        const QVariant key = sortKey(entry, index.column());
        return key.isValid() ? key : display(entry, index.column());
    }
    case KeyRole:
        return entry.key();
    case PercentRole:
        if (index.column() == UtilizationColumn && entry.gpu.utilizationPercent)
            return qRound(std::clamp(*entry.gpu.utilizationPercent, 0.0, 100.0));
        if (index.column() == MemoryColumn) {
            if (const auto fraction = memoryFraction(entry.gpu))
                return qRound(*fraction * 100.0);
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(entry, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == IndexColumn || index.column() == TemperatureColumn ||
            index.column() == PowerColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant GpusModel::display(const GpuUsage &entry, int column) const
{
    const GpuReading &g = entry.gpu;
    switch (column) {
    case HostColumn:
        return hostOf(entry);
    case IndexColumn:
        return g.index >= 0 ? QString::number(g.index) : missing;
    case ModelColumn:
        return g.name.isEmpty() ? missing : g.name;
    case UtilizationColumn:
        return g.utilizationPercent ? tr("%1 %").arg(*g.utilizationPercent, 0, 'f', 0) : missing;
    case MemoryColumn:
        if (g.memoryUsedMiB && g.memoryTotalMiB)
            return tr("%1 / %2").arg(mib(*g.memoryUsedMiB), mib(*g.memoryTotalMiB));
        if (g.memoryTotalMiB)
            return tr("— / %1").arg(mib(*g.memoryTotalMiB));
        return missing;
    case TemperatureColumn:
        return g.temperatureC ? tr("%1 °C").arg(*g.temperatureC, 0, 'f', 0) : missing;
    case PowerColumn:
        return g.powerW ? tr("%1 W").arg(*g.powerW, 0, 'f', 0) : missing;
    case JobColumn:
        if (entry.jobIds.isEmpty())
            return QString();
        if (entry.ambiguous)
            return tr("one of %1").arg(entry.jobIds.join(QStringLiteral(", ")));
        return entry.jobNames.value(0).isEmpty()
                   ? entry.jobIds.join(QStringLiteral(", "))
                   : tr("%1 (%2)").arg(entry.jobIds.join(QStringLiteral(", ")),
                                       entry.jobNames.join(QStringLiteral(", ")));
    case UserColumn:
        return entry.users.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QVariant GpusModel::sortKey(const GpuUsage &entry, int column)
{
    const GpuReading &g = entry.gpu;
    switch (column) {
    case IndexColumn:
        return g.index;
    case UtilizationColumn:
        return g.utilizationPercent.value_or(-1.0);
    case MemoryColumn:
        return memoryFraction(g).value_or(-1.0);
    case TemperatureColumn:
        return g.temperatureC.value_or(-1000.0);
    case PowerColumn:
        return g.powerW.value_or(-1.0);
    case JobColumn:
        return entry.jobIds.isEmpty() ? QString() : entry.jobIds.first().rightJustified(12, u'0');
    default:
        return {};
    }
}

QVariant GpusModel::toolTip(const GpuUsage &entry, int column) const
{
    const GpuReading &g = entry.gpu;
    const QString notReported =
        tr("This GPU does not report it (nvidia-smi prints [N/A] or [Not Supported]).");
    switch (column) {
    case HostColumn:
        if (entry.node.isEmpty())
            return tr("%1 is no Slurm node of this cluster: its GPUs are not assigned to jobs.").arg(g.host);
        return g.host != entry.node ? tr("Reported as %1").arg(g.host) : QVariant();
    case IndexColumn:
    case ModelColumn:
        return g.uuid.isEmpty() ? QVariant() : g.uuid;
    case UtilizationColumn:
        return g.utilizationPercent ? QVariant() : notReported;
    case MemoryColumn:
        if (g.memoryUsedMiB && g.memoryTotalMiB)
            return tr("%1 of %2 MiB used").arg(*g.memoryUsedMiB, 0, 'f', 0).arg(*g.memoryTotalMiB, 0, 'f', 0);
        return notReported;
    case TemperatureColumn:
        return g.temperatureC ? QVariant() : notReported;
    case PowerColumn:
        return g.powerW ? QVariant() : notReported;
    case JobColumn:
        if (entry.ambiguous)
            return tr("Slurm lists this GPU as in use on %1 but does not say by which of these jobs: %2. "
                      "Each job's details (Jobs view) name its GPUs.")
                .arg(entry.node, entry.jobIds.join(QStringLiteral(", ")));
        if (entry.jobIds.isEmpty())
            return entry.node.isEmpty() ? QVariant() : tr("No Slurm job holds this GPU.");
        return {};
    default:
        return {};
    }
}

QVariant GpusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case IndexColumn:
        return tr("GPU");
    case ModelColumn:
        return tr("Model");
    case UtilizationColumn:
        return tr("Utilisation");
    case MemoryColumn:
        return tr("Memory");
    case TemperatureColumn:
        return tr("Temperature");
    case PowerColumn:
        return tr("Power");
    case JobColumn:
        return tr("Job");
    case UserColumn:
        return tr("User");
    default:
        return {};
    }
}

GpusFilterProxy::GpusFilterProxy(GpusModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_gpus(source)
{
    setSourceModel(source);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void GpusFilterProxy::setFilterText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool GpusFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_text.isEmpty())
        return true;
    const GpuUsage &g = m_gpus->gpu(sourceRow);
    const auto has = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
    return has(GpusModel::hostOf(g)) || has(g.gpu.host) || has(g.gpu.name) || has(g.gpu.uuid) ||
           has(g.jobIds.join(u' ')) || has(g.jobNames.join(u' ')) || has(g.users.join(u' '));
}

} // namespace SlurmDeck::Ui
