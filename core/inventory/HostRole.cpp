// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/HostRole.h"

#include <QStringList>

namespace SlurmDeck {

QList<HostRole> allHostRoles()
{
    return {HostRole::Controller, HostRole::Database, HostRole::Compute, HostRole::Monitoring};
}

QString hostRoleId(HostRole role)
{
    switch (role) {
    case HostRole::Controller:
        return QStringLiteral("controller");
    case HostRole::Database:
        return QStringLiteral("database");
    case HostRole::Compute:
        return QStringLiteral("compute");
    case HostRole::Monitoring:
        return QStringLiteral("monitoring");
    }
    return {};
}

std::optional<HostRole> parseHostRole(const QString &text)
{
    const QString id = text.trimmed().toLower();
    for (const HostRole role : allHostRoles()) {
        if (hostRoleId(role) == id)
            return role;
    }
    return std::nullopt;
}

QStringList hostRoleIds(HostRoles roles)
{
    QStringList ids;
    for (const HostRole role : allHostRoles()) {
        if (roles.testFlag(role))
            ids.append(hostRoleId(role));
    }
    return ids;
}

} // namespace SlurmDeck
