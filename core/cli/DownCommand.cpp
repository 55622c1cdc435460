#include "cli/DownCommand.h"

#include "deploy/HostDeployer.h"
#include "remote/ShellQuote.h"

namespace SlurmDeck {

void DownCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOption(yes);
    if (!parse(context, parser, QStringLiteral("down"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] down [--yes]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("down takes no arguments: it stops the whole cluster. To stop one service, use "
                    "'slurmdeck-cli services HOST stop SERVICE'.\n");
        done(CliUsage);
        return;
    }
    m_yes = parser.isSet(yes);
    if (!m_yes && !hasTerminal()) {
        err() << tr("down stops the cluster and there is no terminal to confirm on: run it with --yes.\n");
        done(CliUsage);
        return;
    }
    prepareCluster([this] { planReady(); });
}

void DownCommand::planReady()
{
    if (!m_yes && !confirm(tr("Stop every service of %1 on %2 (data is kept)?")
                               .arg(plan().clusterName, hostNames().join(QStringLiteral(", "))))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    runOnHosts(
        hostNames(),
        [](HostDeployer &deployer, const LinePoster &) -> Result<QStringList> {
            const Result<QStringList> before = deployer.runningServices();
            if (!before)
                return before.error();
            if (before->isEmpty()) {
                const QString composeFile = deployer.plan().directory + QStringLiteral("/compose.yml");
                const Result<ExecResult> deployed =
                    deployer.connection().exec(QStringLiteral("test -f ") + Shell::quote(composeFile));
                if (deployed && deployed->exitStatus == 1)
                    return QStringList{QObject::tr("nothing deployed here")};
            }
            // `down` without --volumes: containers and the network go, volumes and the
            // project directory (configuration, database, state) stay.
            const Result<ExecResult> down =
                deployer.runArgv(deployer.compose().down(), std::chrono::seconds(300));
            if (!down)
                return down.error();
            if (!down->succeeded()) {
                return makeError(Error::Code::RemoteCommandFailed,
                                 QObject::tr("Compose could not take the services down on %1.")
                                     .arg(deployer.plan().hostName),
                                 QString::fromUtf8(down->standardError).trimmed().right(2000));
            }
            return QStringList{before->isEmpty()
                                   ? QObject::tr("nothing was running")
                                   : QObject::tr("stopped %1").arg(before->join(QStringLiteral(", ")))};
        },
        [this](const QList<HostOutcome> &outcomes) {
            int failed = 0;
            for (const HostOutcome &outcome : outcomes) {
                if (outcome.result) {
                    out() << outcome.host << QStringLiteral(": ") << outcome.result->join(u' ') << u'\n';
                } else {
                    ++failed;
                    out() << outcome.host << tr(": FAILED: ") << outcome.result.error().toString() << u'\n';
                }
            }
            if (failed == 0) {
                out() << tr("The cluster %1 is down; its data is kept. 'slurmdeck-cli deploy' starts it "
                            "again.\n")
                             .arg(plan().clusterName);
            } else {
                err() << tr("%1 hosts could not be reached or stopped; run 'slurmdeck-cli down' again once "
                            "they "
                            "are back.\n")
                             .arg(failed);
                hintAboutHostKeys();
            }
            done(failed == 0 ? CliOk : CliFailure);
        });
}

} // namespace SlurmDeck
