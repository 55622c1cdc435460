// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SandboxCommand.h"

#include "cli/DeployCommand.h"
#include "cli/InitCommand.h"
#include "cli/RemoveCommand.h"
#include "inventory/ClusterFile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace SlurmDeck {

void SandboxCommand::start(const CliContext &context)
{
    m_context = context;
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("up, down or status."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("sandbox")} + context.arguments)) {
        *context.err << parser.errorText() << u'\n';
        emit finished(CliUsage);
        return;
    }
    if (parser.isSet(help)) {
        *context.out
            << commandHelp(parser, QStringLiteral("slurmdeck-cli sandbox up|down|status"))
            << tr("\nup builds a sandbox cluster on this machine — a primary host and three workers "
                  "(one like a QNAP, one with the macOS networking), emulated with network namespaces "
                  "and Docker engines — and deploys Slurm onto it. Needs Linux and root.\n");
        emit finished(CliOk);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 || (action != u"up" && action != u"down" && action != u"status")) {
        *context.err << tr("sandbox wants one of: up, down, status\n");
        emit finished(CliUsage);
        return;
    }
    // The sandbox removes its cluster's data and file on `down`: it must never act on a
    // cluster the user named, only on its own.
    const QString own = Sandbox::clusterFilePath();
    if (!context.clusterFile.isEmpty() &&
        QFileInfo(ClusterFile::resolvePath(context.clusterFile)).absoluteFilePath() !=
            QFileInfo(own).absoluteFilePath()) {
        *context.err << tr("sandbox: --cluster is not accepted here; the sandbox only ever uses its own "
                           "cluster file, %1. Nothing was done to %2.\n")
                            .arg(own, context.clusterFile);
        emit finished(CliUsage);
        return;
    }
    if (Result<void> can = Sandbox::checkCanRun(); !can)
        return fail(can.error().toString());
    const Result<Sandbox::Scripts> scripts = Sandbox::locate();
    if (!scripts)
        return fail(scripts.error().toString());
    m_scripts = *scripts;
    m_clusterFile = own;
    if (action == u"up")
        up();
    else if (action == u"down")
        down();
    else
        runScript(tr("lab status"), m_scripts.lab, {QStringLiteral("status")}, [this] {
            *m_context.out << (QFile::exists(m_clusterFile)
                                   ? tr("sandbox cluster file: %1\n").arg(m_clusterFile)
                                   : tr("no sandbox cluster file (%1)\n").arg(m_clusterFile));
            emit finished(CliOk);
        });
}

void SandboxCommand::fail(const QString &message)
{
    *m_context.err << tr("sandbox: %1\n").arg(message);
    m_context.err->flush();
    emit finished(CliFailure);
}

void SandboxCommand::runScript(const QString &what, const QString &program, const QStringList &arguments,
                               std::function<void()> next)
{
    *m_context.err << tr("sandbox: %1\n").arg(what);
    m_context.err->flush();
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        *m_context.err << QString::fromUtf8(process->readAllStandardOutput());
        m_context.err->flush();
    });
    connect(process, &QProcess::finished, this,
            [this, process, what, next = std::move(next)](int code, QProcess::ExitStatus status) {
                process->deleteLater();
                if (status == QProcess::NormalExit && code == 0)
                    next();
                else
                    fail(tr("%1 failed (exit code %2); see the messages above.").arg(what).arg(code));
            });
    connect(process, &QProcess::errorOccurred, this, [this, process, program](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            process->deleteLater();
            fail(tr("cannot run %1: %2").arg(program, process->errorString()));
        }
    });
    process->start(program, arguments);
}

void SandboxCommand::runCommand(CliCommand *command, const QStringList &arguments,
                                std::function<void(int)> next)
{
    connect(command, &CliCommand::finished, this, [command, next = std::move(next)](int code) {
        command->deleteLater();
        next(code);
    });
    CliContext context = m_context;
    context.arguments = arguments;
    context.clusterFile = m_clusterFile;
    command->start(context);
}

