// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveredHost.h"

#include <QCoreApplication>

namespace SlurmDeck {

UserAtHost splitUserAtHost(const QString &target)
{
    const qsizetype at = target.lastIndexOf(u'@');
    if (at <= 0 || at == target.size() - 1)
        return {QString(), target};
    return {target.left(at), target.mid(at + 1)};
}

QString statusId(DiscoveredHost::Status status)
{
    switch (status) {
    case DiscoveredHost::Status::Fingerprinted:
        return QStringLiteral("ok");
    case DiscoveredHost::Status::Unreachable:
        return QStringLiteral("unreachable");
    case DiscoveredHost::Status::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case DiscoveredHost::Status::HostKeyChanged:
        return QStringLiteral("host-key-changed");
    case DiscoveredHost::Status::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case DiscoveredHost::Status::ProbeFailed:
        return QStringLiteral("probe-failed");
    case DiscoveredHost::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString statusText(DiscoveredHost::Status status)
{
    switch (status) {
    case DiscoveredHost::Status::Fingerprinted:
        return QCoreApplication::translate("DiscoveredHost", "OK");
    case DiscoveredHost::Status::Unreachable:
        return QCoreApplication::translate("DiscoveredHost", "Unreachable");
    case DiscoveredHost::Status::HostKeyUnknown:
        return QCoreApplication::translate("DiscoveredHost", "Host key not trusted");
    case DiscoveredHost::Status::HostKeyChanged:
        return QCoreApplication::translate("DiscoveredHost", "Host key CHANGED");
    case DiscoveredHost::Status::AuthenticationFailed:
        return QCoreApplication::translate("DiscoveredHost", "Login refused");
    case DiscoveredHost::Status::ProbeFailed:
        return QCoreApplication::translate("DiscoveredHost", "Probe failed");
    case DiscoveredHost::Status::Cancelled:
        return QCoreApplication::translate("DiscoveredHost", "Cancelled");
    }
    return {};
}

} // namespace SlurmDeck
