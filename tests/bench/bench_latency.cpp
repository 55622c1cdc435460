// SPDX-License-Identifier: GPL-3.0-or-later
// Prints how long the GUI thread's event loop was held (EventLoopProbe: a 1 ms precise
// timer; the worst gap beyond its tick, the 99th percentile, how many gaps exceeded 16 ms)
// while the real main window works. Issue 5's goal: never longer than 16 ms. Figures only.
//
//   bench_latency refresh [--host primary] [--project sdscale] [--polls 10]
//       The main window's Nodes and Jobs views (and the notifier) fed by a real SlurmMonitor
//       polling the scale scenario (tests/lab/scale/scale.sh up, DOCKER pointed at the lab
//       host's engine: 1,000 nodes, 10,000 jobs) over SSH, every second, showing Nodes and
//       Jobs in turn so both tables are painted.
//   bench_latency deploy
//       The Deploy view deploys the four lab hosts (images transferred from here, as the lab
//       tests do), then the cluster is removed again. Hold the lab lock.
//
// Run in the lab's client namespace, offscreen:
//   QT_QPA_PLATFORM=offscreen tests/lab/lab.sh client -- build/release/tests/bench/bench_latency refresh
#include "ClusterNotifier.h"
#include "Confirmation.h"
#include "EventLoopProbe.h"
#include "LabManifest.h"
#include "MainWindow.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterDocument.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/Area.h"
#include "views/DeployView.h"
#include "views/JobsView.h"
#include "views/NodesView.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// With BENCH_VERBOSE: every top-level event delivery that takes longer than 10 ms, with its
// receiver and event type, to find what holds the loop.
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_verbose || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const QString what =
            QStringLiteral("%1 %2 (event %3)")
                .arg(QString::fromLatin1(receiver->metaObject()->className()), receiver->objectName())
                .arg(static_cast<int>(event->type()));
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        m_busyNs += timer.nsecsElapsed();
        if (const double ms = timer.nsecsElapsed() / 1e6; ms > 10)
            std::printf("  slow event: %.1f ms in %s\n", ms, qPrintable(what));
        return handled;
    }

    [[nodiscard]] qint64 busyNs() const { return m_busyNs; }

private:
    const bool m_verbose = qEnvironmentVariableIsSet("BENCH_VERBOSE");
    int m_depth = 0;
    qint64 m_busyNs = 0;
};

class Yes final : public Confirmation
{
public:
    void ask(QWidget *, const Question &, std::function<void(bool)> answer) override
    {
        QTimer::singleShot(0, qApp, [answer = std::move(answer)] { answer(true); });
    }
};

void report(const char *what, const Bench::EventLoopProbe &probe, double seconds)
{
    std::printf("%s: %.0f s, %lld ticks; event loop held at worst %.1f ms, 99th percentile %.2f ms, "
                "%lld gaps over 16 ms\n",
                what, seconds, static_cast<long long>(probe.ticks()), probe.worstMs(),
                probe.percentileMs(0.99), static_cast<long long>(probe.longerThan(16)));
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
        for (const Bench::EventLoopProbe::Gap &gap : probe.longest(8))
            std::printf("  held %.1f ms (%.1f ms of it delivering events), until %.0f ms\n", gap.heldMs,
                        gap.busyMs, gap.endMs);
    }
    std::fflush(stdout);
}

SshTarget labTarget(const Lab::Manifest &lab, const Lab::Host &host, const QString &emptyConfig)
{
    SshTarget target;
    target.host = host.address;
    target.user = QStringLiteral("root");
    target.identityFile = lab.clientKey();
    target.configFile = emptyConfig;
    target.userKnownHostsFile = lab.knownHosts();
    return target;
}

