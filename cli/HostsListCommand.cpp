// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HostsListCommand.h"

#include "cli/ReportJson.h"
#include "inventory/ClusterFile.h"

#include <QJsonDocument>
#include <QTimer>

namespace SlurmDeck {

namespace {
QString figure(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

QString memory(const std::optional<qint64> &mib)
{
    return mib ? QStringLiteral("%1 GiB").arg(static_cast<double>(*mib) / 1024.0, 0, 'f', 1)
               : QStringLiteral("-");
}
} // namespace

void HostsListCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the hosts as JSON."));
    parser.addOptions({help, json});
    const auto finish = [this](int code) {
        QTimer::singleShot(0, this, [this, code] { emit finished(code); });
    };
    const QStringList arguments =
        context.arguments.value(0) == u"list" ? context.arguments.mid(1) : context.arguments;
    if (!parser.parse(QStringList{QStringLiteral("hosts")} + arguments) ||
        !parser.positionalArguments().isEmpty()) {
        *context.err
            << (parser.errorText().isEmpty()
                    ? tr("Usage: slurmdeck-cli hosts [list] [--json], hosts add HOST..., or hosts remove "
                         "HOST (see their --help).")
                    : parser.errorText())
            << u'\n';
        return finish(CliUsage);
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser,
                                    QStringLiteral("slurmdeck-cli [--cluster FILE] hosts [list] [--json]"))
                     << tr("\nLists the cluster file's hosts; contacts none of them. 'hosts add' and 'hosts "
                           "remove' grow and shrink the running cluster.\n");
        return finish(CliOk);
    }
    const QString path = ClusterFile::resolvePath(context.clusterFile);
    const Result<Cluster> cluster = ClusterFile::load(path);
    if (!cluster) {
        *context.err << cluster.error().toString() << u'\n';
        return finish(CliFailure);
    }
    if (parser.isSet(json)) {
        *context.out << QJsonDocument(clusterHostsJson(*cluster, path)).toJson();
        return finish(CliOk);
    }
    QTextStream &out = *context.out;
    out << tr("%1 (%2):\n").arg(cluster->name, path);
    const QString row = QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n");
    out << row.arg(tr("NAME"), -12)
               .arg(tr("LOGIN"), -28)
               .arg(tr("PLATFORM"), -9)
               .arg(tr("CPUS"), -5)
               .arg(tr("MEMORY"), -10)
               .arg(tr("GPUS"), -5)
               .arg(tr("ROLES"));
    for (const Host &host : cluster->hosts) {
        const QString login =
            (host.user.isEmpty() ? QString() : host.user + u'@') + host.address +
            (host.port == Host::defaultSshPort ? QString() : u':' + QString::number(host.port));
        out << row.arg(host.name, -12)
                   .arg(login, -28)
                   .arg(platformId(host.effectivePlatform()), -9)
                   .arg(figure(host.detected.cpus), -5)
                   .arg(memory(host.detected.memoryMib), -10)
                   .arg(figure(host.detected.gpus), -5)
                   .arg(hostRoleIds(host.roles).join(QStringLiteral(", ")));
    }
    if (cluster->hosts.isEmpty())
        out << tr("  (no hosts: add them with 'slurmdeck-cli hosts add HOST...' or in the slurmdeck GUI)\n");
    finish(CliOk);
}

} // namespace SlurmDeck
