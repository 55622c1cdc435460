// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/PlanTreeModel.h"

#include "models/RowDiff.h"

#include <QFont>

namespace SlurmDeck::Ui {

PlanTreeModel::PlanTreeModel(QObject *parent) : QAbstractItemModel(parent)
{}

void PlanTreeModel::setPlan(const ClusterPlan &plan)
{
    QList<HostEntry> wanted;
    for (const HostPlan &host : plan.hosts) {
        HostEntry entry;
        entry.plan = host;
        entry.plan.files.clear();
        for (const RenderedFile &rendered : host.files) {
            entry.files.append(File{rendered.path, rendered.mode, rendered.content.size(), rendered.secret,
                                    rendered.secret ? QByteArray() : rendered.content});
        }
        wanted.append(std::move(entry));
    }
    // New hosts get their id when inserted; kept ones keep theirs (updateHost).
    for (HostEntry &entry : wanted)
        entry.id = m_nextId++;

    RowDiffHooks hooks;
    hooks.beginRemove = [this](int row) { beginRemoveRows({}, row, row); };
    hooks.endRemove = [this] { endRemoveRows(); };
    hooks.beginInsert = [this](int row) { beginInsertRows({}, row, row); };
    hooks.endInsert = [this] { endInsertRows(); };
    hooks.beginMove = [this](int from, int to) { beginMoveRows({}, from, from, {}, to); };
    hooks.endMove = [this] { endMoveRows(); };
    hooks.changed = [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); };
    applyRowDiff(
        m_hosts, wanted, [](const HostEntry &entry) { return entry.plan.hostName; },
        [this](HostEntry &existing, const HostEntry &target) {
            return updateHost(existing, target, hostRowOf(existing.id));
        },
        hooks);
}

bool PlanTreeModel::updateHost(HostEntry &existing, const HostEntry &wanted, int row)
{
    const QModelIndex parentIndex = index(row, 0);
    RowDiffHooks hooks;
    hooks.beginRemove = [this, parentIndex](int fileRow) { beginRemoveRows(parentIndex, fileRow, fileRow); };
    hooks.endRemove = [this] { endRemoveRows(); };
    hooks.beginInsert = [this, parentIndex](int fileRow) { beginInsertRows(parentIndex, fileRow, fileRow); };
    hooks.endInsert = [this] { endInsertRows(); };
    hooks.beginMove = [this, parentIndex](int from, int to) {
        beginMoveRows(parentIndex, from, from, parentIndex, to);
    };
    hooks.endMove = [this] { endMoveRows(); };
    hooks.changed = [this, parentIndex](int fileRow) {
        emit dataChanged(index(fileRow, 0, parentIndex), index(fileRow, ColumnCount - 1, parentIndex));
    };
    applyRowDiff(
        existing.files, wanted.files, [](const File &file) { return file.path; },
        [](File &current, const File &target) {
            if (current == target)
                return false;
            current = target;
            return true;
        },
        hooks);

    const auto same = [](const HostPlan &a, const HostPlan &b) {
        return a.address == b.address && a.networkAddress == b.networkAddress && a.platform == b.platform &&
               a.directory == b.directory && a.profiles == b.profiles && a.services == b.services &&
               a.project.name == b.project.name && a.project.files == b.project.files &&
               a.project.profiles == b.project.profiles && a.project.directory == b.project.directory;
    };
    if (same(existing.plan, wanted.plan))
        return false;
    existing.plan = wanted.plan;
    return true;
}

void PlanTreeModel::clear()
{
    setPlan({});
}

int PlanTreeModel::hostRowOf(quintptr id) const
{
    for (qsizetype row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_hosts.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_hosts.size())
        return {};
    const HostEntry &host = m_hosts.at(parent.row());
    return row < host.files.size() ? createIndex(row, column, host.id) : QModelIndex();
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = hostRowOf(child.internalId());
    return row >= 0 ? createIndex(row, 0, quintptr(0)) : QModelIndex();
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_hosts.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_hosts.size())
        return 0;
    return static_cast<int>(m_hosts.at(parent.row()).files.size());
}

int PlanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const HostPlan *PlanTreeModel::host(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const int row = index.internalId() == 0 ? index.row() : hostRowOf(index.internalId());
    return row >= 0 && row < m_hosts.size() ? &m_hosts.at(row).plan : nullptr;
}

const PlanTreeModel::File *PlanTreeModel::file(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const int hostRow = hostRowOf(index.internalId());
    if (hostRow < 0 || index.row() >= m_hosts.at(hostRow).files.size())
        return nullptr;
    return &m_hosts.at(hostRow).files.at(index.row());
}

QList<PlanTreeModel::File> PlanTreeModel::files(const QModelIndex &hostIndex) const
{
    const HostPlan *plan = host(hostIndex);
    if (!plan)
        return {};
    const int row = hostIndex.internalId() == 0 ? hostIndex.row() : hostRowOf(hostIndex.internalId());
    return m_hosts.at(row).files;
}

QModelIndex PlanTreeModel::indexOf(const QString &hostName, const QString &path) const
{
    for (qsizetype row = 0; row < m_hosts.size(); ++row) {
        const HostEntry &entry = m_hosts.at(row);
        if (entry.plan.hostName != hostName)
            continue;
        if (path.isEmpty())
            return index(static_cast<int>(row), 0);
        for (qsizetype fileRow = 0; fileRow < entry.files.size(); ++fileRow) {
            if (entry.files.at(fileRow).path == path)
                return createIndex(static_cast<int>(fileRow), 0, entry.id);
        }
    }
    return {};
}

QString PlanTreeModel::formatMode(int mode)
{
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

QString PlanTreeModel::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    return tr("%1 KiB").arg(static_cast<double>(bytes) / 1024.0, 0, 'f', 1);
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const HostEntry &entry = m_hosts.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case NameColumn:
                return entry.plan.hostName;
            case SizeColumn: {
                qint64 total = 0;
                for (const File &file : entry.files)
                    total += file.size;
                return formatSize(total);
            }
            case NoteColumn:
                return tr("%1 files; services: %2")
                    .arg(entry.files.size())
                    .arg(entry.plan.services.isEmpty() ? tr("none")
                                                       : entry.plan.services.join(QStringLiteral(", ")));
            default:
                return {};
            }
        }
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ToolTipRole)
            return tr("%1 on %2, in %3").arg(entry.plan.hostName, entry.plan.address, entry.plan.directory);
        return {};
    }
    const File *entry = file(index);
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return entry->path;
        case ModeColumn:
            return formatMode(entry->mode);
        case SizeColumn:
            return formatSize(entry->size);
        case NoteColumn:
            return entry->secret ? tr("secret: never shown") : QString();
        default:
            return {};
        }
    case Qt::FontRole:
        if (entry->secret) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Host / file");
    case ModeColumn:
        return tr("Mode");
    case SizeColumn:
        return tr("Size");
    case NoteColumn:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
