// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HostsAddCommand.h"

#include "cli/DeployCommand.h"
#include "cli/Terminal.h"
#include "discovery/DiscoveryMerge.h"
#include "inventory/ClusterFile.h"
#include "inventory/Platform.h"

namespace SlurmDeck {

namespace {

QString hostLine(const Host &host)
{
    QStringList facts{platformDisplayName(host.detected.platform)};
    if (host.detected.cpus)
        facts << QCoreApplication::translate("HostsAddCommand", "%n CPU(s)", nullptr, *host.detected.cpus);
    if (host.detected.memoryMib)
        facts << QCoreApplication::translate("HostsAddCommand", "%1 GiB")
                     .arg(double(*host.detected.memoryMib) / 1024.0, 0, 'f', 1);
    if (host.detected.gpus.value_or(0) > 0)
        facts << QCoreApplication::translate("HostsAddCommand", "%n GPU(s)", nullptr, *host.detected.gpus);
    return QStringLiteral("  %1 (%2): %3; %4\n")
        .arg(host.name, host.address, hostRoleIds(host.roles).join(u','), facts.join(QStringLiteral(", ")));
}

} // namespace

Result<HostRoles> HostsAddCommand::parseRoles(const QString &text)
{
    QStringList ids;
    for (const HostRole role : allHostRoles())
        ids << hostRoleId(role);
    HostRoles roles;
    for (const QString &id : text.split(u',', Qt::SkipEmptyParts)) {
        const std::optional<HostRole> role = parseHostRole(id.trimmed());
        if (!role) {
            return makeError(Error::Code::InvalidArgument,
                             tr("--roles: '%1' is no role; the roles are %2.")
                                 .arg(id.trimmed(), ids.join(QStringLiteral(", "))));
        }
        roles |= *role;
    }
    if (!roles)
        return makeError(Error::Code::InvalidArgument, tr("--roles wants at least one role, e.g. compute."));
    return roles;
}

void HostsAddCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption roles(QStringLiteral("roles"),
                                   tr("The new hosts' roles, comma-separated (default: compute)."),
                                   QStringLiteral("ROLES"), QStringLiteral("compute"));
    const QCommandLineOption images(
        QStringLiteral("images"), tr("How the deploy gets its images (see deploy)."), QStringLiteral("MODE"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOptions({help, roles, images, yes});
    options().addTo(parser);
    const QString usage = QStringLiteral("slurmdeck-cli [--cluster FILE] hosts add HOST... [--roles ROLES] "
                                         "[--user U] [--identity FILE] [--port P] [--images MODE] [--yes]");
    if (!parser.parse(QStringList{QStringLiteral("hosts")} + context.arguments)) {
        *context.err << parser.errorText() << u'\n';
        return finish(CliUsage);
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser, usage);
        return finish(CliOk);
    }
    if (parser.positionalArguments().size() < 2 || parser.isSet(QStringLiteral("subnet"))) {
        *context.err
            << tr("Usage: %1\nName each host to add ([USER@]address or ~/.ssh/config alias).\n").arg(usage);
        return finish(CliUsage);
    }
    const Result<HostRoles> wanted = parseRoles(parser.value(roles));
    if (!wanted) {
        *context.err << wanted.error().message << u'\n';
        return finish(CliUsage);
    }
    m_roles = *wanted;
    m_yes = parser.isSet(yes);
    if (!m_yes && !Terminal::available()) {
        *context.err << tr(
            "hosts add changes the cluster and there is no terminal to confirm on: run it with "
            "--yes.\n");
        return finish(CliUsage);
    }
    if (Result<void> loaded = m_document.load(ClusterFile::resolvePath(context.clusterFile)); !loaded) {
        *context.err << loaded.error().toString() << u'\n';
        return finish(CliFailure);
    }
    // A cluster has one controller, one database host and one monitoring host at most (the
    // reader refuses a file with two): such a role moves in the cluster file, not here.
    const qsizetype adding = parser.positionalArguments().size() - 1;
    for (const HostRole role : {HostRole::Controller, HostRole::Database, HostRole::Monitoring}) {
        if (!m_roles.testFlag(role))
            continue;
        const QList<Host> holders = m_document.cluster().hostsWithRole(role);
        if (!holders.isEmpty() || adding > 1) {
            *context.err
                << (holders.isEmpty()
                        ? tr("--roles: only one host can be %1; add the hosts one at a time.\n")
                              .arg(hostRoleId(role))
                        : tr("--roles: %1 is the cluster's %2 already, and a cluster has one. To move the "
                             "role, add the host as compute, then edit the roles in %3 (or the Hosts "
                             "view) and deploy.\n")
                              .arg(holders.constFirst().name, hostRoleId(role), m_document.path()));
            return finish(CliUsage);
        }
    }
    m_deployArguments = forwardedDeployArguments(parser);
    // positional 0 is "add"
    if (!startDiscovery(context, parser, 1))
        finish(CliUsage);
}

void HostsAddCommand::discoveryFinished(const QList<DiscoveredHost> &hosts)
{
    QTextStream &out = *context().out;
    QTextStream &err = *context().err;
    reportFailures(hosts);
    for (const DiscoveredHost &host : hosts) {
        if (!host.ok()) {
            err << tr("Nothing was changed: fix the hosts above or leave them out.\n");
            return finish(CliFailure);
        }
    }
    const Result<MergeOutcome> merged = mergeDiscoveredHosts(m_document, hosts, request().login, m_roles);
    if (!merged) {
        err << tr("Nothing was changed: %1\n").arg(merged.error().toString());
        return finish(CliFailure);
    }
    for (const QString &name : merged->refreshed)
        out << tr("%1 is in the cluster already; its detected facts are refreshed.\n").arg(name);
    if (!merged->added.isEmpty()) {
        out << tr("Adding to the cluster %1:\n").arg(m_document.cluster().name);
        for (const QString &name : merged->added)
            out << hostLine(*m_document.cluster().findHost(name));
    }
    out.flush();
    if (!m_yes &&
        !Terminal::confirm(tr("Write %1 and deploy, so that Slurm takes the new nodes (running jobs go on)?")
                               .arg(m_document.path()))) {
        err << tr("Nothing was changed.\n");
        return finish(CliFailure);
    }
    if (Result<void> saved = m_document.save(); !saved) {
        err << tr("Nothing was changed: %1\n").arg(saved.error().toString());
        return finish(CliFailure);
    }
    out << tr("Wrote %1. Deploying:\n").arg(m_document.path());
    out.flush();
    deploy();
}

void HostsAddCommand::deploy()
{
    auto *deploy = new DeployCommand(DeployCommand::Mode::Deploy, this);
    m_deploy = deploy;
    connect(deploy, &CliCommand::finished, this, [this](int exitCode) {
        if (exitCode != CliOk && exitCode != CliInterrupted) {
            *context().err
                << tr("The hosts are in %1 but the deploy did not finish. Fix what it reports, then "
                      "run 'slurmdeck-cli deploy' (or this command again) to finish it.\n")
                       .arg(m_document.path());
        }
        finish(exitCode);
    });
    CliContext deployContext = context();
    deployContext.arguments = m_deployArguments;
    deployContext.clusterFile = m_document.path();
    deploy->start(deployContext);
}

void HostsAddCommand::interrupt()
{
    if (m_deploy)
        m_deploy->interrupt(); // it reports what was done, then finishes
    else
        finish(CliInterrupted);
}

void HostsAddCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

} // namespace SlurmDeck
