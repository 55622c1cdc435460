// SPDX-License-Identifier: GPL-3.0-or-later
// Prints what one monitor refresh costs on a big cluster, beside the bare Slurm commands
// it replaces: wall time and the controller container's CPU (its cgroup's usage, so the
// exec'd commands and slurmctld's RPC work both count), output size, and the client CPU
// to read one poll's output into a snapshot. Figures only, no assertions.
//
// Runs against the scale scenario (tests/lab/scale/scale.sh up: 1,000 nodes, 10,000 jobs):
//   bench_monitor [--docker "docker -H unix:///path/docker.sock"] [--container sdscale-ctl]
//                 [--runs 5] [--ssh HOST --identity KEY [--ssh-config FILE] [--user root]]
// Without --ssh the commands run here (docker exec); with it, over one reused SSH connection
// to HOST, exactly as SlurmMonitor does (its docker is then HOST's).
#include "remote/ShellQuote.h"
#include "slurm/SlurmQueries.h"
#include "slurm/SnapshotUpdate.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace SlurmDeck;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Runner
{
    QStringList docker;
    QString container;
    std::unique_ptr<SshConnection> ssh;

    // A shell line run inside the container; its stdout.
    QByteArray exec(const QString &innerScript) const
    {
        const QStringList argv = docker + QStringList{QStringLiteral("exec"), container, QStringLiteral("sh"),
                                                      QStringLiteral("-c"), innerScript};
        if (ssh) {
            ExecOptions options;
            options.timeout = std::chrono::seconds(120);
            const Result<ExecResult> ran = ssh->exec(Shell::join(argv), options);
            return ran ? ran->standardOutput : QByteArray();
        }
        QProcess process;
        process.start(argv.first(), argv.mid(1));
        process.waitForFinished(120000);
        return process.readAllStandardOutput();
    }

    // The container's CPU time so far, in microseconds (cgroup v1 or v2).
    qint64 cpuMicros() const
    {
        const QByteArray text = exec(QStringLiteral(
            "if [ -r /sys/fs/cgroup/cpu.stat ]; then sed -n 's/^usage_usec //p' /sys/fs/cgroup/cpu.stat; "
            "else for f in /sys/fs/cgroup/cpuacct/cpuacct.usage /sys/fs/cgroup/cpu,cpuacct/cpuacct.usage; do "
            "[ -r $f ] && { echo $(( $(cat $f) / 1000 )); break; }; done; fi"));
        return text.trimmed().toLongLong();
    }
};

