// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/SharedMounts.h"

namespace SlurmDeck::SharedMounts {

namespace {

// A YAML double-quoted scalar that Compose does not interpolate ('$' doubled).
QByteArray quoted(const QString &path)
{
    QString escaped = path;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'$', QStringLiteral("$$"));
    return '"' + escaped.toUtf8() + '"';
}

} // namespace

QString composeFileName()
{
    return QStringLiteral("compose.shared.yml");
}

QStringList servicesMounting(const QStringList &services)
{
    QStringList mounting;
    for (const QString &service : {QStringLiteral("slurmctld"), QStringLiteral("slurmd")}) {
        if (services.contains(service))
            mounting << service;
    }
    return mounting;
}

QList<SharedMount> of(const Cluster &cluster, const QString &hostName)
{
    QList<SharedMount> mounts;
    for (const SharedDirectory &shared : cluster.shared)
        mounts << SharedMount{shared.sourceOn(hostName), shared.mount};
    return mounts;
}

QByteArray composeFile(const HostPlan &plan)
{
    QByteArray text = "# SlurmDeck: the cluster's shared directories (the cluster file's 'shared') on this\n"
                      "# host, generated for it; used as one more -f file. Each source must exist here.\n"
                      "services:\n";
    for (const QString &service : servicesMounting(plan.services)) {
        text += "  " + service.toUtf8() + ":\n    volumes:\n";
        for (const SharedMount &mount : plan.sharedMounts) {
            text += "      - type: bind\n        source: " + quoted(mount.source) +
                    "\n        target: " + quoted(mount.mount) + '\n';
        }
    }
    return text;
}

} // namespace SlurmDeck::SharedMounts
