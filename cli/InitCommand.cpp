// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/InitCommand.h"

#include "cli/ReportJson.h"
#include "discovery/DiscoveryToCluster.h"
#include "inventory/ClusterFile.h"
#include "inventory/ClusterRules.h"
#include "inventory/SlurmRelease.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

namespace SlurmDeck {

void InitCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("Cluster name."));
    parser.addPositionalArgument(QStringLiteral("HOST"), tr("[USER@]address or ~/.ssh/config alias."));
    const QCommandLineOption force(QStringLiteral("force"), tr("Replace an existing cluster file."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print the cluster file's hosts as JSON on stdout."));
    QStringList releases;
    for (const SlurmRelease &release : SlurmRelease::offered())
        releases << release.version;
    const QCommandLineOption slurmRelease(
        QStringLiteral("slurm-release"),
        tr("Slurm release every host runs: %1 (default %2).")
            .arg(releases.join(QStringLiteral(", ")), SlurmRelease::defaultVersion()),
        QStringLiteral("RELEASE"), SlurmRelease::defaultVersion());
    parser.addOptions({force, help, json, slurmRelease});
    options().addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("init")} + context.arguments)) {
        *context.err << parser.errorText() << u'\n';
        emit finished(CliUsage);
        return;
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser, QStringLiteral("slurmdeck-cli init [options] NAME [HOST...]"));
        emit finished(CliOk);
        return;
    }
    if (parser.positionalArguments().isEmpty()) {
        *context.err << tr(
            "init wants a cluster NAME, e.g. slurmdeck-cli init homelab gpu-box macbook nas1\n");
        emit finished(CliUsage);
        return;
    }
    m_name = parser.positionalArguments().constFirst();
    m_json = parser.isSet(json);
    m_release = parser.value(slurmRelease);
    if (!SlurmRelease::find(m_release)) {
        *context.err << tr("init: --slurm-release must be one of %1, not '%2'.\n")
                            .arg(releases.join(QStringLiteral(", ")), m_release);
        emit finished(CliUsage);
        return;
    }
    if (const QString problem = ClusterRules::clusterNameProblem(m_name); !problem.isEmpty()) {
        *context.err << tr("init: %1.\n").arg(problem);
        emit finished(CliUsage);
        return;
    }
    m_path = ClusterFile::resolvePath(context.clusterFile);
    if (QFileInfo::exists(m_path) && !parser.isSet(force)) {
        *context.err
            << tr("%1 exists already; use --force to replace it, or --cluster FILE to write another.\n")
                   .arg(m_path);
        emit finished(CliFailure);
        return;
    }
    if (!startDiscovery(context, parser, 1))
        emit finished(CliUsage);
}

void InitCommand::discoveryFinished(const QList<DiscoveredHost> &hosts)
{
    QTextStream &err = *context().err;
    reportFailures(hosts);
    // Hosts the user named must all work; hosts a subnet scan found are taken when they do.
    for (const DiscoveredHost &host : hosts) {
        if (!host.ok() && request().hosts.contains(host.target)) {
            err << tr("Nothing was written: fix the hosts above or leave them out.\n");
            emit finished(CliFailure);
            return;
        }
    }
    Cluster cluster = clusterFromDiscovery(m_name, hosts, request().login);
    cluster.settings.slurmRelease = m_release;
    if (cluster.hosts.isEmpty()) {
        err << tr("No host could be fingerprinted; nothing was written.\n");
        emit finished(CliFailure);
        return;
    }
    const Result<void> saved = ClusterFile::save(cluster, m_path);
    if (!saved) {
        err << saved.error().toString() << u'\n';
        emit finished(CliFailure);
        return;
    }
    QTextStream &out = *context().out;
    if (m_json) {
        out << QJsonDocument(clusterHostsJson(cluster, m_path)).toJson();
        out.flush();
        emit finished(CliOk);
        return;
    }
    out << tr("Wrote %1 with %2 hosts:\n").arg(m_path).arg(cluster.hosts.size());
    for (const Host &host : cluster.hosts)
        out << QStringLiteral("  ") << host.name << QStringLiteral(" (") << host.address
            << QStringLiteral("): ") << hostRoleIds(host.roles).join(u", ") << u'\n';
    out.flush();
    emit finished(CliOk);
}

} // namespace SlurmDeck
