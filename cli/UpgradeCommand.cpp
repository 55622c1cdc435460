// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/UpgradeCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "cli/DeployCommand.h"
#include "common/DurationText.h"
#include "inventory/ClusterFile.h"
#include "session/ClusterUpgradeRun.h"

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
    const QCommandLineOption slurmBase(QStringLiteral("slurm-base-image"),
                                       tr("The base the Slurm image is built on (see deploy)."),
                                       QStringLiteral("IMAGE"));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  tr("How long to wait for the jobs of each drained node (e.g. 90s, 10m, 2h; "
                                     "default 30m); a node still busy then keeps its old slurmd."),
                                  QStringLiteral("DURATION"), QStringLiteral("30m"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOptions({images, base, slurmBase, wait, yes});
    if (!parse(context, parser, QStringLiteral("upgrade"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] upgrade [--images MODE] [--base-image IMAGE] "
                              "[--slurm-base-image IMAGE] [--wait DURATION] [--yes]")))
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
                     .arg(ClusterFile::resolvePath(context.clusterFile))
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

void UpgradeCommand::deployed()
{
    prepareCluster([this] { located(); }, false);
}

void UpgradeCommand::located()
{
    out() << tr("Step 2: the daemons whose image or settings changed, in Slurm's order\n");
    out().flush();
    auto *run = session().operation<ClusterUpgradeRun>(plan(), targets(), this);
    connect(run, &ClusterUpgradeRun::progress, this, [this](const QString &host, const QString &line) {
        out() << (host.isEmpty() ? line : host + QStringLiteral(": ") + line) << u'\n';
        out().flush();
    });
    connect(run, &ClusterUpgradeRun::finished, this,
            [this](bool ok, const QStringList &, const QString &summary) {
                (ok ? out() : err()) << summary << u'\n';
                if (!ok)
                    hintAboutHostKeys();
                done(ok ? CliOk : CliFailure);
            });
    run->start(std::chrono::seconds(m_waitSeconds));
}

} // namespace SlurmDeck