struct Figures
{
    double wallMs = 0;
    double cpuMs = 0;
    qsizetype bytes = 0;
    QByteArray output;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

Figures measure(const Runner &runner, const QString &script, int runs)
{
    QList<double> walls;
    QList<double> cpus;
    Figures figures;
    for (int i = 0; i < runs; ++i) {
        const qint64 before = runner.cpuMicros();
        QElapsedTimer timer;
        timer.start();
        figures.output = runner.exec(script);
        walls << timer.nsecsElapsed() / 1e6;
        cpus << (runner.cpuMicros() - before) / 1e3;
        figures.bytes = figures.output.size();
    }
    figures.wallMs = median(walls);
    figures.cpuMs = median(cpus);
    return figures;
}

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void row(const QString &name, const Figures &figures)
{
    out() << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(name, -52)
                 .arg(QString::number(figures.wallMs, 'f', 0), 9)
                 .arg(QString::number(figures.cpuMs, 'f', 0), 12)
                 .arg(QString::number(figures.bytes / 1024.0, 'f', 0), 10);
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dockerOption(QStringLiteral("docker"), QStringLiteral("docker command"),
                                          QStringLiteral("CMD"), QStringLiteral("docker"));
    const QCommandLineOption containerOption(QStringLiteral("container"),
                                             QStringLiteral("slurmctld container"), QStringLiteral("NAME"),
                                             QStringLiteral("sdscale-ctl"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("runs per figure"),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption sshOption(QStringLiteral("ssh"), QStringLiteral("host"), QStringLiteral("HOST"));
    const QCommandLineOption identityOption(QStringLiteral("identity"), QStringLiteral("key"),
                                            QStringLiteral("FILE"));
    const QCommandLineOption configOption(QStringLiteral("ssh-config"), QStringLiteral("ssh config"),
                                          QStringLiteral("FILE"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("ssh user"),
                                        QStringLiteral("USER"), QStringLiteral("root"));
    parser.addOptions(
        {dockerOption, containerOption, runsOption, sshOption, identityOption, configOption, userOption});
    parser.process(app);

    Runner runner;
    runner.docker = parser.value(dockerOption).split(u' ', Qt::SkipEmptyParts);
    runner.container = parser.value(containerOption);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    FixedHostKeyPolicy reject(HostKeyDecision::Reject);
    if (parser.isSet(sshOption)) {
        SshTarget target;
        target.host = parser.value(sshOption);
        target.user = parser.value(userOption);
        target.identityFile = parser.value(identityOption);
        target.configFile = parser.value(configOption);
        runner.ssh = std::make_unique<SshConnection>(target, &reject);
        if (Result<void> connected = runner.ssh->connect(); !connected) {
            out() << QStringLiteral("cannot connect: ") << connected.error().toString() << u'\n';
            return 1;
        }
    }

    const Result<SlurmVersion> version =
        SlurmQueries::parseVersion(runner.exec(QStringLiteral("scontrol --version")));
    if (!version) {
        out() << QStringLiteral("no Slurm in %1: %2\n").arg(runner.container, version.error().toString());
        return 1;
    }
    const int nodeCount =
        runner.exec(QStringLiteral("sinfo -h -N -o %N | sort -u | wc -l")).trimmed().toInt();
    const int jobCount = runner.exec(QStringLiteral("squeue -h -o %i | wc -l")).trimmed().toInt();
    out() << QStringLiteral("Slurm %1, %2 nodes, %3 jobs; %4; median of %5 runs\n\n")
                 .arg(version->toString())
                 .arg(nodeCount)
                 .arg(jobCount)
                 .arg(runner.ssh ? QStringLiteral("over one reused SSH connection + docker exec")
                                 : QStringLiteral("docker exec from this machine"))
                 .arg(runs);
    out() << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QStringLiteral("query"), -52)
                 .arg(QStringLiteral("wall ms"), 9)
                 .arg(QStringLiteral("ctl CPU ms"), 12)
                 .arg(QStringLiteral("out KiB"), 10);

    const QList<PollScript::Query> queries{
        {QStringLiteral("nodes"), SlurmQueries::nodesArgv(*version), 20},
        {QStringLiteral("partitions"), SlurmQueries::partitionsArgv(*version), 20},
        {QStringLiteral("jobs"), SlurmQueries::jobsArgv(*version), 20},
    };
    const QString nonce = PollScript::newNonce();
    const Figures refresh = measure(runner, PollScript::build(queries, nonce), runs);
    row(QStringLiteral("monitor refresh (nodes+partitions+queue, one exec)"), refresh);

    Figures separate;
    for (const PollScript::Query &query : queries) {
        const Figures one = measure(runner, Shell::join(query.argv), runs);
        row(QStringLiteral("  bare: ") + query.argv.mid(0, 4).join(u' '), one);
        separate.wallMs += one.wallMs;
        separate.cpuMs += one.cpuMs;
        separate.bytes += one.bytes;
    }
    row(QStringLiteral("  the three bare commands, one exec each"), separate);
    row(QStringLiteral("  bare: squeue --json"), measure(runner, QStringLiteral("squeue --json"), runs));
    row(QStringLiteral("  bare: sinfo --json"), measure(runner, QStringLiteral("sinfo --json"), runs));
    row(QStringLiteral("  bare: scontrol -o show jobs"),
        measure(runner, QStringLiteral("scontrol -o show jobs"), runs));

    // Client side: from the poll's bytes to the next snapshot, part by part.
    QList<double> splitMs, nodesMs, partitionsMs, jobsMs, applyMs, totalMs;
    qsizetype nodes = 0;
    qsizetype jobs = 0;
    ClusterSnapshot snapshot;
    for (int i = 0; i < std::max(runs, 5); ++i) {
        double mark = processCpuMs();
        const double start = mark;
        const auto lap = [&mark](QList<double> &into) {
            const double now = processCpuMs();
            into << now - mark;
            mark = now;
        };
        const QHash<QString, PollScript::Section> sections = PollScript::split(refresh.output, nonce);
        lap(splitMs);
        PollOutcome outcome;
        outcome.at = QDateTime::currentDateTimeUtc();
        const auto parsedNodes =
            SlurmQueries::parseNodes(sections.value(QStringLiteral("nodes")).output, *version);
        lap(nodesMs);
        const auto parsedPartitions =
            SlurmQueries::parsePartitions(sections.value(QStringLiteral("partitions")).output, *version);
        lap(partitionsMs);
        const auto parsedJobs =
            SlurmQueries::parseJobs(sections.value(QStringLiteral("jobs")).output, *version);
        lap(jobsMs);
        if (parsedNodes && parsedPartitions && parsedJobs) {
            outcome.nodes = parsedNodes->items;
            outcome.partitions = parsedPartitions->items;
            outcome.jobs = parsedJobs->items;
        }
        snapshot = applyPoll(std::move(snapshot), outcome);
        lap(applyMs);
        totalMs << processCpuMs() - start;
        nodes = snapshot.nodes.size();
        jobs = snapshot.jobs.size();
    }
    out() << QStringLiteral(
                 "\nclient CPU to read one poll into a snapshot (%1 nodes, %2 jobs), median ms: %3 "
                 "(split %4, nodes %5, partitions %6, queue %7, snapshot %8)%9\n")
                 .arg(nodes)
                 .arg(jobs)
                 .arg(QString::number(median(totalMs), 'f', 1), QString::number(median(splitMs), 'f', 1),
                      QString::number(median(nodesMs), 'f', 1), QString::number(median(partitionsMs), 'f', 1),
                      QString::number(median(jobsMs), 'f', 1), QString::number(median(applyMs), 'f', 1))
                 .arg(
#ifdef NDEBUG
                     QString()
#else
                     QStringLiteral(" [unoptimised Debug build]")
#endif
                 );
    return 0;
}
