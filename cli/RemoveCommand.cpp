// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RemoveCommand.h"

#include "deploy/ServiceControl.h"

namespace SlurmDeck {

void RemoveCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    const QCommandLineOption purge(
        QStringLiteral("purge-data"),
        tr("Also delete the cluster's data: the accounting database, Slurm's saved "
           "state and the Prometheus metrics."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print each host's outcome as JSON on stdout."));
    parser.addOptions({yes, purge, json});
    if (!parse(context, parser, QStringLiteral("remove"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] remove [--purge-data] [--yes] [--json]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr(
            "remove takes no arguments: it removes the whole cluster. To stop it and keep everything, "
            "use 'slurmdeck-cli down'.\n");
        done(CliUsage);
        return;
    }
    m_yes = parser.isSet(yes);
    m_purgeData = parser.isSet(purge);
    m_json = parser.isSet(json);
    if (!m_yes && !hasTerminal()) {
        err() << tr(
            "remove deletes the cluster from its hosts and there is no terminal to confirm on: run it "
            "with --yes.\n");
        done(CliUsage);
        return;
    }
    prepareCluster([this] { planReady(); }, false); // no secret needed: the keychain is not asked
}

void RemoveCommand::planReady()
{
    const QString hosts = hostNames().join(QStringLiteral(", "));
    const QString question =
        m_purgeData ? tr("Remove %1 from %2: its containers, its configuration and ALL ITS DATA (accounting "
                         "database, Slurm state, Prometheus metrics)? This cannot be undone.")
                          .arg(plan().clusterName, hosts)
                    : tr("Remove %1 from %2: its containers and its configuration (its data is kept)?")
                          .arg(plan().clusterName, hosts);
    if (!m_yes && !confirm(question)) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    ServiceControl *control = serviceControl();
    connect(
        control, &ServiceControl::clusterOperationFinished, this,
        [this](const ClusterOperationReport &report) {
            const int failed = printClusterOperation(report, m_json);
            if (failed == 0) {
                (m_json ? err() : out())
                    << (report.purgeData
                            ? tr("The cluster %1 and its data are removed.\n").arg(plan().clusterName)
                            : tr("The cluster %1 is removed; its data is kept under each host's data "
                                 "directory. "
                                 "'slurmdeck-cli deploy' puts it back with its data, 'slurmdeck-cli remove "
                                 "--purge-data' deletes the data too.\n")
                                  .arg(plan().clusterName));
            } else {
                err() << tr("%n host(s) could not be reached or cleaned up; run 'slurmdeck-cli remove' again "
                            "once they are back.\n",
                            nullptr, failed);
                hintAboutHostKeys();
            }
            done(failed == 0 ? CliOk : CliFailure);
        });
    control->runClusterOperation(ClusterOperation::Remove, m_purgeData);
}

} // namespace SlurmDeck
