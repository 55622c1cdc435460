// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterDocument.h"

#include "inventory/ClusterFile.h"
#include "inventory/ClusterRules.h"
#include "inventory/DefaultRoles.h"

#include <QFileInfo>

namespace SlurmDeck {

namespace {

QStringList hostNames(const QList<Host> &hosts)
{
    QStringList names;
    for (const Host &host : hosts)
        names.append(host.name);
    return names;
}

} // namespace

ClusterDocument::ClusterDocument(QObject *parent) : QObject(parent)
{}

QString ClusterDocument::displayName() const
{
    if (!m_cluster.name.isEmpty())
        return m_cluster.name;
    if (!m_path.isEmpty())
        return QFileInfo(m_path).completeBaseName();
    return tr("Untitled");
}

Result<void> ClusterDocument::load(const QString &path)
{
    Result<Cluster> loaded = ClusterFile::load(path);
    if (!loaded)
        return loaded.error();
    m_cluster = std::move(loaded).value();
    setPath(path);
    setModified(false);
    emit changed();
    return {};
}

void ClusterDocument::reset(const QString &path)
{
    m_cluster = Cluster{};
    setPath(path);
    setModified(false);
    emit changed();
}

Result<void> ClusterDocument::save()
{
    if (m_path.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("Choose where to save the cluster first."));
    return saveAs(m_path);
}

Result<void> ClusterDocument::saveAs(const QString &path)
{
    Cluster toSave = m_cluster;
    if (toSave.name.isEmpty())
        toSave.name = QFileInfo(path).completeBaseName();
    if (Result<void> saved = ClusterFile::save(toSave, path); !saved)
        return saved;
    const bool renamed = toSave.name != m_cluster.name;
    m_cluster = std::move(toSave);
    setPath(path);
    setModified(false);
    if (renamed)
        emit changed();
    return {};
}

void ClusterDocument::setClusterName(const QString &name)
{
    if (name == m_cluster.name)
        return;
    Cluster edited = m_cluster;
    edited.name = name;
    applyEdit(std::move(edited));
}

Result<void> ClusterDocument::checkName(const QString &name, const QStringList &taken)
{
    if (!Host::isValidName(name)) {
        return makeError(Error::Code::InvalidArgument,
                         tr("\"%1\" cannot be a host name: use letters, digits and '-' only.").arg(name));
    }
    if (taken.contains(name, Qt::CaseInsensitive))
        return makeError(Error::Code::InvalidArgument, tr("There is already a host named \"%1\".").arg(name));
    return {};
}

Result<void> ClusterDocument::setHost(const QString &name, const Host &host)
{
    Cluster edited = m_cluster;
    Host *existing = edited.findHost(name);
    if (!existing)
        return makeError(Error::Code::NotFound, tr("There is no host named \"%1\".").arg(name));
    QStringList others = hostNames(edited.hosts);
    others.removeAt(others.indexOf(existing->name));
    if (Result<void> valid = checkName(host.name, others); !valid)
        return valid;
    if (*existing == host)
        return {};
    const QString oldName = existing->name;
    *existing = host;
    if (oldName != host.name) {
        // Keep partitions pointing at the host under its new name.
        for (Partition &partition : edited.partitions) {
            for (QString &node : partition.nodes) {
                if (node == oldName)
                    node = host.name;
            }
        }
    }
    applyEdit(std::move(edited));
    return {};
}

Result<void> ClusterDocument::addHosts(const QList<Host> &hosts)
{
    if (hosts.isEmpty())
        return {};
    Cluster edited = m_cluster;
    QStringList taken = hostNames(edited.hosts);
    for (const Host &host : hosts) {
        if (Result<void> valid = checkName(host.name, taken); !valid)
            return valid;
        taken.append(host.name);
        edited.hosts.append(host);
    }
    applyEdit(std::move(edited));
    return {};
}

Result<void> ClusterDocument::replaceCluster(const Cluster &cluster)
{
    QStringList taken;
    for (const Host &host : cluster.hosts) {
        if (Result<void> valid = checkName(host.name, taken); !valid)
            return valid;
        taken.append(host.name);
    }
    applyEdit(cluster);
    return {};
}

Result<void> ClusterDocument::removeHost(const QString &name)
{
    Cluster edited = m_cluster;
    const Host *host = edited.findHost(name);
    if (!host)
        return makeError(Error::Code::NotFound, tr("There is no host named \"%1\".").arg(name));
    const QString removed = host->name;
    edited.hosts.removeIf([&removed](const Host &h) { return h.name == removed; });
    for (Partition &partition : edited.partitions)
        partition.nodes.removeAll(removed);
    for (SharedDirectory &shared : edited.shared)
        shared.sources.remove(removed);
    applyEdit(std::move(edited));
    return {};
}

Result<void> ClusterDocument::setSharedAndUsers(const QList<SharedDirectory> &shared,
                                                const QList<ClusterUser> &users)
{
    Cluster edited = m_cluster;
    edited.shared = shared;
    edited.users = users;
    for (const SharedDirectory &directory : shared) {
        for (auto it = directory.sources.cbegin(); it != directory.sources.cend(); ++it) {
            if (!edited.findHost(it.key()))
                return makeError(Error::Code::InvalidArgument,
                                 tr("The shared directory %1 names %2, which is not a host of the cluster.")
                                     .arg(directory.mount, it.key()));
        }
    }
    if (Result<void> valid = ClusterRules::check(edited); !valid)
        return valid;
    applyEdit(std::move(edited));
    return {};
}

void ClusterDocument::resetRolesToDefaults()
{
    Cluster edited = m_cluster;
    assignDefaultRoles(edited);
    applyEdit(std::move(edited));
}

bool ClusterDocument::hasController() const
{
    return !m_cluster.hostsWithRole(HostRole::Controller).isEmpty();
}

void ClusterDocument::applyEdit(Cluster cluster)
{
    if (cluster == m_cluster)
        return;
    m_cluster = std::move(cluster);
    setModified(true);
    emit changed();
}

void ClusterDocument::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void ClusterDocument::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    emit pathChanged(path);
}

} // namespace SlurmDeck
