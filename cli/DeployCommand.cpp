// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DeployCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "cli/ReportJson.h"
#include "deploy/DeployReportText.h"
#include "deploy/DeployRunner.h"

#include <QDateTime>
#include <QJsonDocument>

namespace SlurmDeck {

QStringList forwardedDeployArguments(const QCommandLineParser &parser)
{
    // optionNames(): the options given on the command line (asking isSet() about one the
    // command does not define would warn).
    QStringList arguments{QStringLiteral("--yes")};
    for (const QString &name :
         {QStringLiteral("images"), QStringLiteral("base-image"), QStringLiteral("slurm-base-image"),
          QStringLiteral("ssh-config"), QStringLiteral("timeout")}) {
        if (parser.optionNames().contains(name))
            arguments << QStringLiteral("--") + name << parser.value(name);
    }
    if (parser.optionNames().contains(QStringLiteral("accept-new-host-keys")))
        arguments << QStringLiteral("--accept-new-host-keys");
    return arguments;
}

void DeployCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption hosts(
        QStringLiteral("hosts"), tr("Deploy only these hosts (comma-separated names from the cluster file)."),
        QStringLiteral("H,..."));
    const QCommandLineOption noVerify(
        QStringLiteral("no-verify"),
        tr("Skip the end-of-deploy checks (nodes idle, a test job, accounting)."));
    const QCommandLineOption images(
        QStringLiteral("images"),
        tr("How the images reach the hosts. build (the default): each host builds them with docker build "
           "from --base-image, skipped where an image of the same content is there already. present: the "
           "hosts have them; only check. transfer: send them from this machine's Docker where a host lacks "
           "them (hosts without internet access). from:HOST: copy them from HOST, a host of the cluster, to "
           "the hosts that lack them."),
        QStringLiteral("MODE"), QStringLiteral("build"));
    const QCommandLineOption baseImage(
        QStringLiteral("base-image"),
        tr("The base image --images build builds from (default %1). A base image already on a host is used "
           "as it is, never pulled again; offline hosts need one imported there (see the README).")
            .arg(DeployOptions().baseImage),
        QStringLiteral("IMAGE"));
    const QCommandLineOption slurmBaseImage(
        QStringLiteral("slurm-base-image"),
        tr("The base image of the Slurm image, where it differs from --base-image: by default the Debian of "
           "the cluster's slurm_release (debian:trixie for 24.11) when --base-image is left at its default, "
           "else --base-image."),
        QStringLiteral("IMAGE"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print the final report as JSON on stdout (the progress goes to stderr)."));
    const bool rotating = m_mode == Mode::RotateMungeKey;
    // A rotation goes to every host: a key on some hosts only splits the cluster.
    if (rotating)
        parser.addOptions({noVerify, images, baseImage, slurmBaseImage, yes});
    else
        parser.addOptions({hosts, noVerify, images, baseImage, slurmBaseImage, yes, json});
    const QString name = rotating ? QStringLiteral("rotate-munge-key") : QStringLiteral("deploy");
    const QString usage = rotating ? QStringLiteral("slurmdeck-cli [--cluster FILE] rotate-munge-key "
                                                    "[--images build|present|transfer|from:HOST] "
                                                    "[--base-image IMAGE] [--slurm-base-image IMAGE] "
                                                    "[--no-verify] "
                                                    "[--yes]")
                                   : QStringLiteral("slurmdeck-cli [--cluster FILE] deploy [--hosts H,...] "
                                                    "[--images build|present|transfer|from:HOST] "
                                                    "[--base-image IMAGE] [--slurm-base-image IMAGE] "
                                                    "[--no-verify] "
                                                    "[--yes] [--json]");
    if (!parse(context, parser, name, usage))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << (rotating ? tr("rotate-munge-key takes no arguments: the new key goes to every host.\n")
                           : tr("deploy takes no arguments; choose hosts with --hosts H,... .\n"));
        done(CliUsage);
        return;
    }
    m_yes = parser.isSet(yes);
    m_json = !rotating && parser.isSet(json);
    if (!m_yes && !hasTerminal()) {
        err() << tr("%1 changes the hosts and there is no terminal to confirm on: run it with --yes "
                    "('slurmdeck-cli plan' shows what it would do).\n")
                     .arg(name);
        done(CliUsage);
        return;
    }
    const Result<ImageChoice> choice = parseImageChoice(parser.value(images));
    if (!choice) {
        err() << tr("--images: %1\n").arg(choice.error().message);
        done(CliUsage);
        return;
    }
    if ((parser.isSet(baseImage) || parser.isSet(slurmBaseImage)) &&
        choice->source != ImageSource::BuildOnHost) {
        err() << tr("--base-image and --slurm-base-image go with --images build: the other modes build "
                    "nothing.\n");
        done(CliUsage);
        return;
    }
    m_options.images = choice->source;
    m_options.imageHost = choice->host;
    if (parser.isSet(baseImage))
        m_options.baseImage = parser.value(baseImage);
    m_options.slurmBaseImage = parser.value(slurmBaseImage);
    m_options.verify = !parser.isSet(noVerify);
    if (!rotating) {
        for (const QString &host : parser.value(hosts).split(u',', Qt::SkipEmptyParts))
            m_options.onlyHosts << host.trimmed();
    } else {
        m_rotation.emplace();
        setDeployMungeKey(m_rotation->newKey());
    }
    prepareCluster([this] { planReady(); });
}

void DeployCommand::planReady()
{
    for (const QString &host : std::as_const(m_options.onlyHosts)) {
        if (!hostPlan(host)) {
            err() << tr("--hosts: %1 is not a host of the cluster; its hosts are %2.\n")
                         .arg(host, hostNames().join(QStringLiteral(", ")));
            done(CliUsage);
            return;
        }
    }
    if (m_options.images == ImageSource::TransferFromHost && !hostPlan(m_options.imageHost)) {
        err() << tr("--images from:%1: %1 is not a host of the cluster; its hosts are %2.\n")
                     .arg(m_options.imageHost, hostNames().join(QStringLiteral(", ")));
        done(CliUsage);
        return;
    }
    const ClusterPlan &p = plan();
    human() << deployPlanText(p, m_options);
    if (m_rotation) {
        human() << tr("  munge key: a new one (%1) goes to every host. slurmctld, slurmdbd and each slurmd "
                      "container restart with it, together; jobs running now are killed (drain the nodes "
                      "first). The keychain keeps it once a host has it.\n")
                       .arg(m_rotation->fingerprint());
    }
    if (!m_yes && !confirm(m_rotation ? tr("Rotate the munge key?") : tr("Deploy?"))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    human().flush();

    m_runner = session().operation<DeployRunner>(p, targets(), this);
    connect(m_runner, &DeployRunner::hostPhaseChanged, this,
            [this](const QString &host, DeployPhase phase, const QString &message) {
                human() << deployPhaseLine(host, phase, message);
                human().flush();
            });
    connect(m_runner, &DeployRunner::logLine, this, [this](const QString &host, const QString &line) {
        human() << deployLogText(host, line);
        human().flush();
    });
    connect(m_runner, &DeployRunner::finished, this, &DeployCommand::report);
    m_runner->start(m_options);
}

void DeployCommand::interrupt()
{
    if (!m_runner || !m_runner->isRunning()) {
        ClusterCommand::interrupt();
        return;
    }
    m_interrupted = true;
    err() << tr("Cancelling the deploy: each host finishes the step it is in, then the summary follows.\n");
    err().flush();
    m_runner->cancel();
}

void DeployCommand::report(const DeployReport &result)
{
    if (m_json) {
        err() << deployReportText(result);
        out() << QJsonDocument(deployReportJson(plan().clusterName, result, QDateTime::currentDateTimeUtc()))
                     .toJson();
    } else {
        out() << deployReportText(result);
    }
    out().flush();
    if (m_interrupted) {
        err() << tr("The deploy was interrupted. Run 'slurmdeck-cli deploy' again to finish it: hosts that "
                    "are done are left alone, and restarts a replaced file still needs are made then.\n");
    } else if (!result.ok()) {
        err() << tr("The deploy did not complete. Fix what is reported above and run 'slurmdeck-cli deploy' "
                    "again: hosts that are done are left alone.\n");
        hintAboutHostKeys();
    }
    if (m_rotation) {
        finishRotation(result, m_interrupted ? CliInterrupted : result.ok() ? CliOk : CliFailure);
        return;
    }
    done(m_interrupted ? CliInterrupted : result.ok() ? CliOk : CliFailure);
}

void DeployCommand::finishRotation(const DeployReport &result, int exitCode)
{
    const MungeKeyRotation::Outcome outcome = m_rotation->outcome(result);
    if (outcome.withNewKey.isEmpty()) {
        err() << tr("No host took the new munge key: the hosts and the keychain keep the old one.\n");
        done(CliFailure);
        return;
    }
    m_rotation->keep(cluster().keychainService(), this, [this, outcome, exitCode](Result<void> kept) {
        if (!kept) {
            err() << tr("The new munge key is on %1, but the keychain did not take it: %2\nRun "
                        "'slurmdeck-cli rotate-munge-key' again: it puts another new key on every host.\n")
                         .arg(outcome.withNewKey.join(QStringLiteral(", ")), kept.error().toString());
            done(CliFailure);
            return;
        }
        if (outcome.withoutNewKey.isEmpty()) {
            out() << tr("Munge key rotated on every host (%1); the keychain has it.\n")
                         .arg(m_rotation->fingerprint());
        } else {
            err() << tr("The new munge key (%1) is in the keychain and on %2, not yet on %3: run "
                        "'slurmdeck-cli deploy' when they answer.\n")
                         .arg(m_rotation->fingerprint(), outcome.withNewKey.join(QStringLiteral(", ")),
                              outcome.withoutNewKey.join(QStringLiteral(", ")));
        }
        done(exitCode);
    });
}

} // namespace SlurmDeck
