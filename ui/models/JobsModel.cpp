// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/JobsModel.h"

#include "models/ModelRoles.h"
#include "models/StateStyle.h"

namespace SlurmDeck::Ui {

namespace {

QList<JobsModel::Field> fieldsOf(JobsModel::Kind kind)
{
    using F = JobsModel::Field;
    if (kind == JobsModel::Kind::Queue)
        return {F::Id,   F::Name,  F::User, F::Partition, F::State,
                F::Time, F::Nodes, F::Cpus, F::Gpus,      F::Reason};
    return {F::Id,  F::Name,    F::User,  F::Partition, F::State, F::Start,
            F::End, F::Elapsed, F::Nodes, F::Cpus,      F::Gpus,  F::ExitCode};
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

// Array task "42_7" sorts after "42_6" and before "43".
} // namespace

JobsModel::JobsModel(Kind kind, QObject *parent)
    : KeyedTableModel(parent)
    , m_kind(kind)
    , m_fields(fieldsOf(kind))
    , m_darkPalette(StateStyle::darkPalette())
{}

JobsModel::~JobsModel() = default;

double JobsModel::idSortKey(const SlurmJob &job)
{
    const qsizetype separator = job.id.indexOf(u'_');
    const double task = separator > 0 ? job.id.mid(separator + 1).toDouble() / 1e7 : 0.0;
    const double base = job.jobId > 0 ? static_cast<double>(job.jobId) : job.id.left(separator).toDouble();
    return base + task;
}

void JobsModel::setJobs(const QList<SlurmJob> &jobs)
{
    applyKeyedRows(
        m_jobs, jobs, [](const SlurmJob &job) -> const QString & { return job.id; },
        [this](const SlurmJob &before, const SlurmJob &after) { return changedColumns(before, after); });
}

KeyedTableModel::ColumnMask JobsModel::changedColumns(const SlurmJob &before, const SlurmJob &after) const
{
    if (before.state != after.state)
        return 0; // a new state re-tints every cell of the row
    QList<Field> fields;
    if (before.name != after.name)
        fields << Field::Name;
    if (before.user != after.user)
        fields << Field::User;
    if (before.partition != after.partition)
        fields << Field::Partition;
    if (before.timeUsedSeconds != after.timeUsedSeconds || before.timeLimitMinutes != after.timeLimitMinutes)
        fields << Field::Time << Field::Elapsed;
    if (before.startTime != after.startTime)
        fields << Field::Start;
    if (before.endTime != after.endTime)
        fields << Field::End;
    if (before.nodeList != after.nodeList || before.nodeCount != after.nodeCount)
        fields << Field::Nodes;
    if (before.cpus != after.cpus)
        fields << Field::Cpus;
    if (before.gpus != after.gpus)
        fields << Field::Gpus;
    if (before.reason != after.reason)
        fields << Field::Reason << Field::State; // a hold shows in the state's tint
    if (before.exitCode != after.exitCode)
        fields << Field::ExitCode;
    ColumnMask mask = 0;
    for (const Field field : std::as_const(fields)) {
        const int c = columnOf(field);
        if (c >= 0)
            mask |= column(c);
    }
    // Nothing shown changed (account, paths, submit time): tooltips may show it.
    return mask == 0 ? column(0) : mask;
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

QString JobsModel::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds / 3600 % 24;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 secs = seconds % 60;
    const auto two = [](qint64 value) { return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0')); };
    if (days > 0)
        return QStringLiteral("%1-%2:%3:%4").arg(days).arg(two(hours), two(minutes), two(secs));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(secs));
    return QStringLiteral("%1:%2").arg(minutes).arg(two(secs));
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SlurmJob &entry = job(index.row());
    const Field field = m_fields.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, field);
    case SortRole: {
        const QVariant key = sortKey(entry, field);
        return key.isValid() ? key : display(entry, field);
    }
    case KeyRole:
        return entry.id;
    case StateRole:
        return static_cast<int>(StateStyle::jobCategory(entry));
    case Qt::ToolTipRole:
        return toolTip(entry, field);
    case Qt::BackgroundRole:
        return StateStyle::rowBackground(StateStyle::jobCategory(entry));
    case Qt::ForegroundRole:
        if (field == Field::State)
            return StateStyle::stateForeground(StateStyle::jobCategory(entry), m_darkPalette);
        return {};
    case Qt::TextAlignmentRole:
        switch (field) {
        case Field::Id:
        case Field::Time:
        case Field::Elapsed:
        case Field::Cpus:
        case Field::Gpus:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant JobsModel::display(const SlurmJob &job, Field field) const
{
    switch (field) {
    case Field::Id:
        return job.id;
    case Field::Name:
        return job.name;
    case Field::User:
        return job.user;
    case Field::Partition:
        return job.partition;
    case Field::State:
        return job.state;
    case Field::Time: {
        const QString limit =
            job.timeLimitMinutes < 0 ? tr("unlimited") : formatDuration(job.timeLimitMinutes * 60);
        return tr("%1 / %2").arg(formatDuration(job.timeUsedSeconds), limit);
    }
    case Field::Start:
        return formatTime(job.startTime);
    case Field::End:
        return formatTime(job.endTime);
    case Field::Elapsed:
        return formatDuration(job.timeUsedSeconds);
    case Field::Nodes:
        if (!job.nodeList.isEmpty() && job.nodeList != QLatin1StringView("(null)") &&
            job.nodeList != QLatin1StringView("None assigned"))
            return job.nodeList;
        return job.nodeCount > 0 ? (job.nodeCount == 1 ? tr("(1 node)") : tr("(%1 nodes)").arg(job.nodeCount))
                                 : QString();
    case Field::Cpus:
        return job.cpus;
    case Field::Gpus:
        return job.gpus > 0 ? QVariant(job.gpus) : QVariant();
    case Field::Reason:
        return job.reason == QLatin1StringView("None") ? QString() : job.reason;
    case Field::ExitCode:
        return job.exitCode;
    }
    return {};
}

QVariant JobsModel::sortKey(const SlurmJob &job, Field field)
{
    switch (field) {
    case Field::Id:
        return idSortKey(job);
    case Field::Time:
    case Field::Elapsed:
        return job.timeUsedSeconds;
    case Field::Start:
        return job.startTime.isValid() ? job.startTime.toMSecsSinceEpoch() : qint64(-1);
    case Field::End:
        return job.endTime.isValid() ? job.endTime.toMSecsSinceEpoch() : qint64(-1);
    case Field::Nodes:
        return job.nodeList.isEmpty() ? QStringLiteral("~%1").arg(job.nodeCount, 6, 10, QLatin1Char('0'))
                                      : job.nodeList;
    case Field::Cpus:
        return job.cpus;
    case Field::Gpus:
        return job.gpus;
    default:
        return {};
    }
}

QVariant JobsModel::toolTip(const SlurmJob &job, Field field) const
{
    switch (field) {
    case Field::Id:
    case Field::Name:
        return job.submitTime.isValid() ? tr("Submitted %1 by %2 (account %3)")
                                              .arg(formatTime(job.submitTime), job.user,
                                                   job.account.isEmpty() ? tr("default") : job.account)
                                        : QVariant();
    case Field::Time:
        return tr("Time used / time limit");
    case Field::Nodes:
        return job.nodeCount > 0 ? (job.nodeCount == 1 ? tr("1 node") : tr("%1 nodes").arg(job.nodeCount))
                                 : QVariant();
    default:
        return {};
    }
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_fields.size())
        return {};
    switch (m_fields.at(section)) {
    case Field::Id:
        return tr("Job");
    case Field::Name:
        return tr("Name");
    case Field::User:
        return tr("User");
    case Field::Partition:
        return tr("Partition");
    case Field::State:
        return tr("State");
    case Field::Time:
        return tr("Time");
    case Field::Start:
        return tr("Started");
    case Field::End:
        return tr("Ended");
    case Field::Elapsed:
        return tr("Elapsed");
    case Field::Nodes:
        return tr("Nodes");
    case Field::Cpus:
        return tr("CPUs");
    case Field::Gpus:
        return tr("GPUs");
    case Field::Reason:
        return tr("Reason");
    case Field::ExitCode:
        return tr("Exit code");
    }
    return {};
}

} // namespace SlurmDeck::Ui
