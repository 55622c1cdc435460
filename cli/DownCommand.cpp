// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DownCommand.h"

#include "deploy/ServiceControl.h"

namespace SlurmDeck {

void DownCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print each host's outcome as JSON on stdout."));
    parser.addOptions({yes, json});
    if (!parse(context, parser, QStringLiteral("down"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] down [--yes] [--json]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("down takes no arguments: it stops the whole cluster. To stop one service, use "
                    "'slurmdeck-cli services HOST stop SERVICE'.\n");
        done(CliUsage);
        return;
    }
    m_yes = parser.isSet(yes);
    m_json = parser.isSet(json);
    if (!m_yes && !hasTerminal()) {
        err() << tr("down stops the cluster and there is no terminal to confirm on: run it with --yes.\n");
        done(CliUsage);
        return;
    }
    prepareCluster([this] { planReady(); }, false); // no secret needed: the keychain is not asked
}

void DownCommand::planReady()
{
    if (!m_yes && !confirm(tr("Stop every service of %1 on %2 (data is kept)?")
                               .arg(plan().clusterName, hostNames().join(QStringLiteral(", "))))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    ServiceControl *control = serviceControl();
    connect(control, &ServiceControl::clusterOperationFinished, this,
            [this](const ClusterOperationReport &report) {
                const int failed = printClusterOperation(report, m_json);
                if (failed == 0) {
                    (m_json ? err() : out())
                        << tr("The cluster %1 is down; its data is kept. 'slurmdeck-cli deploy' starts it "
                              "again.\n")
                               .arg(plan().clusterName);
                } else {
                    err() << tr("%n host(s) could not be reached or stopped; run 'slurmdeck-cli down' again "
                                "once they are back.\n",
                                nullptr, failed);
                    hintAboutHostKeys();
                }
                done(failed == 0 ? CliOk : CliFailure);
            });
    control->runClusterOperation(ClusterOperation::Stop);
}

} // namespace SlurmDeck
