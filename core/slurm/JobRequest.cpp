// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/JobRequest.h"

#include "inventory/ClusterUser.h"
#include "remote/ShellQuote.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace SlurmDeck::JobRequests {

namespace {

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

// A partition's capacity: what its largest node has.
struct Capacity
{
    int nodes = 0;
    int cpus = 0;
    qint64 memoryMb = 0;
    int gpus = 0; // of the requested type
    QStringList gpuTypes;
};

Capacity capacityOf(const SlurmPartition &partition, const QList<SlurmNode> &nodes, const QString &gpuType)
{
    Capacity capacity;
    for (const SlurmNode &node : nodes) {
        if (!partition.nodes.contains(node.name) && !node.partitions.contains(partition.name))
            continue;
        ++capacity.nodes;
        capacity.cpus = std::max(capacity.cpus, node.cpusTotal);
        capacity.memoryMb = std::max(capacity.memoryMb, node.memoryTotalMb);
        const int gpus = gpuType.isEmpty() ? std::max(node.gpusTotal, gpusInGres(node.gres, {}))
                                           : gpusInGres(node.gres, gpuType);
        capacity.gpus = std::max(capacity.gpus, gpus);
        for (const QString &type : gpuTypesInGres(node.gres)) {
            if (!capacity.gpuTypes.contains(type))
                capacity.gpuTypes << type;
        }
    }
    capacity.nodes = std::max(capacity.nodes, int(partition.nodes.size()));
    capacity.nodes = std::max(capacity.nodes, partition.totalNodes);
    if (partition.maxMemoryPerNodeMb >= 0)
        capacity.memoryMb = std::min(capacity.memoryMb, partition.maxMemoryPerNodeMb);
    return capacity;
}

QStringList partitionNames(const ClusterSnapshot &snapshot)
{
    QStringList names;
    for (const SlurmPartition &partition : snapshot.partitions)
        names << partition.name;
    return names;
}

void checkArray(const QString &array, QStringList &problems)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d+(-\\d+(:\\d+)?)?(,\\d+(-\\d+(:\\d+)?)?)*(%\\d+)?$"));
    if (!array.isEmpty() && !pattern.match(array).hasMatch()) {
        problems << QObject::tr("The array spec '%1' is not one Slurm reads: give indices like 0-9, 1,3,5-7, "
                                "0-99:2 or 0-99%10 (at most 10 at once).")
                        .arg(array);
    }
}

void checkEnvironment(const QStringList &environment, QStringList &problems)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const QString &entry : environment) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString variable = equals < 0 ? entry : entry.left(equals);
        const QString value = equals < 0 ? QString() : entry.mid(equals + 1);
        if (!name.match(variable).hasMatch()) {
            problems << QObject::tr("'%1' is not an environment variable name: use letters, digits and '_', "
                                    "not starting with a digit (NAME=value).")
                            .arg(variable);
        } else if (value.contains(u',') || value.contains(u'\n') || value.contains(u'\r')) {
            problems << QObject::tr("The value of %1 holds a comma or a line break, which sbatch's --export "
                                    "cannot pass on. Set it in the script instead.")
                            .arg(variable);
        }
    }
}

} // namespace

Result<qint64> parseMemory(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*([KMGT]?)B?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    bool ok = false;
    const qint64 number = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    if (!ok || number <= 0 || number > (qint64(1) << 40)) {
        return invalid(
            QObject::tr("'%1' is not an amount of memory: give megabytes (4096) or a unit (512M, 4G, 1T).")
                .arg(text));
    }
    const QChar unit = match.captured(2).isEmpty() ? u'M' : match.captured(2).at(0).toUpper();
    if (unit == u'K')
        return (number + 1023) / 1024;
    if (unit == u'G')
        return number * 1024;
    if (unit == u'T')
        return number * 1024 * 1024;
    return number;
}

