// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/SharedDirectory.h"

#include "inventory/ClusterRules.h"

#include <QObject>
#include <QStringList>

namespace SlurmDeck::SharedDirectories {

QString mountProblem(const QString &mount)
{
    if (const QString problem = ClusterRules::remoteDirectoryProblem(mount); !problem.isEmpty())
        return problem;
    // What the Slurm image and its daemons live on: a mount there would hide them.
    static const QStringList reserved = {
        QStringLiteral("/bin"),  QStringLiteral("/boot"),  QStringLiteral("/dev"),  QStringLiteral("/etc"),
        QStringLiteral("/lib"),  QStringLiteral("/lib64"), QStringLiteral("/proc"), QStringLiteral("/run"),
        QStringLiteral("/sbin"), QStringLiteral("/sys"),   QStringLiteral("/usr"),  QStringLiteral("/var"),
        QStringLiteral("/tmp"),  QStringLiteral("/root")};
    QString path = mount;
    if (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    for (const QString &system : reserved) {
        if (path == system || path.startsWith(system + u'/'))
            return QObject::tr("must not be in %1, which the Slurm containers need for themselves; use e.g. "
                               "/data or /shared")
                .arg(system);
    }
    return {};
}

} // namespace SlurmDeck::SharedDirectories
