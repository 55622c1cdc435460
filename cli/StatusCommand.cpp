// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StatusCommand.h"

#include "cli/SlurmCliFormat.h"
#include "slurm/SlurmMonitor.h"

namespace SlurmDeck {

void StatusCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON (fields in README.md)."));
    parser.addOption(json);
    if (!parse(context, parser, QStringLiteral("status"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] status [--json]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("status takes no arguments; run 'slurmdeck-cli status --help'.\n");
        done(CliUsage);
        return;
    }
    m_json = parser.isSet(json);
    prepareMonitor([this] {
        readSnapshot([this](const ClusterSnapshot &snapshot) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QString cluster = monitor()->endpoint().clusterName;
            if (m_json)
                printJson(SlurmCliFormat::statusJson(cluster, controllerHost(), snapshot, now));
            else
                out() << SlurmCliFormat::statusText(cluster, controllerHost(), snapshot, now);
            const bool accountingFailed = monitor()->endpoint().accounting && !snapshot.accounting.ok;
            if (snapshot.isStale())
                reportStale(snapshot);
            done(snapshot.isStale() || accountingFailed ? CliFailure : CliOk);
        });
    });
}

} // namespace SlurmDeck
