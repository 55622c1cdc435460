// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/UpgradeCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "cli/DeployCommand.h"
#include "common/DurationText.h"
#include "common/Executor.h"
#include "deploy/HostDeployer.h"
#include "slurm/NodeLifecycle.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace SlurmDeck {

void UpgradeCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption images(QStringLiteral("images"),
                                    tr("How the hosts get the new images (see deploy; default build)."),
                                    QStringLiteral("MODE"));
    const QCommandLineOption base(QStringLiteral("base-image"),
                                  tr("The base the images are built on (see deploy)."),
                                  QStringLiteral("IMAGE"));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  tr("How long to wait for the jobs of each drained node (e.g. 90s, 10m, 2h; "
                                     "default 30m); a node still busy then keeps its old slurmd."),
                                  QStringLiteral("DURATION"), QStringLiteral("30m"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOptions({images, base, wait, yes});
    if (!parse(context, parser, QStringLiteral("upgrade"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] upgrade [--images MODE] [--base-image IMAGE] "
                              "[--wait DURATION] [--yes]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("upgrade takes no arguments: every host gets the new images.\n");
        done(CliUsage);
        return;
    }
    const Result<std::chrono::seconds> waitFor = DurationText::parse(parser.value(wait));
    if (!waitFor) {
        err() << tr("--wait: %1\n").arg(waitFor.error().message);
        done(CliUsage);
        return;
    }
    m_waitSeconds = waitFor->count();
    m_yes = parser.isSet(yes);
    if (!m_yes && !hasTerminal()) {
        err() << tr(
            "upgrade restarts the cluster's daemons and there is no terminal to confirm on: run it with "
            "--yes.\n");
        done(CliUsage);
        return;
    }
    if (!m_yes &&
        !confirm(tr("Upgrade the cluster in %1: deploy, then restart each daemon whose image changed, "
                    "draining the compute nodes one at a time (waiting up to %2 s for their jobs)?")
                     .arg(clusterPath().isEmpty() ? context.clusterFile : clusterPath())
                     .arg(m_waitSeconds))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    m_deployArguments = forwardedDeployArguments(parser);
    out() << tr("Step 1: deploy (images and files; no container with a job is recreated)\n");
    out().flush();
    auto *deploy = new DeployCommand(DeployCommand::Mode::Deploy, this);
    connect(deploy, &CliCommand::finished, this, [this](int exitCode) {
        if (exitCode != CliOk) {
            err() << tr(
                "The upgrade stopped: the deploy did not complete (see above). Nothing was restarted for "
                "the upgrade; run it again once the deploy works.\n");
            done(exitCode);
            return;
        }
        deployed();
    });
    CliContext deployContext = context;
    deployContext.arguments = m_deployArguments;
    deploy->start(deployContext);
}

QString UpgradeCommand::hostRunning(const QString &service) const
{
    for (const HostPlan &host : plan().hosts) {
        if (host.services.contains(service))
            return host.hostName;
    }
    return {};
}

void UpgradeCommand::deployed()
{
    prepareCluster([this] { located(); }, false);
}

void UpgradeCommand::located()
{
    runOnHosts(
        hostNames(), [](HostDeployer &host, const LinePoster &) { return host.outdatedServices(); },
        [this](const QList<HostOutcome> &outcomes) {
            for (const HostOutcome &outcome : outcomes) {
                if (!outcome.result) {
                    err() << outcome.host << QStringLiteral(": ") << outcome.result.error().toString()
                          << u'\n';
                    m_failed = true;
                    continue;
                }
                QStringList services = *outcome.result;
                if (services.removeAll(QStringLiteral("slurmd")) > 0)
                    m_nodes << outcome.host;
                if (!services.isEmpty())
                    m_outdated.insert(outcome.host, services);
            }
            out() << tr("Step 2: daemons on new images: %1\n")
                         .arg(m_outdated.isEmpty() && m_nodes.isEmpty()
                                  ? tr("none, every container is up to date")
                                  : tr("%n host(s) of services, %1 node(s)", nullptr, int(m_outdated.size()))
                                        .arg(m_nodes.size()));
            out().flush();
            // MariaDB and slurmdbd first, then slurmctld, then what is left; the nodes last.
            const QString database = hostRunning(QStringLiteral("slurmdbd"));
            const QString controller = hostRunning(QStringLiteral("slurmctld"));
            QStringList rest = m_outdated.keys();
            rest.removeAll(database);
            rest.removeAll(controller);
            // Each host once: the database host's services in their order, then the controller's.
            QStringList first;
            QStringList second;
            if (m_outdated.contains(database))
                first << database;
            if (m_outdated.contains(controller) && controller != database)
                second << controller;
            restartServices(first, [this, second, rest] {
                restartServices(second,
                                [this, rest] { restartServices(rest, [this] { upgradeNextNode(); }); });
            });
        });
}

void UpgradeCommand::restartServices(const QStringList &hosts, std::function<void()> next)
{
    if (hosts.isEmpty()) {
        next();
        return;
    }
    const QHash<QString, QStringList> outdated = m_outdated;
    runOnHosts(
        hosts,
        [outdated](HostDeployer &host, const LinePoster &post) -> Result<QStringList> {
            QStringList services = outdated.value(host.plan().hostName);
            // slurmdbd after its database; slurmctld after slurmdbd where both are here.
            std::sort(services.begin(), services.end(), [](const QString &a, const QString &b) {
                static const QStringList order{QStringLiteral("mariadb"), QStringLiteral("slurmdbd"),
                                               QStringLiteral("slurmctld")};
                const auto rank = [](const QString &s) {
                    const qsizetype at = order.indexOf(s);
                    return at < 0 ? order.size() : at;
                };
                return rank(a) < rank(b);
            });
            for (const QString &service : std::as_const(services)) {
                post(tr("recreating %1 on its new image").arg(service));
                const Result<ExecResult> up =
                    host.runArgv(host.compose().up({service}), std::chrono::seconds(300));
                if (!up)
                    return up.error();
                if (!up->succeeded()) {
                    return makeError(
                        Error::Code::RemoteCommandFailed,
                        tr("Compose could not recreate %1 on %2.").arg(service, host.plan().hostName),
                        QString::fromUtf8(up->standardError).trimmed().right(1500));
                }
            }
            return QStringList{tr("%1 on new images").arg(services.join(QStringLiteral(", ")))};
        },
        [this, next = std::move(next)](const QList<HostOutcome> &outcomes) {
            for (const HostOutcome &outcome : outcomes) {
                if (outcome.result) {
                    out() << outcome.host << QStringLiteral(": ")
                          << outcome.result->join(QStringLiteral("; ")) << u'\n';
                } else {
                    m_failed = true;
                    err() << outcome.host << QStringLiteral(": ") << outcome.result.error().toString()
                          << u'\n';
                }
            }
            out().flush();
            next();
        });
}

void UpgradeCommand::upgradeNextNode()
{
    if (m_nodes.isEmpty()) {
        if (!m_skipped.isEmpty()) {
            err()
                << tr("Still on their old slurmd, their jobs running after the wait: %1. Run 'slurmdeck-cli "
                      "upgrade' again later (or with a longer --wait).\n")
                       .arg(m_skipped.join(QStringLiteral(", ")));
        }
        if (m_failed)
            err() << tr(
                "The upgrade did not complete; see the messages above. Running it again continues it.\n");
        else if (m_skipped.isEmpty())
            out() << tr("The cluster %1 runs on the new images.\n").arg(plan().clusterName);
        done(m_failed || !m_skipped.isEmpty() ? CliFailure : CliOk);
        return;
    }
    const QString node = m_nodes.takeFirst();
    const Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(plan(), targets());
    if (!endpoint) {
        err() << endpoint.error().toString() << u'\n';
        done(CliFailure);
        return;
    }
    NodeLifecycle::Access access;
    access.endpoint = *endpoint;
    access.hostKeys = hostKeys();
    access.credentials = credentials();
    const QPointer<UpgradeCommand> self(this);
    access.progress = [self, node](const QString &line) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, node, line] {
                if (self) {
                    self->out() << node << QStringLiteral(": ") << line << u'\n';
                    self->out().flush();
                }
            },
            Qt::QueuedConnection);
    };
    out() << tr("%1: upgrading slurmd (drain, wait for its jobs, recreate, resume)\n").arg(node);
    out().flush();
    const std::chrono::seconds wait(m_waitSeconds);
    // The outcome: empty when upgraded, else why not; `skipped` when its jobs ran on.
    struct Outcome
    {
        QString error;
        bool skipped = false;
    };
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, node] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (outcome.skipped) {
            m_skipped << node;
            err() << node << QStringLiteral(": ") << outcome.error << u'\n';
        } else if (!outcome.error.isEmpty()) {
            m_failed = true;
            err() << node << QStringLiteral(": ") << outcome.error << u'\n';
        } else {
            out() << tr("%1: slurmd on its new image, node resumed\n").arg(node);
        }
        upgradeNextNode();
    });
    watcher->setFuture(
        QtConcurrent::run(Executor::pool(Executor::Lane::Hosts), [access, node, wait]() -> Outcome {
            const Result<QString> stopped =
                NodeLifecycle::drainAndStop(access, node, QStringLiteral("slurmdeck: upgrade"), wait);
            if (!stopped) {
                if (stopped.error().code != Error::Code::Timeout)
                    return {stopped.error().toString(), false};
                // Its jobs ran past the wait: back into service on its old slurmd.
                const Result<QString> resumed =
                    NodeLifecycle::startAndResume(access, node, std::chrono::seconds(120));
                return {tr("its jobs still run after the wait; it keeps its old slurmd%1")
                            .arg(resumed ? QString()
                                         : tr(" and stays drained (%1)").arg(resumed.error().toString())),
                        true};
            }
            const Result<QString> started =
                NodeLifecycle::startAndResume(access, node, std::chrono::seconds(180));
            return {started ? QString() : started.error().toString(), false};
        }));
}

} // namespace SlurmDeck
