// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterUser.h"

#include "inventory/Cluster.h"

#include <QObject>

namespace SlurmDeck {

bool ClusterUser::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 32)
        return false;
    const QChar first = name.front();
    if (!((first >= u'a' && first <= u'z') || first == u'_'))
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-'))
            return false;
    }
    return true;
}

QString ClusterUser::nameRule()
{
    return QObject::tr("must be an account name: lower-case letters, digits, '_' and '-', starting with a "
                       "letter or '_', at most 32 characters");
}

namespace ClusterUsers {

QList<ClusterUser> effective(const Cluster &cluster)
{
    if (!cluster.users.isEmpty())
        return cluster.users;
    const QList<Host> controllers = cluster.hostsWithRole(HostRole::Controller);
    if (controllers.isEmpty())
        return {};
    const DetectedFacts &login = controllers.constFirst().detected;
    if (login.loginUser.isEmpty() || !ClusterUser::isValidName(login.loginUser) || !login.loginUid ||
        !login.loginGid || *login.loginUid < ClusterUser::minimumUid)
        return {};
    return {ClusterUser{login.loginUser, *login.loginUid, *login.loginGid}};
}

} // namespace ClusterUsers

} // namespace SlurmDeck
