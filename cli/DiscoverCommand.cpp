// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DiscoverCommand.h"

#include "discovery/DiscoveryToCluster.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace SlurmDeck {

namespace {

QString summary(const DiscoveredHost &host)
{
    const HostFingerprint &fp = *host.fingerprint;
    QStringList parts{
        fp.osPrettyName.isEmpty() ? platformDisplayName(fp.platform) : fp.osPrettyName, fp.architecture,
        QCoreApplication::translate("DiscoverCommand", "%1 CPUs").arg(fp.logicalCpus.value_or(0)),
        QCoreApplication::translate("DiscoverCommand", "%1 MiB").arg(fp.memoryMiB().value_or(0))};
    // What slurmd in a container gets, where the engine has less (a Mac's Docker VM).
    if (fp.engineCpus && (fp.engineCpus != fp.logicalCpus || fp.engineMemoryMiB() < fp.memoryMiB())) {
        parts << QCoreApplication::translate("DiscoverCommand", "engine: %1 CPUs, %2 MiB")
                     .arg(*fp.engineCpus)
                     .arg(fp.engineMemoryMiB().value_or(0));
    }
    if (!fp.gpus.isEmpty())
        parts << QStringLiteral("%1x %2").arg(fp.gpus.size()).arg(fp.gpus.constFirst().model);
    parts << (fp.hasDockerServer() ? QStringLiteral("docker %1").arg(fp.dockerServerVersion)
                                   : QCoreApplication::translate("DiscoverCommand", "no docker engine"));
    if (fp.composeFlavour)
        parts << QStringLiteral("%1 %2").arg(toString(*fp.composeFlavour), fp.composeVersion);
    if (!host.user.isEmpty())
        parts << QCoreApplication::translate("DiscoverCommand", "as %1").arg(host.user);
    return parts.join(QStringLiteral(", "));
}

} // namespace

void DiscoverCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DiscoverCommand", "Find and fingerprint hosts."));
    parser.addPositionalArgument(
        QStringLiteral("HOST"),
        QCoreApplication::translate("DiscoverCommand", "[USER@]address or ~/.ssh/config alias."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("DiscoverCommand", "JSON output."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help."));
    parser.addOption(json);
    parser.addOption(help);
    options().addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("discover")} + context.arguments)) {
        *context.err << parser.errorText() << u'\n';
        emit finished(CliUsage);
        return;
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser, QStringLiteral("slurmdeck-cli discover [options] [HOST...]"));
        emit finished(CliOk);
        return;
    }
    m_json = parser.isSet(json);
    if (!startDiscovery(context, parser, 0))
        emit finished(CliUsage);
}

void DiscoverCommand::discoveryFinished(const QList<DiscoveredHost> &hosts)
{
    QList<DiscoveredHost> sorted = hosts;
    std::sort(sorted.begin(), sorted.end(),
              [](const DiscoveredHost &a, const DiscoveredHost &b) { return a.target < b.target; });
    QTextStream &out = *context().out;
    if (m_json) {
        QJsonArray array;
        for (const DiscoveredHost &host : std::as_const(sorted))
            array.append(toJson(host));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const DiscoveredHost &host : std::as_const(sorted)) {
            if (!host.ok())
                continue;
            out << host.target;
            if (host.address != host.target)
                out << QStringLiteral(" (") << host.address << u')';
            out << QStringLiteral(": ") << summary(host) << u'\n';
        }
    }
    out.flush();
    reportFailures(sorted);
    const bool allOk =
        std::all_of(sorted.cbegin(), sorted.cend(), [](const DiscoveredHost &h) { return h.ok(); });
    if (sorted.isEmpty())
        *context().err << QCoreApplication::translate("DiscoverCommand", "No SSH server answered.\n");
    emit finished(allOk && !sorted.isEmpty() ? CliOk : CliFailure);
}

} // namespace SlurmDeck
