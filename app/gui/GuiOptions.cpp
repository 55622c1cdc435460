// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiOptions.h"

#include "inventory/ClusterFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

using SlurmDeck::Ui::Area;

std::optional<int> parseGuiOptions(const QCoreApplication &app, GuiOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "SlurmDeck: turn a few mismatched machines into a working Slurm cluster, and run it."));
    parser.addHelpOption();
    parser.addVersionOption();

    QStringList areaIds;
    for (Area area : SlurmDeck::Ui::allAreas())
        areaIds << SlurmDeck::Ui::areaId(area);

    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window to the PNG <file> and exit."),
        QStringLiteral("file"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QCoreApplication::translate("main", "Open on <area>: %1.").arg(areaIds.join(QStringLiteral(", "))),
        QStringLiteral("area"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size as WIDTHxHEIGHT (default 1280x800)."),
        QStringLiteral("size"));
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QCoreApplication::translate("main", "Open the cluster file <file> (default: %1).")
            .arg(SlurmDeck::ClusterFile::defaultPath()),
        QStringLiteral("file"));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main",
                                    "Emulate a primary host and three workers on this machine (Linux, "
                                    "root), deploy Slurm onto them and open that cluster."));
    const QCommandLineOption sandboxDown(
        QStringLiteral("sandbox-down"),
        QCoreApplication::translate("main", "Remove the sandbox cluster and exit."));
    parser.addOption(sandbox);
    parser.addOption(sandboxDown);
    parser.addOption(cluster);
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.addOption(size);
    parser.process(app); // --help and --version print and exit here, as users expect

    options.screenshotPath = parser.value(screenshot);
    options.clusterPath = parser.value(cluster);
    options.sandbox = parser.isSet(sandbox);
    options.sandboxDown = parser.isSet(sandboxDown);
    if (options.sandbox && options.sandboxDown) {
        std::fprintf(
            stderr, "slurmdeck: %s\n",
            qPrintable(QCoreApplication::translate("main", "choose one of --sandbox and --sandbox-down")));
        return 2;
    }
    if (parser.isSet(view)) {
        const qsizetype index = areaIds.indexOf(parser.value(view));
        if (index < 0) {
            std::fprintf(
                stderr, "slurmdeck: %s\n",
                qPrintable(QCoreApplication::translate("main", "unknown view '%1'; choose one of: %2")
                               .arg(parser.value(view), areaIds.join(QStringLiteral(", ")))));
            return 2;
        }
        options.area = SlurmDeck::Ui::allAreas().at(index);
    }
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const QRegularExpressionMatch match = pattern.match(parser.value(size));
        if (!match.hasMatch()) {
            std::fprintf(
                stderr, "slurmdeck: %s\n",
                qPrintable(QCoreApplication::translate("main", "--size wants WIDTHxHEIGHT, e.g. 1280x800")));
            return 2;
        }
        options.windowSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        options.sizeGiven = true;
    }
    return std::nullopt;
}
