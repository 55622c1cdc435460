// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SubmitCommand.h"

#include "slurm/SlurmActions.h"

#include <QFile>

#include <cstdio>

namespace SlurmDeck {

namespace {

struct Options
{
    QCommandLineOption name{QStringLiteral("job-name"), SubmitCommand::tr("The job's name."),
                            QStringLiteral("NAME")};
    QCommandLineOption partition{{QStringLiteral("p"), QStringLiteral("partition")},
                                 SubmitCommand::tr("The partition (default: the cluster's default)."),
                                 QStringLiteral("P")};
    QCommandLineOption nodes{
        {QStringLiteral("N"), QStringLiteral("nodes")}, SubmitCommand::tr("Nodes."), QStringLiteral("N")};
    QCommandLineOption tasks{
        {QStringLiteral("n"), QStringLiteral("ntasks")}, SubmitCommand::tr("Tasks."), QStringLiteral("N")};
    QCommandLineOption cpus{{QStringLiteral("c"), QStringLiteral("cpus-per-task")},
                            SubmitCommand::tr("CPUs per task."),
                            QStringLiteral("N")};
    QCommandLineOption memory{QStringLiteral("mem"),
                              SubmitCommand::tr("Memory per node: megabytes or with a unit (512M, 4G)."),
                              QStringLiteral("MB")};
    QCommandLineOption gpus{QStringLiteral("gpus"),
                            SubmitCommand::tr("GPUs per node, optionally of a type (2, a100:2)."),
                            QStringLiteral("[TYPE:]N")};
    QCommandLineOption time{{QStringLiteral("t"), QStringLiteral("time")},
                            SubmitCommand::tr("Time limit: minutes, HH:MM:SS or D-HH:MM:SS."),
                            QStringLiteral("T")};
    QCommandLineOption chdir{
        {QStringLiteral("D"), QStringLiteral("chdir")},
        SubmitCommand::tr("Working directory of the job (on the nodes); default: the cluster's "
                          "first shared directory, where it has one."),
        QStringLiteral("DIR")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              SubmitCommand::tr("Standard output file (%j: the job id)."),
                              QStringLiteral("F")};
    QCommandLineOption error{{QStringLiteral("e"), QStringLiteral("error")},
                             SubmitCommand::tr("Standard error file."),
                             QStringLiteral("F")};
    QCommandLineOption exports{QStringLiteral("export"),
                               SubmitCommand::tr("Environment: NAME=value or NAME, comma-separated (passed "
                                                 "on standard input, never on a command line)."),
                               QStringLiteral("VARS")};
    QCommandLineOption user{
        QStringLiteral("user"),
        SubmitCommand::tr("Run the job as this one of the cluster's users (default: its first "
                          "user)."),
        QStringLiteral("NAME")};
    QCommandLineOption array{{QStringLiteral("a"), QStringLiteral("array")},
                             SubmitCommand::tr("Job array indices (0-9, 1,3,5-7, 0-99%10)."),
                             QStringLiteral("SPEC")};

    [[nodiscard]] QList<QCommandLineOption> all() const
    {
        return {name, partition, nodes,  tasks, cpus,    memory, gpus,
                time, chdir,     output, error, exports, array,  user};
    }
};

const Options &options()
{
    static const Options instance;
    return instance;
}

Error usage(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

Result<int> count(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return 0;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1 || value > 1000000) {
        return usage(SubmitCommand::tr("--%1 wants a whole number from 1 (got '%2').")
                         .arg(option.names().constLast(), parser.value(option)));
    }
    return value;
}

} // namespace

Result<JobRequest> SubmitCommand::requestFromOptions(const QCommandLineParser &parser)
{
    const Options &o = options();
    JobRequest request;
    request.name = parser.value(o.name);
    request.partition = parser.value(o.partition);
    for (auto [field, option] : {std::pair{&request.nodes, &o.nodes}, std::pair{&request.tasks, &o.tasks},
                                 std::pair{&request.cpusPerTask, &o.cpus}}) {
        const Result<int> value = count(parser, *option);
        if (!value)
            return value.error();
        *field = *value;
    }
    if (parser.isSet(o.memory)) {
        const Result<qint64> memory = JobRequests::parseMemory(parser.value(o.memory));
        if (!memory)
            return usage(QStringLiteral("--mem: ") + memory.error().message);
        request.memoryMb = *memory;
    }
    if (parser.isSet(o.gpus)) {
        const Result<JobRequests::GpuRequest> gpus = JobRequests::parseGpus(parser.value(o.gpus));
        if (!gpus)
            return usage(QStringLiteral("--gpus: ") + gpus.error().message);
        request.gpuType = gpus->type;
        request.gpus = gpus->count;
    }
    if (parser.isSet(o.time)) {
        const Result<qint64> time = JobRequests::parseTimeLimit(parser.value(o.time));
        if (!time)
            return usage(QStringLiteral("--time: ") + time.error().message);
        request.timeLimitMinutes = *time;
    }
    request.workingDirectory = parser.value(o.chdir);
    request.outputPath = parser.value(o.output);
    request.errorPath = parser.value(o.error);
    if (parser.isSet(o.exports))
        request.environment = parser.value(o.exports).split(u',', Qt::SkipEmptyParts);
    request.array = parser.value(o.array);
    request.user = parser.value(o.user);
    return request;
}

void SubmitCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("SCRIPT"),
                                 tr("The batch script (starts with #!); '-' reads it from standard input."));
    parser.addOptions(options().all());
    if (!parse(context, parser, QStringLiteral("submit"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] submit SCRIPT [--job-name N] [-p P] [-N N] "
                              "[-n N] [-c N] [--mem MB|4G] [--gpus [TYPE:]N] [-t T] [-D DIR] [-o F] [-e F] "
                              "[--export VARS] [-a SPEC] [--user NAME]")))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << tr("submit wants one SCRIPT (a file, or '-' for standard input).\n");
        done(CliUsage);
        return;
    }
    Result<JobRequest> request = requestFromOptions(parser);
    if (!request) {
        err() << request.error().message << u'\n';
        done(CliUsage);
        return;
    }
    m_request = std::move(request).value();

    QFile file;
    const QString path = positional.first();
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << tr("Cannot read the script %1: %2\n").arg(path, file.errorString());
        done(CliUsage);
        return;
    }
    m_request.script = QString::fromUtf8(file.readAll());
    prepareMonitor([this] { readSnapshot([this](const ClusterSnapshot &snapshot) { submit(snapshot); }); });
}

void SubmitCommand::submit(const ClusterSnapshot &snapshot)
{
    if (snapshot.isStale()) {
        reportStale(snapshot);
        done(CliFailure);
        return;
    }
    QStringList problems = JobRequests::validateJobRequest(m_request, snapshot);
    if (!m_request.user.isEmpty() && !plan().users.contains(m_request.user)) {
        problems << (plan().users.isEmpty()
                         ? tr("The cluster has no users to run jobs as: add them under 'users' in the "
                              "cluster file "
                              "and deploy.")
                         : tr("'%1' is not one of the cluster's users (%2).")
                               .arg(m_request.user, plan().users.join(QStringLiteral(", "))));
    }
    if (!problems.isEmpty()) {
        for (const QString &problem : problems)
            err() << problem << u'\n';
        err() << tr("Nothing was submitted.\n");
        done(CliUsage);
        return;
    }
    actions()->submitJob(m_request, this, [this](Result<QString> jobId) {
        if (!jobId) {
            fail(jobId.error());
            return;
        }
        out() << *jobId << u'\n';
        done(CliOk);
    });
}

} // namespace SlurmDeck
