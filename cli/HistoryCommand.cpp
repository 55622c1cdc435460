// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HistoryCommand.h"

#include "cli/SlurmCliFormat.h"
#include "common/DurationText.h"
#include "slurm/SlurmMonitor.h"

#include <QJsonArray>

namespace SlurmDeck {

void HistoryCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON (fields in README.md)."));
    const QCommandLineOption since(QStringLiteral("since"), tr("How far back: 30m, 2h, 7d, 1w (default 1d)."),
                                   QStringLiteral("DURATION"));
    parser.addOptions({json, since});
    if (!parse(context, parser, QStringLiteral("history"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] history [--since DURATION] [--json]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("history takes no arguments; run 'slurmdeck-cli history --help'.\n");
        done(CliUsage);
        return;
    }
    m_json = parser.isSet(json);
    if (parser.isSet(since)) {
        const Result<std::chrono::seconds> window = DurationText::parse(parser.value(since));
        if (!window) {
            err() << QStringLiteral("--since: ") << window.error().message << u'\n';
            done(CliUsage);
            return;
        }
        m_since = *window;
    }
    prepareMonitor([this] {
        const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-m_since.count());
        monitor()->fetchHistory(from, this, [this](Result<QList<SlurmJob>> jobs) {
            if (!jobs) {
                fail(jobs.error());
                return;
            }
            if (m_json) {
                QJsonArray array;
                for (const SlurmJob &job : *jobs)
                    array.append(SlurmCliFormat::toJson(job));
                printJson(array);
            } else if (jobs->isEmpty()) {
                out() << tr("No job in the last %1.\n").arg(DurationText::formatAge(m_since.count() * 1000));
            } else {
                out() << SlurmCliFormat::historyTable(*jobs);
            }
            done(CliOk);
        });
    });
}

} // namespace SlurmDeck
