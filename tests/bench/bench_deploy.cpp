// SPDX-License-Identifier: GPL-3.0-or-later
// Deploy benchmark (issue 4's speed goals), run in the lab's client namespace with the
// images already on the hosts:
//   tests/lab/lab.sh client -- build/dev/tests/bench/bench_deploy [ROUNDS]
// Prints, per round, the wall time of
//   - the plain sequential script (tar stream per host over ssh, docker-compose up -d,
//     wait for idle nodes): a first deploy and a no-change re-run;
//   - SlurmDeck's deploy engine: a first deploy (to every node idle) and a no-change re-run.
// Goals: SlurmDeck's first deploy no slower than the plain script, its re-run under 2 s.
// Then, per round, the live changes of issue 13, each timed to every node idle:
//   - "add host": the last lab host added to the deployed cluster of the others;
//   - "host alone": a first deploy of a cluster of that host alone (every role on it), the
//     comparison;
//   - "reconfigure": a partition's MaxTime changed (slurm.conf, `scontrol reconfigure`).
// Goals: adding a host under 1.5x its deploy alone, a reconfigure under 3 s.
// Compare the ratios within one run: the machine is shared and noisy.
#include "LabManifest.h"
#include "PlainDeploy.h"
#include "deploy/DeployRunner.h"
#include "inventory/DefaultRoles.h"
#include "plan/ClusterPlanner.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <optional>

using namespace SlurmDeck;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

Cluster labCluster(const Lab::Manifest &lab)
{
    Cluster cluster;
    cluster.name = QStringLiteral("benchdeploy");
    for (const Lab::Host &labHost : lab.hosts) {
        Host host;
        host.name = labHost.name;
        host.address = labHost.address;
        host.user = labHost.user; // root, or the lab's ordinary user (its files under its home)
        host.detected.loginUid = labHost.uid;
        host.detected.home = labHost.home;
        host.detected.platform = Lab::platformOf(labHost);
        host.detected.arch = QStringLiteral("x86_64");
        host.detected.cpus = QThread::idealThreadCount();
        cluster.hosts << host;
    }
    if (cluster.hosts.size() > 1)
        cluster.hosts[1].platformOverride = Platform::MacOS; // as the deploy lab test does
    assignDefaultRoles(cluster);
    return cluster;
}

struct Engine
{
    ClusterPlan plan;
    QHash<QString, SshTarget> targets;

    qint64 deploy(ImageSource images) const { return deploy(plan, images); }

    // Milliseconds until the runner finished, or -1 if any host failed.
    qint64 deploy(const ClusterPlan &deployed, ImageSource images) const
    {
        DeployRunner runner(deployed, targets, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                            nullptr);
        QEventLoop loop;
        DeployReport report;
        QObject::connect(&runner, &DeployRunner::finished, &loop, [&](const DeployReport &finished) {
            report = finished;
            loop.quit();
        });
        DeployOptions options;
        options.images = images;
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.verify = false; // timed to "every node idle" below, like the plain script
        QElapsedTimer timer;
        timer.start();
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
            QObject::connect(&runner, &DeployRunner::hostPhaseChanged, &loop,
                             [&timer](const QString &host, DeployPhase phase, const QString &) {
                                 out() << QStringLiteral("    %1 ms  %2 %3\n")
                                              .arg(timer.elapsed(), 6)
                                              .arg(host, phaseText(phase))
                                       << Qt::flush;
                             });
        }
        runner.start(options);
        loop.exec();
        bool failed = false;
        for (const HostDeployResult &host : report.hosts) {
            if (!host.ok()) {
                out()
                    << QStringLiteral("  %1 failed: %2\n%3\n").arg(host.host, host.message, host.lastLogLines)
                    << Qt::flush;
                failed = true;
            }
        }
        return failed ? -1 : timer.elapsed();
    }
};

qint64 timed(const QString &script)
{
    QElapsedTimer timer;
    timer.start();
    return Bench::runShell(script) == 0 ? timer.elapsed() : -1;
}

