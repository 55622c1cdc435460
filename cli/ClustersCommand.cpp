// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ClustersCommand.h"

#include "inventory/ClusterFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace SlurmDeck {

void ClustersCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the list as JSON."));
    parser.addOptions({help, json});
    const auto finish = [this](int code) {
        QTimer::singleShot(0, this, [this, code] { emit finished(code); });
    };
    if (!parser.parse(QStringList{QStringLiteral("clusters")} + context.arguments) ||
        !parser.positionalArguments().isEmpty()) {
        *context.err << (parser.errorText().isEmpty() ? tr("clusters takes no arguments.")
                                                      : parser.errorText())
                     << u'\n';
        return finish(CliUsage);
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser, QStringLiteral("slurmdeck-cli clusters [--json]"))
                     << tr("\nName one with --cluster NAME (or SLURMDECK_CLUSTER=NAME) to use it.\n");
        return finish(CliOk);
    }
    const QString directory = ClusterFile::clustersDirectory();
    const QString chosen = QFileInfo(ClusterFile::resolvePath(context.clusterFile)).absoluteFilePath();
    const QFileInfoList files = QDir(directory).entryInfoList(
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QJsonArray list;
    QStringList lines;
    for (const QFileInfo &file : files) {
        const Result<Cluster> cluster = ClusterFile::load(file.absoluteFilePath());
        const bool current = file.absoluteFilePath() == chosen;
        QJsonObject entry{{QStringLiteral("name"), file.completeBaseName()},
                          {QStringLiteral("file"), file.absoluteFilePath()},
                          {QStringLiteral("current"), current}};
        QString summary;
        if (cluster) {
            entry.insert(QStringLiteral("cluster"), cluster->name);
            entry.insert(QStringLiteral("hosts"), int(cluster->hosts.size()));
            summary = tr("%1, %n host(s)", nullptr, int(cluster->hosts.size())).arg(cluster->name);
        } else {
            entry.insert(QStringLiteral("error"), cluster.error().message);
            summary = tr("unreadable: %1").arg(cluster.error().message.section(u'\n', 0, 0));
        }
        list.append(entry);
        lines << QStringLiteral("%1 %2  %3")
                     .arg(current ? QStringLiteral("*") : QStringLiteral(" "),
                          file.completeBaseName().leftJustified(20))
                     .arg(summary);
    }
    if (parser.isSet(json)) {
        *context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("directory"), directory},
                                                                    {QStringLiteral("clusters"), list}})
                                              .toJson(QJsonDocument::Indented));
        return finish(CliOk);
    }
    if (lines.isEmpty()) {
        *context.out << tr("No cluster files in %1. Write one with 'slurmdeck-cli init NAME HOST...'.\n")
                            .arg(directory);
        return finish(CliOk);
    }
    *context.out << tr("Cluster files in %1 (* the one used without --cluster):\n").arg(directory)
                 << lines.join(u'\n') << u'\n';
    finish(CliOk);
}

} // namespace SlurmDeck
