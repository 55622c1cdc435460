// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AdoptCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "inventory/ClusterFile.h"
#include "session/ClusterAdoptionRun.h"

#include <QFileInfo>

namespace SlurmDeck {

void AdoptCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption user(QStringLiteral("user"), tr("Log in as this user."), QStringLiteral("U"));
    const QCommandLineOption port(QStringLiteral("port"), tr("SSH port."), QStringLiteral("P"));
    const QCommandLineOption identity(QStringLiteral("identity"),
                                      tr("Private key file for HOST and, in the cluster file, every host."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption name(QStringLiteral("name"), tr("The cluster to adopt, when HOST has several."),
                                  QStringLiteral("CLUSTER"));
    const QCommandLineOption directory(
        QStringLiteral("directory"),
        tr("Where the clusters' directories are on HOST, when not /opt/slurmdeck (the cluster's "
           "remote_directory)."),
        QStringLiteral("DIR"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Replace a cluster file, or keychain secrets, of the same name here."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOptions({user, port, identity, name, directory, force, yes});
    if (!parse(context, parser, QStringLiteral("adopt"),
               QStringLiteral(
                   "slurmdeck-cli adopt HOST [--user U] [--port P] [--identity FILE] [--name CLUSTER] "
                   "[--directory DIR] [--force] [--yes]")))
        return;
    if (parser.positionalArguments().size() != 1) {
        err() << tr(
            "adopt takes one HOST: the controller host of the cluster (the one running slurmctld).\n");
        done(CliUsage);
        return;
    }
    m_target = sshDefaults();
    m_target.host = parser.positionalArguments().constFirst();
    m_target.user = parser.value(user);
    m_target.identityFile = parser.value(identity);
    if (parser.isSet(port)) {
        bool ok = false;
        m_target.port = parser.value(port).toInt(&ok);
        if (!ok || m_target.port < 1 || m_target.port > 65535) {
            err() << tr("--port wants a number from 1 to 65535.\n");
            done(CliUsage);
            return;
        }
    }
    m_name = parser.value(name);
    m_root = parser.value(directory);
    m_force = parser.isSet(force);
    m_yes = parser.isSet(yes);
    if (!m_yes && !hasTerminal()) {
        err() << tr(
            "adopt copies the cluster's secrets into this machine's keychain and there is no terminal "
            "to confirm on: run it with --yes.\n");
        done(CliUsage);
        return;
    }

    m_run = new ClusterAdoptionRun(m_target, sshDefaults(), hostKeys(), credentials(), this);
    connect(m_run, &ClusterAdoptionRun::described, this, &AdoptCommand::described);
    connect(m_run, &ClusterAdoptionRun::adopted, this, &AdoptCommand::adopted);
    m_run->describe(m_name, m_root);
}

void AdoptCommand::described(const Result<ClusterAdoption::Described> &found)
{
    if (!found) {
        err() << tr("Cannot adopt a cluster from %1: %2\n")
                     .arg(m_target.displayName(), found.error().toString());
        hintAboutHostKeys();
        done(CliFailure);
        return;
    }
    const Cluster &cluster = found->cluster;
    const QString path = context().clusterFile.isEmpty() ? ClusterAdoptionRun::defaultPath(cluster.name)
                                                         : ClusterFile::resolvePath(context().clusterFile);
    if (QFileInfo::exists(path) && !m_force) {
        err() << tr("%1 exists already. Adopt into another file with --cluster FILE, or replace it with "
                    "--force.\n")
                     .arg(path);
        done(CliFailure);
        return;
    }
    out() << tr("Cluster %1 on %2 (%3):\n").arg(cluster.name, found->host, found->directory);
    for (const Host &host : std::as_const(cluster.hosts))
        out() << QStringLiteral("  %1 (%2): %3\n")
                     .arg(host.name, host.address, hostRoleIds(host.roles).join(QStringLiteral(", ")));
    if (!m_yes &&
        !confirm(tr("Copy its munge key and database password into this machine's keychain, and write "
                    "%1?")
                     .arg(path))) {
        err() << tr("Nothing was copied.\n");
        done(CliFailure);
        return;
    }
    m_run->adopt(path, m_force);
}

void AdoptCommand::adopted(const Result<QString> &path)
{
    if (!path) {
        err() << path.error().toString() << u'\n';
        hintAboutHostKeys();
        done(CliFailure);
        return;
    }
    const Cluster &cluster = m_run->description().cluster;
    out() << tr("Adopted %1: its secrets are in this machine's keychain (%2), its file is %3.\n"
                "Try 'slurmdeck-cli --cluster %1 status'. Host addresses are as the deploying machine "
                "knew them; edit the file if this machine reaches them otherwise.\n")
                 .arg(cluster.name, cluster.keychainService(), *path);
    done(CliOk);
}

} // namespace SlurmDeck