int refresh(const Lab::Manifest &lab, const QString &hostName, const QString &project, int polls,
            const QString &emptyConfig)
{
    const Lab::Host *host = nullptr;
    for (const Lab::Host &candidate : lab.hosts) {
        if (candidate.name == hostName)
            host = &candidate;
    }
    if (!host) {
        std::fprintf(stderr, "no lab host %s\n", qPrintable(hostName));
        return 1;
    }
    SlurmEndpoint endpoint;
    endpoint.clusterName = QStringLiteral("scale");
    endpoint.projectName = project;
    endpoint.controllerHost = host->name;
    HostPlan plan;
    plan.hostName = host->name;
    plan.address = host->address;
    plan.services = {QStringLiteral("slurmctld")};
    endpoint.hosts = {plan};
    endpoint.targets.insert(host->name, labTarget(lab, *host, emptyConfig));

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.showArea(Area::Nodes);
    SlurmMonitor monitor(endpoint, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject), nullptr);
    monitor.setInterval(std::chrono::seconds(1));

    Bench::EventLoopProbe probe;
    probe.setBusySource([] { return static_cast<TimingApplication *>(qApp)->busyNs(); });
    QEventLoop loop;
    int seen = 0;
    QObject::connect(&monitor, &SlurmMonitor::snapshotUpdated, &window, [&](const ClusterSnapshot &snapshot) {
        QElapsedTimer handler;
        handler.start();
        window.nodesView()->setSnapshot(snapshot);
        const qint64 nodesNs = handler.nsecsElapsed();
        window.jobsView()->setSnapshot(snapshot);
        const qint64 jobsNs = handler.nsecsElapsed();
        window.notifier()->setSnapshot(snapshot);
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            std::printf("  at %.0f ms poll %d: nodes view %.1f ms, jobs view %.1f ms, notifier %.1f ms\n",
                        probe.nowMs(), seen, nodesNs / 1e6, (jobsNs - nodesNs) / 1e6,
                        (handler.nsecsElapsed() - jobsNs) / 1e6);
        if (!snapshot.controller.ok) {
            std::fprintf(stderr, "poll failed: %s\n", qPrintable(snapshot.controller.error));
            loop.exit(1);
            return;
        }
        if (seen == 0) {
            std::printf("first snapshot: %lld nodes, %lld jobs; probing the next %d polls\n",
                        static_cast<long long>(snapshot.nodes.size()),
                        static_cast<long long>(snapshot.jobs.size()), polls);
            probe.start(); // the first poll includes connecting: not a refresh
        }
        QElapsedTimer switching;
        switching.start();
        window.showArea(seen % 2 ? Area::Nodes : Area::Jobs);
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            std::printf("  poll %d: switching views %.1f ms\n", seen, switching.nsecsElapsed() / 1e6);
        if (++seen > polls)
            loop.exit(0);
    });
    QElapsedTimer clock;
    clock.start();
    monitor.start();
    QTimer::singleShot(std::chrono::seconds(30 + polls * 10), &loop, [&loop] { loop.exit(2); });
    const int rc = loop.exec();
    probe.stop();
    monitor.stop();
    if (rc != 0) {
        std::fprintf(stderr, "did not see %d polls (%d)\n", polls, rc);
        return 1;
    }
    report("monitor refresh, Nodes and Jobs views (1 s interval)", probe, clock.elapsed() / 1e3);
    return 0;
}

void removeCluster(const Lab::Manifest &lab, const ClusterPlan &plan, const QString &emptyConfig)
{
    for (const Lab::Host &host : lab.hosts) {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(labTarget(lab, host, emptyConfig), &reject);
        if (!connection.connect())
            continue;
        QString directory = QStringLiteral("/nonexistent");
        for (const HostPlan &hostPlan : plan.hosts) {
            if (hostPlan.hostName == host.name)
                directory = hostPlan.directory;
        }
        const QString docker = Shell::quote(host.docker);
        const Result<ExecResult> removed =
            connection.exec(QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                           "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3")
                                .arg(docker, Shell::quote(plan.projectName), Shell::quote(directory)));
        Q_UNUSED(removed);
    }
}