Result<qint64> parseTimeLimit(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(u"UNLIMITED", Qt::CaseInsensitive) == 0 ||
        trimmed.compare(u"INFINITE", Qt::CaseInsensitive) == 0)
        return qint64(-1);
    static const QRegularExpression pattern(QStringLiteral("^(?:(\\d+)-)?(\\d+)(?::(\\d+))?(?::(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    const Error bad =
        invalid(QObject::tr("'%1' is not a time limit: give minutes (90), HH:MM:SS (1:30:00) or "
                            "D-HH:MM:SS (2-00:00:00).")
                    .arg(text));
    if (!match.hasMatch() || trimmed.size() > 20)
        return bad;
    const bool hasDays = !match.captured(1).isEmpty();
    const qint64 days = match.captured(1).toLongLong();
    QList<qint64> parts{match.captured(2).toLongLong()};
    for (int group : {3, 4}) {
        if (!match.captured(group).isEmpty())
            parts << match.captured(group).toLongLong();
    }
    qint64 seconds = 0;
    if (hasDays) {
        // D-H, D-H:M, D-H:M:S
        seconds = days * 86400 + parts.value(0) * 3600 + parts.value(1) * 60 + parts.value(2);
    } else if (parts.size() == 1) {
        seconds = parts.at(0) * 60; // M
    } else if (parts.size() == 2) {
        seconds = parts.at(0) * 60 + parts.at(1); // M:S
    } else {
        seconds = parts.at(0) * 3600 + parts.at(1) * 60 + parts.at(2); // H:M:S
    }
    if (seconds <= 0)
        return invalid(QObject::tr("A time limit must be longer than zero."));
    return (seconds + 59) / 60;
}

QString formatTimeLimit(qint64 minutes)
{
    if (minutes < 0)
        return QStringLiteral("UNLIMITED");
    const qint64 days = minutes / 1440;
    const QString clock = QStringLiteral("%1:%2:00")
                              .arg((minutes % 1440) / 60, 2, 10, QLatin1Char('0'))
                              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QString::number(days) + u'-' + clock : clock;
}

Result<GpuRequest> parseGpus(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:([A-Za-z0-9_.-]+):)?(\\d{1,4})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return invalid(QObject::tr("'%1' is not a GPU request: give a count (2) or a type and a count "
                                   "(a100:2).")
                           .arg(text));
    return GpuRequest{match.captured(1), match.captured(2).toInt()};
}

int gpusInGres(const QString &gres, const QString &type)
{
    int total = 0;
    // "gpu:tesla:2", "gpu:2", "gpu:a100:2(S:0-1)", several separated by commas.
    static const QRegularExpression entry(QStringLiteral("(?:^|,)gpu(?::([A-Za-z0-9_.-]+))?:(\\d+)"));
    auto matches = entry.globalMatch(gres);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (type.isEmpty() || match.captured(1) == type)
            total += match.captured(2).toInt();
    }
    return total;
}

QStringList gpuTypesInGres(const QString &gres)
{
    QStringList types;
    static const QRegularExpression entry(QStringLiteral("(?:^|,)gpu:([A-Za-z_][A-Za-z0-9_.-]*):\\d+"));
    auto matches = entry.globalMatch(gres);
    while (matches.hasNext())
        types << matches.next().captured(1);
    return types;
}

