// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterRules.h"

#include "inventory/Cluster.h"

#include <QObject>

namespace SlurmDeck::ClusterRules {

namespace {

bool isAsciiAlphanumeric(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

QString clusterNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QObject::tr("the cluster name is empty");
    if (name.size() > maxClusterNameLength)
        return QObject::tr("the cluster name has %1 characters; at most %2 are allowed")
            .arg(name.size())
            .arg(maxClusterNameLength);
    if (!isAsciiAlphanumeric(name.front()))
        return QObject::tr("the cluster name '%1' must start with a letter or digit").arg(name.simplified());
    for (const QChar c : name) {
        if (!isAsciiAlphanumeric(c) && c != u'_' && c != u'-')
            return QObject::tr("the cluster name '%1' may hold only letters, digits, '_' and '-'")
                .arg(name.simplified());
    }
    return {};
}

QString remoteDirectoryProblem(const QString &path)
{
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QObject::tr("must not contain control characters such as newlines");
    }
    if (!path.startsWith(u'/'))
        return QObject::tr("must be an absolute path, not '%1'").arg(path);
    QString trimmed = path;
    if (trimmed.size() > 1 && trimmed.endsWith(u'/'))
        trimmed.chop(1);
    if (trimmed == u"/")
        return QObject::tr("must not be '/' itself");
    const QStringList components = trimmed.mid(1).split(u'/');
    for (const QString &component : components) {
        if (component.isEmpty())
            return QObject::tr("must not have an empty component ('//'), as in '%1'").arg(path);
        if (component == u"." || component == u"..")
            return QObject::tr("must not contain '.' or '..' components, as in '%1'").arg(path);
    }
    return {};
}

Result<void> check(const Cluster &cluster)
{
    if (const QString problem = clusterNameProblem(cluster.name); !problem.isEmpty())
        return makeError(
            Error::Code::InvalidArgument,
            QObject::tr("The cluster cannot be used: %1. Rename it in the cluster file.").arg(problem));
    if (const QString problem = remoteDirectoryProblem(cluster.settings.remoteDirectory); !problem.isEmpty())
        return makeError(
            Error::Code::InvalidArgument,
            QObject::tr("The cluster cannot be used: its remote_directory %1. Change it in the settings.")
                .arg(problem));
    for (const SharedDirectory &shared : cluster.shared) {
        QString problem = SharedDirectories::mountProblem(shared.mount);
        for (auto it = shared.sources.cbegin(); problem.isEmpty() && it != shared.sources.cend(); ++it)
            problem = remoteDirectoryProblem(it.value());
        if (problem.isEmpty())
            problem = remoteDirectoryProblem(shared.source);
        if (!problem.isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QObject::tr("The cluster cannot be used: its shared directory '%1': a path %2. "
                                         "Change it in the cluster file's 'shared' list.")
                                 .arg(shared.mount, problem));
    }
    for (const ClusterUser &user : cluster.users) {
        if (!ClusterUser::isValidName(user.name) || user.uid < ClusterUser::minimumUid || user.gid < 1)
            return makeError(
                Error::Code::InvalidArgument,
                QObject::tr("The cluster cannot be used: its user '%1' (uid %2, gid %3) needs an "
                            "account name, a uid of at least %4 and a gid. Change it in the cluster "
                            "file's 'users' list.")
                    .arg(user.name.simplified())
                    .arg(user.uid)
                    .arg(user.gid)
                    .arg(ClusterUser::minimumUid));
    }
    return {};
}

} // namespace SlurmDeck::ClusterRules
