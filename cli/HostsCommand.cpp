// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HostsCommand.h"

#include "cli/DeployCommand.h"
#include "common/DurationText.h"
#include "deploy/HostDeployer.h"
#include "deploy/ServiceOperations.h"
#include "inventory/ClusterDocument.h"
#include "slurm/SlurmCommands.h"

#include <QTimer>

namespace SlurmDeck {

namespace {

// Services only a host that keeps its place in the cluster can run.
const QStringList &clusterRoles()
{
    static const QStringList roles{QStringLiteral("slurmctld"), QStringLiteral("slurmdbd"),
                                   QStringLiteral("mariadb"), QStringLiteral("prometheus"),
                                   QStringLiteral("grafana")};
    return roles;
}

Result<QStringList> inSlurmctld(HostDeployer &controller, const QStringList &argv)
{
    const Result<ExecResult> ran = controller.runArgv(
        controller.compose().exec(QStringLiteral("slurmctld"), argv), std::chrono::seconds(30));
    if (!ran)
        return ran.error();
    if (!ran->succeeded()) {
        return makeError(
            Error::Code::RemoteCommandFailed,
            QObject::tr("%1 failed in slurmctld on %2.").arg(argv.value(0), controller.plan().hostName),
            QString::fromUtf8(ran->standardError).trimmed().right(500));
    }
    return QString::fromUtf8(ran->standardOutput).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

void HostsCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  tr("How long to wait for the jobs running on the host (e.g. 90s, 10m, 2h; "
                                     "default 10m)."),
                                  QStringLiteral("DURATION"), QStringLiteral("10m"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        tr("Go on when jobs still run on the host after --wait: Slurm requeues or fails them."));
    const QCommandLineOption images(QStringLiteral("images"),
                                    tr("How the deploy of the other hosts gets its images (see deploy)."),
                                    QStringLiteral("MODE"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOptions({wait, force, images, yes});
    if (!parse(context, parser, QStringLiteral("hosts"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] hosts remove HOST [--wait DURATION] [--force] "
                              "[--images MODE] [--yes]")))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.first() != u"remove") {
        err() << tr(
            "Usage: slurmdeck-cli hosts remove HOST [--wait DURATION] [--force] [--yes], or slurmdeck-cli "
            "hosts add HOST... [--roles ROLES] [--yes] (see slurmdeck-cli hosts add --help).\n");
        done(CliUsage);
        return;
    }
    m_host = positional.at(1);
    const Result<std::chrono::seconds> waitFor = DurationText::parse(parser.value(wait));
    if (!waitFor) {
        err() << tr("--wait: %1\n").arg(waitFor.error().message);
        done(CliUsage);
        return;
    }
    m_waitSeconds = waitFor->count();
    m_force = parser.isSet(force);
    m_yes = parser.isSet(yes);
    if (!m_yes && !hasTerminal()) {
        err() << tr("hosts remove changes the cluster and there is no terminal to confirm on: run it with "
                    "--yes.\n");
        done(CliUsage);
        return;
    }
    m_deployArguments = forwardedDeployArguments(parser);
    prepareCluster([this] { planReady(); }, false); // draining needs no secret
}

QString HostsCommand::controllerHost() const
{
    for (const HostPlan &host : plan().hosts) {
        if (host.services.contains(QStringLiteral("slurmctld")))
            return host.hostName;
    }
    return {};
}

void HostsCommand::planReady()
{
    const HostPlan *host = hostPlan(m_host);
    if (!host) {
        err() << tr("%1 is not a host of the cluster; its hosts are %2.\n")
                     .arg(m_host, hostNames().join(QStringLiteral(", ")));
        done(CliUsage);
        return;
    }
    QStringList kept;
    for (const QString &service : clusterRoles()) {
        if (host->services.contains(service))
            kept << service;
    }
    if (!kept.isEmpty()) {
        err() << tr("%1 runs %2 for the whole cluster. Give that role to another host in the cluster file "
                    "(or in the GUI's Hosts view) and deploy; then remove %1.\n")
                     .arg(m_host, kept.join(QStringLiteral(", ")));
        done(CliFailure);
        return;
    }
    if (!m_yes &&
        !confirm(tr("Take %1 out of the cluster %2: drain it, wait up to %3 s for its jobs, stop its "
                    "containers (its data stays on it), remove it from the cluster file and "
                    "deploy the other hosts?")
                     .arg(m_host, plan().clusterName)
                     .arg(m_waitSeconds))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    if (host->services.contains(QStringLiteral("slurmd")))
        drain();
    else
        takeDown();
}

void HostsCommand::drain()
{
    const QString node = m_host;
    out() << tr("Draining %1 (no new jobs start there)…\n").arg(node);
    out().flush();
    runOnHosts(
        {controllerHost()},
        [node](HostDeployer &controller, const LinePoster &) -> Result<QStringList> {
            const Result<QStringList> argv =
                SlurmCommands::drainNode(node, QStringLiteral("slurmdeck: host being removed"));
            if (!argv)
                return argv.error();
            return inSlurmctld(controller, *argv);
        },
        [this](const QList<HostOutcome> &outcomes) {
            if (!outcomes.constFirst().result) {
                err() << tr("Cannot drain %1: %2\nNothing else was changed.\n")
                             .arg(m_host, outcomes.constFirst().result.error().toString());
                hintAboutHostKeys();
                done(CliFailure);
                return;
            }
            m_deadline = QDeadlineTimer(std::chrono::seconds(m_waitSeconds));
            waitForJobs();
        });
}

void HostsCommand::waitForJobs()
{
    const QString node = m_host;
    runOnHosts(
        {controllerHost()},
        [node](HostDeployer &controller, const LinePoster &) {
            return inSlurmctld(controller, SlurmCommands::jobsOnNodeArgv(node));
        },
        [this](const QList<HostOutcome> &outcomes) {
            const Result<QStringList> &jobs = outcomes.constFirst().result;
            if (!jobs) {
                err() << tr("Cannot list the jobs on %1: %2\n%1 stays drained; run this again, or "
                            "'slurmdeck-cli nodes resume %1' to use it again.\n")
                             .arg(m_host, jobs.error().toString());
                done(CliFailure);
                return;
            }
            if (jobs->isEmpty()) {
                out() << tr("No job runs on %1.\n").arg(m_host);
                takeDown();
                return;
            }
            if (*jobs != m_lastJobs) {
                out() << tr("Waiting for the jobs on %1 to end: %2\n")
                             .arg(m_host, jobs->join(QStringLiteral(", ")));
                out().flush();
                m_lastJobs = *jobs;
            }
            if (!m_deadline.hasExpired()) {
                QTimer::singleShot(2000, this, [this] { waitForJobs(); });
                return;
            }
            if (!m_force) {
                err() << tr("Jobs %1 still run on %2 after %3 s. Wait longer (--wait 2h), or add --force to "
                            "go on: Slurm then requeues or fails them. %2 stays drained.\n")
                             .arg(jobs->join(QStringLiteral(", ")), m_host)
                             .arg(m_waitSeconds);
                done(CliFailure);
                return;
            }
            err() << tr("--force: going on while jobs %1 still run on %2.\n")
                         .arg(jobs->join(QStringLiteral(", ")), m_host);
            takeDown();
        });
}

void HostsCommand::takeDown()
{
    out() << tr("Stopping SlurmDeck's containers on %1 (its data stays there)…\n").arg(m_host);
    out().flush();
    runOnHosts(
        {m_host},
        [](HostDeployer &deployer, const LinePoster &) -> Result<QStringList> {
            const Result<QString> down = ServiceOperations::takeDown(deployer);
            if (!down)
                return down.error();
            return QStringList{*down};
        },
        [this](const QList<HostOutcome> &outcomes) {
            const Result<QStringList> &down = outcomes.constFirst().result;
            if (down)
                out() << m_host << QStringLiteral(": ") << down->join(QStringLiteral("; ")) << u'\n';
            else
                err() << tr("%1 could not be reached to stop its containers (%2); it is removed from the "
                            "cluster anyway. Stop them there later with 'docker compose down' in its cluster "
                            "directory.\n")
                             .arg(m_host, down.error().toString());
            updateClusterFile();
        });
}

void HostsCommand::updateClusterFile()
{
    ClusterDocument document;
    Result<void> edited = document.load(clusterPath());
    if (edited)
        edited = document.removeHost(m_host);
    if (edited)
        edited = document.save();
    if (!edited) {
        err()
            << tr("%1 is drained and stopped, but the cluster file could not be changed: %2\nRemove %1 from "
                  "%3 by hand, then run 'slurmdeck-cli deploy'.\n")
                   .arg(m_host, edited.error().toString(), clusterPath());
        done(CliFailure);
        return;
    }
    out() << tr("%1 is no longer in %2. Deploying the other hosts so that Slurm forgets it:\n")
                 .arg(m_host, clusterPath());
    out().flush();
    deployTheRest();
}

void HostsCommand::deployTheRest()
{
    auto *deploy = new DeployCommand(DeployCommand::Mode::Deploy, this);
    connect(deploy, &CliCommand::finished, this, [this](int exitCode) { done(exitCode); });
    CliContext deployContext = context();
    deployContext.arguments = m_deployArguments;
    deployContext.clusterFile = clusterPath();
    deploy->start(deployContext);
}

} // namespace SlurmDeck
