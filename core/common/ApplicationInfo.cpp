// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ApplicationInfo.h"

#include "common/Version.h"

#include <QCoreApplication>
#include <QStringList>
#include <QtGlobal>

#include <libssh/libssh.h>

namespace SlurmDeck {

void applyApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SlurmDeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("slurmdeck.org"));
    QCoreApplication::setApplicationName(QStringLiteral("SlurmDeck"));
    QCoreApplication::setApplicationVersion(applicationVersion());
}

QString applicationVersion()
{
    return QString::fromLatin1(Version::text);
}

QString componentVersions()
{
    const QStringList lines{
        QStringLiteral("SlurmDeck %1").arg(applicationVersion()),
        QStringLiteral("Qt %1 (built against %2)")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
        QStringLiteral("libssh %1").arg(QString::fromLatin1(ssh_version(0))),
        QStringLiteral("yaml-cpp %1").arg(QStringLiteral(SLURMDECK_YAMLCPP_VERSION)),
        QStringLiteral("QtKeychain %1").arg(QStringLiteral(SLURMDECK_QTKEYCHAIN_VERSION)),
    };
    return lines.join(u'\n');
}

} // namespace SlurmDeck