QStringList validateJobRequest(const JobRequest &request, const ClusterSnapshot &snapshot)
{
    QStringList problems;
    if (request.script.trimmed().isEmpty())
        problems << QObject::tr("The script is empty: write the commands the job runs.");
    else if (!request.script.startsWith(QLatin1String("#!")))
        problems << QObject::tr("The script must start with an interpreter line such as #!/bin/bash "
                                "(sbatch refuses it otherwise).");
    if (!request.user.isEmpty() && !ClusterUser::isValidName(request.user))
        problems << QObject::tr("The user '%1' is not an account name.").arg(request.user);
    if (request.nodes < 0 || request.tasks < 0 || request.cpusPerTask < 0 || request.memoryMb < 0 ||
        request.gpus < 0)
        problems << QObject::tr("Counts and memory cannot be negative.");

    const SlurmPartition *partition = nullptr;
    const QStringList names = partitionNames(snapshot);
    for (const SlurmPartition &candidate : snapshot.partitions) {
        if (request.partition.isEmpty() ? candidate.isDefault : candidate.name == request.partition)
            partition = &candidate;
    }
    if (snapshot.partitions.isEmpty()) {
        problems << QObject::tr("The cluster's partitions are not known yet: wait until it answers.");
    } else if (!partition && !request.partition.isEmpty()) {
        problems << QObject::tr("There is no partition '%1'. The cluster has: %2.")
                        .arg(request.partition, names.join(QStringLiteral(", ")));
    } else if (!partition) {
        problems << QObject::tr("The cluster has no default partition: choose one of %1.")
                        .arg(names.join(QStringLiteral(", ")));
    }

    if (partition) {
        const Capacity capacity = capacityOf(*partition, snapshot.nodes, request.gpuType);
        const QString &where = partition->name;
        if (request.nodes > capacity.nodes) {
            problems << QObject::tr("Partition %1 has %2 node(s); %3 were asked for.")
                            .arg(where)
                            .arg(capacity.nodes)
                            .arg(request.nodes);
        }
        const int cpusPerTask = std::max(request.cpusPerTask, 1);
        const int tasks = std::max(request.tasks, 1);
        const int nodes = std::max(request.nodes, 1);
        const qint64 tasksPerNode = request.nodes > 0 ? (qint64(tasks) + nodes - 1) / nodes : 1;
        const qint64 cpusPerNode = tasksPerNode * cpusPerTask;
        if (request.cpusPerTask > capacity.cpus) {
            problems << QObject::tr(
                            "%1 CPUs per task is more than any node in partition %2 has (at most %3).")
                            .arg(request.cpusPerTask)
                            .arg(where)
                            .arg(capacity.cpus);
        } else if (request.nodes > 0 && cpusPerNode > capacity.cpus) {
            problems << QObject::tr("%1 task(s) on %2 node(s) need %3 CPUs per node; nodes in partition %4 "
                                    "have at most %5.")
                            .arg(tasks)
                            .arg(nodes)
                            .arg(cpusPerNode)
                            .arg(where)
                            .arg(capacity.cpus);
        } else if (qint64(tasks) * cpusPerTask > qint64(capacity.cpus) * capacity.nodes) {
            problems << QObject::tr("%1 CPUs in all is more than partition %2 has (at most %3).")
                            .arg(qint64(tasks) * cpusPerTask)
                            .arg(where)
                            .arg(qint64(capacity.cpus) * capacity.nodes);
        }
        if (request.memoryMb > capacity.memoryMb) {
            problems << QObject::tr("%1 MB of memory per node is more than any node in partition %2 has "
                                    "(at most %3 MB).")
                            .arg(request.memoryMb)
                            .arg(where)
                            .arg(capacity.memoryMb);
        }
        if (request.gpus > 0 && !request.gpuType.isEmpty() && capacity.gpus == 0) {
            problems
                << (capacity.gpuTypes.isEmpty()
                        ? QObject::tr("No node in partition %1 has GPUs of type %2 (none has typed GPUs).")
                              .arg(where, request.gpuType)
                        : QObject::tr("No node in partition %1 has GPUs of type %2; types there: %3.")
                              .arg(where, request.gpuType, capacity.gpuTypes.join(QStringLiteral(", "))));
        } else if (request.gpus > capacity.gpus) {
            problems << (capacity.gpus == 0
                             ? QObject::tr("No node in partition %1 has GPUs.").arg(where)
                             : QObject::tr("%1 GPUs per node is more than any node in partition %2 has (at "
                                           "most %3).")
                                   .arg(request.gpus)
                                   .arg(where)
                                   .arg(capacity.gpus));
        }
        if (partition->maxTimeMinutes >= 0 &&
            (request.timeLimitMinutes < 0 || request.timeLimitMinutes > partition->maxTimeMinutes)) {
            problems << QObject::tr("The time limit %1 is above partition %2's MaxTime of %3.")
                            .arg(formatTimeLimit(request.timeLimitMinutes), where,
                                 formatTimeLimit(partition->maxTimeMinutes));
        }
    }
    checkArray(request.array, problems);
    checkEnvironment(request.environment, problems);
    return problems;
}