void SandboxCommand::up()
{
    runScript(tr("bringing up the emulated hosts"), m_scripts.lab, {QStringLiteral("up")}, [this] {
        runScript(tr("linking this machine to them"), m_scripts.lab, {QStringLiteral("link")}, [this] {
            runScript(tr("building the images (from Debian packages; minutes the first time)"),
                      m_scripts.buildImages,
                      {QStringLiteral("--base"), QString::fromLatin1(Sandbox::baseImage)},
                      [this] { discoverAndDeploy(); });
        });
    });
}

void SandboxCommand::discoverAndDeploy()
{
    QString why;
    const std::optional<Lab::Manifest> lab = Lab::readManifest(&why);
    if (!lab)
        return fail(why);
    if (Result<void> trusted = Sandbox::trustHostKeys(*lab); !trusted)
        return fail(trusted.error().toString());
    QStringList init{QString::fromLatin1(Sandbox::clusterName)};
    for (const Lab::Host &host : lab->hosts)
        init << (host.user == u"root" ? host.address : host.user + u'@' + host.address);
    init << QStringLiteral("--user") << QStringLiteral("root") << QStringLiteral("--identity")
         << lab->clientKey() << QStringLiteral("--force");
    *m_context.err << tr("sandbox: discovering and fingerprinting the hosts\n");
    m_context.err->flush();
    runCommand(new InitCommand(this), init, [this](int code) {
        if (code != CliOk)
            return fail(tr("discovery failed; see the messages above."));
        Result<Cluster> cluster = ClusterFile::load(m_clusterFile);
        if (!cluster)
            return fail(cluster.error().toString());
        Sandbox::applySeedTopology(*cluster);
        if (Result<void> saved = ClusterFile::save(*cluster, m_clusterFile); !saved)
            return fail(saved.error().toString());
        *m_context.err << tr("sandbox: deploying the cluster\n");
        m_context.err->flush();
        // The emulated hosts are offline: the images just built here go to them.
        const QStringList deploy{QStringLiteral("--yes"), QStringLiteral("--images"),
                                 QStringLiteral("transfer")};
        runCommand(new DeployCommand(DeployCommand::Mode::Deploy, this), deploy, [this](int deployed) {
            if (deployed != CliOk)
                return fail(tr("the deploy failed; see the report above. 'slurmdeck-cli sandbox up' again "
                               "resumes it."));
            *m_context.out << tr("Sandbox ready. Cluster file: %1\n"
                                 "Open it with: slurmdeck --cluster %1\n"
                                 "Remove it with: slurmdeck-cli sandbox down\n")
                                  .arg(m_clusterFile);
            m_context.out->flush();
            emit finished(CliOk);
        });
    });
}

void SandboxCommand::down()
{
    const auto removeHosts = [this] {
        runScript(tr("unlinking this machine"), m_scripts.lab, {QStringLiteral("unlink")}, [this] {
            runScript(tr("removing the emulated hosts"), m_scripts.lab, {QStringLiteral("down")}, [this] {
                QFile::remove(m_clusterFile);
                *m_context.out << tr("Sandbox removed.\n");
                emit finished(CliOk);
            });
        });
    };
    if (!QFile::exists(m_clusterFile))
        return removeHosts();
    // Even its own file is checked: a file someone put there that is not the sandbox's
    // cluster is left alone, and so are its hosts.
    if (const Result<Cluster> cluster = ClusterFile::load(m_clusterFile);
        cluster && cluster->name != QLatin1String(Sandbox::clusterName)) {
        return fail(tr("%1 holds the cluster '%2', not the sandbox; not touching it or its hosts. "
                       "Move it elsewhere, then run 'sandbox down' again.")
                        .arg(m_clusterFile, cluster->name));
    }
    *m_context.err << tr("sandbox: stopping the cluster\n");
    runCommand(new RemoveCommand(this), {QStringLiteral("--purge-data"), QStringLiteral("--yes")},
               [this, removeHosts](int code) {
                   if (code != CliOk)
                       *m_context.err
                           << tr("sandbox: the cluster did not stop cleanly; removing the hosts anyway\n");
                   removeHosts();
               });
}

} // namespace SlurmDeck
