// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/ClusterAdoption.h"

#include "inventory/ClusterFile.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QObject>

namespace SlurmDeck {

namespace {

// A deployed secret (secrets/munge.key, secrets/db_password) in `directory`, at most 64 KiB.
Result<QByteArray> readSecret(SshConnection &connection, const QString &directory, const QString &file)
{
    const QString path = directory + u'/' + file;
    const Result<QByteArray> secret = connection.download(path, 64 * 1024);
    if (!secret) {
        return makeError(secret.error().code,
                         QObject::tr("Cannot read %1 on %2: log in as the user that deployed the cluster "
                                     "(the file is theirs, mode 0400/0600).")
                             .arg(path, connection.resolvedHost()),
                         secret.error().message);
    }
    if (secret->isEmpty())
        return makeError(Error::Code::NotFound,
                         QObject::tr("%1 on %2 is empty.").arg(path, connection.resolvedHost()));
    return secret;
}

} // namespace

ClusterAdoption::ClusterAdoption(SshTarget controller, HostKeyPrompt *hostKeys, CredentialPrompt *credentials)
    : m_target(std::move(controller))
    , m_hostKeys(hostKeys)
    , m_credentials(credentials)
    , m_connection(std::make_unique<SshConnection>(m_target, hostKeys, credentials))
{}

ClusterAdoption::~ClusterAdoption() = default;

Result<QStringList> ClusterAdoption::findDescriptions(SshConnection &connection, const QString &root)
{
    QStringList roots{QStringLiteral("/opt/slurmdeck"), QStringLiteral("/share/slurmdeck")};
    if (!root.isEmpty())
        roots.prepend(root);
    QStringList patterns;
    for (const QString &each : std::as_const(roots))
        patterns << Shell::quote(each) + QStringLiteral("/*/") + ClusterPlanner::clusterDescriptionFile();
    ExecOptions options;
    options.maxOutputBytes = 64 * 1024;
    const Result<ExecResult> listed =
        connection.exec(QStringLiteral("for f in %1; do [ -f \"$f\" ] && printf '%s\\n' \"$f\"; done; exit 0")
                            .arg(patterns.join(u' ')),
                        options);
    if (!listed)
        return listed.error();
    QStringList found = QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    found.removeDuplicates();
    return found;
}

Result<ClusterAdoption::Described> ClusterAdoption::describe(const QString &name, const QString &root)
{
    if (!m_connection->isConnected()) {
        if (Result<void> connected = m_connection->connect(); !connected)
            return connected.error();
    }
    const QString host = m_connection->resolvedHost();
    const Result<QStringList> found = findDescriptions(*m_connection, root);
    if (!found)
        return found.error();
    QStringList matching;
    for (const QString &path : *found) {
        if (name.isEmpty() || path.section(u'/', -2, -2) == name)
            matching << path;
    }
    if (matching.isEmpty() && found->isEmpty()) {
        return makeError(
            Error::Code::NotFound,
            QObject::tr("No SlurmDeck cluster description on %1 (slurmdeck-cluster.yaml in "
                        "/opt/slurmdeck/* or /share/slurmdeck/*). Give the controller host (the one "
                        "running slurmctld), deployed by this version; if the cluster lives "
                        "elsewhere, its directory with --directory.")
                .arg(host));
    }
    if (matching.isEmpty()) {
        return makeError(
            Error::Code::NotFound,
            QObject::tr("There is no cluster '%1' on %2; there is %3.").arg(name, host, found->join(u", ")));
    }
    if (matching.size() > 1) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("%1 has several clusters: %2. Choose one with --name.")
                             .arg(host, matching.join(u", ")));
    }
    const QString path = matching.constFirst();
    const Result<QByteArray> text = m_connection->download(path, 1024 * 1024);
    if (!text)
        return text.error();
    const Result<Cluster> cluster = ClusterFile::loadFromString(QString::fromUtf8(*text), host + u':' + path);
    if (!cluster)
        return cluster.error();
    m_described = Described{*cluster, path.left(path.lastIndexOf(u'/')), host};
    return m_described;
}

Result<ClusterSecrets::Values> ClusterAdoption::readSecrets(const SshTarget &shared)
{
    if (m_described.directory.isEmpty())
        return makeError(Error::Code::InvalidArgument, QObject::tr("No cluster was described yet."));
    ClusterSecrets::Values values;
    const Result<QByteArray> key =
        readSecret(*m_connection, m_described.directory, QStringLiteral("secrets/munge.key"));
    if (!key)
        return key.error();
    values.mungeKey = *key;
    const Cluster &cluster = m_described.cluster;
    const QList<Host> databases = cluster.hostsWithRole(HostRole::Database);
    if (databases.isEmpty())
        return values; // no accounting, no password
    const QList<Host> controllers = cluster.hostsWithRole(HostRole::Controller);
    const Host &database = databases.constFirst();
    Result<QByteArray> password = makeError(Error::Code::Unknown, {});
    if (!controllers.isEmpty() && controllers.constFirst().name == database.name) {
        password = readSecret(*m_connection, m_described.directory, QStringLiteral("secrets/db_password"));
    } else {
        SshTarget target = shared;
        target.host = database.address;
        target.user = database.user;
        target.port = database.port;
        SshConnection other(target, m_hostKeys, m_credentials);
        if (Result<void> connected = other.connect(); !connected)
            return connected.error();
        password = readSecret(other, ClusterPlanner::projectDirectory(cluster, database),
                              QStringLiteral("secrets/db_password"));
    }
    if (!password)
        return password.error();
    values.databasePassword = password->trimmed();
    return values;
}

} // namespace SlurmDeck