QString seconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("failed")
                  : QString::number(static_cast<double>(ms) / 1000.0, 'f', 2) + u's';
}

// The plans of issue 13's live changes, all with the same secrets and cluster name.
struct LiveChangePlans
{
    ClusterPlan withoutLast;  // every lab host but the last
    ClusterPlan all;          // every lab host
    ClusterPlan reconfigured; // every lab host, the first partition's MaxTime changed
    ClusterPlan lastAlone;    // the last lab host, a cluster of its own
};

std::optional<LiveChangePlans> liveChangePlans(const Lab::Manifest &lab, const PlanInputs &inputs)
{
    const ClusterPlanner planner(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")));
    const Cluster all = labCluster(lab);
    Cluster withoutLast = all;
    withoutLast.hosts.removeLast();
    Cluster reconfigured = all;
    reconfigured.partitions[0].maxTime = QStringLiteral("1-12:00:00");
    Cluster lastAlone = all;
    lastAlone.hosts = {all.hosts.constLast()};
    assignDefaultRoles(lastAlone);
    LiveChangePlans plans;
    const std::pair<const Cluster *, ClusterPlan *> wanted[] = {{&withoutLast, &plans.withoutLast},
                                                                {&all, &plans.all},
                                                                {&reconfigured, &plans.reconfigured},
                                                                {&lastAlone, &plans.lastAlone}};
    for (const auto &[cluster, plan] : wanted) {
        const Result<ClusterPlan> planned = planner.plan(*cluster, inputs);
        if (!planned) {
            std::fprintf(stderr, "bench_deploy: %s\n", qPrintable(planned.error().toString()));
            return std::nullopt;
        }
        *plan = *planned;
    }
    return plans;
}

// Deploys `plan` and waits until `nodes` nodes are idle; milliseconds, or -1.
qint64 deployToIdle(const Engine &engine, const ClusterPlan &plan, const Lab::Manifest &lab, int nodes)
{
    QElapsedTimer timer;
    timer.start();
    if (engine.deploy(plan, ImageSource::AlreadyOnHost) < 0 ||
        Bench::runShell(Bench::waitForIdleScript(plan, lab, nodes)) != 0)
        return -1;
    return timer.elapsed();
}

// The live-change table; returns how many of its figures failed.
int runLiveChanges(const Engine &engine, const LiveChangePlans &plans, const Lab::Manifest &lab, int rounds,
                   const QString &tearDown)
{
    const int nodes = static_cast<int>(lab.hosts.size());
    out() << QStringLiteral("\n%1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("round"), 5)
                 .arg(QStringLiteral("add host"), 12)
                 .arg(QStringLiteral("host alone"), 12)
                 .arg(QStringLiteral("ratio"), 6)
                 .arg(QStringLiteral("reconfigure"), 12)
          << Qt::flush;
    // Warm-up: the last host alone runs every role, so it gets the other roles' images too.
    if (engine.deploy(plans.lastAlone, ImageSource::TransferFromHere) < 0)
        return 1;
    Bench::runShell(tearDown);
    int failures = 0;
    for (int round = 1; round <= rounds; ++round) {
        const qint64 start = deployToIdle(engine, plans.withoutLast, lab, nodes - 1);
        const qint64 added = start < 0 ? -1 : deployToIdle(engine, plans.all, lab, nodes);
        const qint64 reconfigured = added < 0 ? -1 : deployToIdle(engine, plans.reconfigured, lab, nodes);
        Bench::runShell(tearDown);
        const qint64 alone = deployToIdle(engine, plans.lastAlone, lab, 1);
        Bench::runShell(tearDown);

        failures += (added < 0) + (alone < 0) + (reconfigured < 0);
        const QString ratio =
            added > 0 && alone > 0
                ? QString::number(static_cast<double>(added) / static_cast<double>(alone), 'f', 2)
                : QStringLiteral("-");
        out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(round, 5)
                     .arg(seconds(added), 12)
                     .arg(seconds(alone), 12)
                     .arg(ratio, 6)
                     .arg(seconds(reconfigured), 12)
              << Qt::flush;
    }
    return failures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1;
    QString why;
    const std::optional<Lab::Manifest> lab = Lab::readManifest(&why);
    if (!lab) {
        std::fprintf(stderr, "bench_deploy: %s\n", qPrintable(why));
        return 2;
    }
    QTemporaryDir temp;
    QFile(temp.filePath(QStringLiteral("empty_ssh_config"))).open(QIODevice::WriteOnly);

    PlanInputs inputs;
    inputs.mungeKey = ClusterSecrets::generateMungeKey();
    inputs.databasePassword = ClusterSecrets::generatePassword();
    for (const Lab::Host &host : lab->hosts)
        inputs.networkAddresses.insert(host.name, host.address);
    const Result<ClusterPlan> planned =
        ClusterPlanner(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")))
            .plan(labCluster(*lab), inputs);
    if (!planned) {
        std::fprintf(stderr, "bench_deploy: %s\n", qPrintable(planned.error().toString()));
        return 2;
    }
    Engine engine{*planned, {}};
    for (const Lab::Host &host : lab->hosts) {
        SshTarget target;
        target.host = host.address;
        target.user = host.user;
        target.identityFile = lab->clientKey();
        target.configFile = temp.filePath(QStringLiteral("empty_ssh_config"));
        target.userKnownHostsFile = lab->knownHosts();
        target.slurmDeckKnownHostsFile = temp.filePath(QStringLiteral("own_known_hosts"));
        engine.targets.insert(host.name, target);
    }
    const int nodes = static_cast<int>(lab->hosts.size());
    const QString tearDown = Bench::tearDownScript(engine.plan, *lab);
    const QString waitIdle = Bench::waitForIdleScript(engine.plan, *lab, nodes);

    out() << QStringLiteral("deploy benchmark: %1 lab hosts, %2 round(s); images transferred once first\n")
                 .arg(nodes)
                 .arg(rounds)
          << Qt::flush;
    Bench::runShell(tearDown);
    if (engine.deploy(ImageSource::TransferFromHere) < 0) // warm-up: every host has the images
        return 1;
    Bench::runShell(tearDown);

    out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("round"), 5)
                 .arg(QStringLiteral("plain first"), 12)
                 .arg(QStringLiteral("plain re-run"), 12)
                 .arg(QStringLiteral("slurmdeck first"), 16)
                 .arg(QStringLiteral("slurmdeck re-run"), 16)
          << Qt::flush;
    int failures = 0;
    for (int round = 1; round <= rounds; ++round) {
        QTemporaryDir staging;
        const QString plain = Bench::plainDeployScript(engine.plan, *lab, staging.path());
        const qint64 plainFirst = timed(plain + waitIdle);
        const qint64 plainAgain = timed(plain + waitIdle);
        Bench::runShell(tearDown);

        QElapsedTimer timer;
        timer.start();
        qint64 first = engine.deploy(ImageSource::AlreadyOnHost);
        first = first < 0 || Bench::runShell(waitIdle) != 0 ? -1 : timer.elapsed();
        const qint64 again = engine.deploy(ImageSource::AlreadyOnHost);
        Bench::runShell(tearDown);

        failures += (plainFirst < 0) + (plainAgain < 0) + (first < 0) + (again < 0);
        out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(round, 5)
                     .arg(seconds(plainFirst), 12)
                     .arg(seconds(plainAgain), 12)
                     .arg(seconds(first), 16)
                     .arg(seconds(again), 16)
              << Qt::flush;
    }
    const std::optional<LiveChangePlans> plans = liveChangePlans(*lab, inputs);
    if (!plans)
        return 2;
    failures += runLiveChanges(engine, *plans, *lab, rounds, tearDown);
    return failures == 0 ? 0 : 1;
}