Result<void> checkJobRequest(const JobRequest &request, const ClusterSnapshot &snapshot)
{
    const QStringList problems = validateJobRequest(request, snapshot);
    if (problems.isEmpty())
        return {};
    return invalid(problems.join(u'\n'));
}

QStringList sbatchArguments(const JobRequest &request)
{
    QStringList argv{QStringLiteral("sbatch"), QStringLiteral("--parsable")};
    const auto option = [&argv](const QString &name, const QString &value) {
        if (!value.isEmpty())
            argv << QStringLiteral("--") + name + u'=' + value;
    };
    const auto count = [&option](const QString &name, qint64 value) {
        if (value > 0)
            option(name, QString::number(value));
    };
    option(QStringLiteral("job-name"), request.name);
    option(QStringLiteral("partition"), request.partition);
    count(QStringLiteral("nodes"), request.nodes);
    count(QStringLiteral("ntasks"), request.tasks);
    count(QStringLiteral("cpus-per-task"), request.cpusPerTask);
    if (request.memoryMb > 0)
        option(QStringLiteral("mem"), QString::number(request.memoryMb) + u'M');
    if (request.gpus > 0) {
        option(QStringLiteral("gres"),
               request.gpuType.isEmpty()
                   ? QStringLiteral("gpu:%1").arg(request.gpus)
                   : QStringLiteral("gpu:%1:%2").arg(request.gpuType).arg(request.gpus));
    }
    if (request.timeLimitMinutes != 0)
        option(QStringLiteral("time"), formatTimeLimit(request.timeLimitMinutes));
    option(QStringLiteral("chdir"), request.workingDirectory);
    option(QStringLiteral("output"), request.outputPath);
    option(QStringLiteral("error"), request.errorPath);
    option(QStringLiteral("array"), request.array);
    return argv;
}

QString exportSpec(const JobRequest &request)
{
    if (request.environment.isEmpty())
        return {};
    const QString first = request.environment.first();
    if (first == u"ALL" || first == u"NONE")
        return request.environment.join(u',');
    return QStringLiteral("ALL,") + request.environment.join(u',');
}

QStringList submitArgv(const JobRequest &request)
{
    // The first input line is the export spec (may be empty); sbatch reads the rest.
    const QString script =
        QStringLiteral("IFS= read -r e || exit 90\n"
                       "if [ -n \"$e\" ]; then SBATCH_EXPORT=$e; export SBATCH_EXPORT; fi\n"
                       "exec ") +
        Shell::join(sbatchArguments(request));
    const QStringList shell{QStringLiteral("sh"), QStringLiteral("-c"), script};
    if (request.user.isEmpty())
        return shell;
    // sbatch as the user: the job is theirs (uid, gid, accounting).
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), request.user, QStringLiteral("--")} +
           shell;
}

QByteArray submitInput(const JobRequest &request)
{
    return exportSpec(request).toUtf8() + '\n' + request.script.toUtf8();
}

Result<QString> parseSubmitted(const QByteArray &output)
{
    const QString text = QString::fromUtf8(output).trimmed();
    const QString line = text.section(u'\n', -1).trimmed();
    const QString id = line.section(u';', 0, 0).trimmed();
    static const QRegularExpression number(QStringLiteral("^[1-9][0-9]{0,9}$"));
    if (!number.match(id).hasMatch()) {
        return makeError(
            Error::Code::Parse,
            QObject::tr("sbatch did not print a job id. Check the queue ('slurmdeck-cli jobs')."),
            text.left(500));
    }
    return id;
}

} // namespace SlurmDeck::JobRequests
