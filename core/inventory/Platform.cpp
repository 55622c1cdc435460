// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/Platform.h"

#include <QCoreApplication>

namespace SlurmDeck {

QString platformId(Platform platform)
{
    switch (platform) {
    case Platform::Linux:
        return QStringLiteral("linux");
    case Platform::MacOS:
        return QStringLiteral("macos");
    case Platform::Qnap:
        return QStringLiteral("qnap");
    case Platform::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<Platform> parsePlatform(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id == u"linux" || id == u"ubuntu")
        return Platform::Linux;
    if (id == u"macos")
        return Platform::MacOS;
    if (id == u"qnap")
        return Platform::Qnap;
    if (id == u"unknown")
        return Platform::Unknown;
    return std::nullopt;
}

QString platformDisplayName(Platform platform)
{
    switch (platform) {
    case Platform::Linux:
        return QCoreApplication::translate("Platform", "Linux");
    case Platform::MacOS:
        return QCoreApplication::translate("Platform", "macOS");
    case Platform::Qnap:
        return QCoreApplication::translate("Platform", "QNAP QTS");
    case Platform::Unknown:
        break;
    }
    return QCoreApplication::translate("Platform", "Unknown");
}

} // namespace SlurmDeck
