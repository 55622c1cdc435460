// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AdoptCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "common/Executor.h"
#include "inventory/ClusterFile.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace SlurmDeck {

namespace {

// Runs `work` on a worker thread and `then` with its result on `owner`'s thread.
template<typename T>
void runOffThread(QObject *owner, std::function<T()> work, std::function<void(const T &)> then)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, owner, [watcher, then] {
        const T result = watcher->result();
        watcher->deleteLater();
        then(result);
    });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Hosts), std::move(work)));
}

} // namespace

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

    m_adoption = std::make_shared<ClusterAdoption>(m_target, hostKeys().get(), credentials().get());
    const std::shared_ptr<ClusterAdoption> adoption = m_adoption;
    const auto prompts = std::make_pair(hostKeys(), credentials()); // alive while the task runs
    const QString wanted = m_name;
    const QString root = m_root;
    runOffThread<Result<ClusterAdoption::Described>>(
        this, [adoption, prompts, wanted, root] { return adoption->describe(wanted, root); },
        [this](const Result<ClusterAdoption::Described> &found) { described(found); });
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
    m_described = *found;
    Cluster &cluster = m_described.cluster;
    m_path = context().clusterFile.isEmpty()
                 ? ClusterFile::clustersDirectory() + u'/' + cluster.name + QStringLiteral(".yaml")
                 : ClusterFile::resolvePath(context().clusterFile);
    if (QFileInfo::exists(m_path) && !m_force) {
        err() << tr("%1 exists already. Adopt into another file with --cluster FILE, or replace it with "
                    "--force.\n")
                     .arg(m_path);
        done(CliFailure);
        return;
    }
    out() << tr("Cluster %1 on %2 (%3):\n").arg(cluster.name, m_described.host, m_described.directory);
    for (const Host &host : std::as_const(cluster.hosts))
        out() << QStringLiteral("  %1 (%2): %3\n")
                     .arg(host.name, host.address, hostRoleIds(host.roles).join(QStringLiteral(", ")));
    if (!m_yes &&
        !confirm(tr("Copy its munge key and database password into this machine's keychain, and write "
                    "%1?")
                     .arg(m_path))) {
        err() << tr("Nothing was copied.\n");
        done(CliFailure);
        return;
    }
    const std::shared_ptr<ClusterAdoption> adoption = m_adoption;
    const auto prompts = std::make_pair(hostKeys(), credentials());
    const SshTarget shared = sshDefaults();
    runOffThread<Result<ClusterSecrets::Values>>(
        this, [adoption, prompts, shared] { return adoption->readSecrets(shared); },
        [this](const Result<ClusterSecrets::Values> &values) { secretsRead(values); });
}

void AdoptCommand::secretsRead(const Result<ClusterSecrets::Values> &values)
{
    if (!values) {
        err() << tr("Cannot read the cluster's secrets: %1\nNothing was written here.\n")
                     .arg(values.error().toString());
        hintAboutHostKeys();
        done(CliFailure);
        return;
    }
    m_secrets = new ClusterSecrets(m_described.cluster.keychainService(), this);
    m_secrets->store(*values, m_force, this, [this](Result<void> stored) {
        if (!stored) {
            err() << tr("Cannot keep the secrets in the keychain: %1\nNothing was written here.\n")
                         .arg(stored.error().toString());
            done(CliFailure);
            return;
        }
        secretsStored();
    });
}

void AdoptCommand::secretsStored()
{
    Cluster cluster = m_described.cluster;
    if (!m_target.identityFile.isEmpty()) {
        for (Host &host : cluster.hosts)
            host.identity = m_target.identityFile;
    }
    if (Result<void> saved = ClusterFile::save(cluster, m_path); !saved) {
        err() << tr("The secrets are in the keychain, but the cluster file could not be written: %1\n")
                     .arg(saved.error().toString());
        done(CliFailure);
        return;
    }
    out() << tr("Adopted %1: its secrets are in this machine's keychain (%2), its file is %3.\n"
                "Try 'slurmdeck-cli --cluster %1 status'. Host addresses are as the deploying machine "
                "knew them; edit the file if this machine reaches them otherwise.\n")
                 .arg(cluster.name, cluster.keychainService(), m_path);
    done(CliOk);
}

} // namespace SlurmDeck