int deploy(const Lab::Manifest &lab, const QTemporaryDir &temp, const QString &emptyConfig)
{
    SshTarget ssh;
    ssh.identityFile = lab.clientKey();
    ssh.configFile = emptyConfig;
    ssh.userKnownHostsFile = lab.knownHosts();
    ssh.slurmDeckKnownHostsFile = temp.filePath(QStringLiteral("own_known_hosts"));

    MainWindow window;
    ClusterDocument *document = window.clusterDocument();
    document->setClusterName(QStringLiteral("latencybench"));
    QList<Host> hosts;
    for (const Lab::Host &labHost : lab.hosts) {
        Host host;
        host.name = labHost.name;
        host.address = labHost.address;
        host.user = QStringLiteral("root");
        host.detected.platform = labHost.platform == u"qnap" ? Platform::Qnap : Platform::Linux;
        host.detected.arch = QStringLiteral("x86_64");
        host.detected.cpus = QThread::idealThreadCount();
        hosts << host;
    }
    if (hosts.size() > 1)
        hosts[1].platformOverride = Platform::MacOS;
    if (!document->addHosts(hosts))
        return 1;
    document->resetRolesToDefaults();

    DeployView *view = window.deployView();
    window.setConfirmation(std::make_shared<Yes>());
    view->session()->setSecrets(ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword());
    view->session()->setSshDefaults(ssh);
    view->session()->setHostKeyPrompt(std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
    DeployOptions options;
    options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
    options.localDocker = QStringLiteral("/usr/bin/docker");
    view->setDeployOptions(options);
    window.resize(1400, 900);
    window.show();
    window.showArea(Area::Deploy);

    DeploySession session(document->cluster(), ssh);
    const Result<DeploySession::Prepared> prepared =
        session.prepareWith(ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword());
    if (!prepared) {
        std::fprintf(stderr, "%s\n", qPrintable(prepared.error().toString()));
        return 1;
    }
    const ClusterPlan plan = prepared->plan;
    removeCluster(lab, plan, emptyConfig); // leftovers of a killed run

    Bench::EventLoopProbe probe;
    probe.setBusySource([] { return static_cast<TimingApplication *>(qApp)->busyNs(); });
    QEventLoop loop;
    QObject::connect(view, &DeployView::planReady, &loop,
                     [&] { window.findChild<QAction *>(QStringLiteral("startDeployAction"))->trigger(); });
    bool ok = false;
    QObject::connect(view, &DeployView::deployFinished, &loop, [&](const DeployReport &finished) {
        ok = finished.ok();
        loop.exit(0);
    });
    QElapsedTimer clock;
    clock.start();
    probe.start();
    window.findChild<QAction *>(QStringLiteral("planAction"))->trigger();
    QTimer::singleShot(std::chrono::minutes(9), &loop, [&loop] { loop.exit(2); });
    loop.exec();
    probe.stop();
    removeCluster(lab, plan, emptyConfig);
    if (!ok) {
        std::fprintf(stderr, "the deploy did not succeed: %s\n", qPrintable(view->summary()));
        return 1;
    }
    report("plan + deploy of the 4 lab hosts in the Deploy view", probe, clock.elapsed() / 1e3);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("refresh or deploy"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("lab host of the scale scenario"),
                                        QStringLiteral("NAME"), QStringLiteral("primary"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
                                           QStringLiteral("Compose project label of its slurmctld"),
                                           QStringLiteral("NAME"), QStringLiteral("sdscale"));
    const QCommandLineOption pollsOption(QStringLiteral("polls"), QStringLiteral("polls to probe"),
                                         QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({hostOption, projectOption, pollsOption});
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);

    QString why;
    const std::optional<Lab::Manifest> lab = Lab::readManifest(&why);
    if (!lab) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 1;
    }
    QTemporaryDir temp;
    const QString emptyConfig = temp.filePath(QStringLiteral("empty_ssh_config"));
    QFile(emptyConfig).open(QIODevice::WriteOnly);

    if (mode == u"refresh")
        return refresh(*lab, parser.value(hostOption), parser.value(projectOption),
                       std::max(1, parser.value(pollsOption).toInt()), emptyConfig);
    if (mode == u"deploy")
        return deploy(*lab, temp, emptyConfig);
    parser.showHelp(2);
}
