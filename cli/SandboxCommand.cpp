// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SandboxCommand.h"

#include "cli/TerminalSecretAsker.h"
#include "deploy/DeployReportText.h"
#include "inventory/ClusterFile.h"
#include "sandbox/SandboxSetup.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "session/SandboxRun.h"

#include <QCommandLineParser>
#include <QFileInfo>

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
    // Key passphrases and passwords: from the OS keychain, else asked on the terminal.
    m_run = new SandboxRun(std::make_shared<KeychainCredentialPrompt>(
                               QStringLiteral("slurmdeck"), std::make_shared<TerminalSecretAsker>()),
                           this);
    connectRun();
    m_action = action;
    if (action == u"up")
        m_run->up();
    else if (action == u"down")
        m_run->down();
    else
        m_run->status();
}

void SandboxCommand::connectRun()
{
    QTextStream &out = *m_context.out;
    QTextStream &err = *m_context.err;
    connect(m_run, &SandboxRun::stepStarted, this, [&err](const QString &step) {
        err << tr("sandbox: %1\n").arg(step);
        err.flush();
    });
    connect(m_run, &SandboxRun::output, this, [&err](const QString &text) {
        err << text;
        err.flush();
    });
    connect(m_run, &SandboxRun::deployStarted, this,
            [&out](const ClusterPlan &plan, const DeployOptions &options) {
                out << deployPlanText(plan, options);
                out.flush();
            });
    connect(m_run, &SandboxRun::deployPhaseChanged, this,
            [&out](const QString &host, DeployPhase phase, const QString &message) {
                out << deployPhaseLine(host, phase, message);
                out.flush();
            });
    connect(m_run, &SandboxRun::deployLogLine, this, [&out](const QString &host, const QString &line) {
        out << deployLogText(host, line);
        out.flush();
    });
    connect(m_run, &SandboxRun::deployFinished, this, [&out](const DeployReport &report) {
        out << deployReportText(report);
        out.flush();
    });
    connect(m_run, &SandboxRun::finished, this, [this, &out, &err](bool ok, const QString &message) {
        if (ok) {
            out << message << u'\n';
            if (m_action == u"up")
                out << tr("Open it with: slurmdeck --cluster %1\nRemove it with: slurmdeck-cli sandbox "
                          "down\n")
                           .arg(SandboxRun::clusterFile());
        } else {
            err << tr("sandbox: %1\n").arg(message);
        }
        out.flush();
        err.flush();
        emit finished(m_interrupted ? CliInterrupted : ok ? CliOk : CliFailure);
    });
}

void SandboxCommand::interrupt()
{
    if (!m_run) {
        CliCommand::interrupt();
        return;
    }
    m_interrupted = true;
    *m_context.err << tr("Cancelling the sandbox: the step under way stops, then the summary follows.\n");
    m_context.err->flush();
    m_run->cancel();
}

} // namespace SlurmDeck
