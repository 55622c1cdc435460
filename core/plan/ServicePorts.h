// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

namespace SlurmDeck::ServicePorts {

// The TCP port each of SlurmDeck's services listens on, on its host; 0 for one that listens
// on none (the exporters behind Prometheus' own network, the Docker-only ones).
[[nodiscard]] inline quint16 of(const QString &service)
{
    if (service == u"slurmctld")
        return 6817;
    if (service == u"slurmd")
        return 6818;
    if (service == u"slurmdbd")
        return 6819;
    if (service == u"mariadb")
        return 3306;
    if (service == u"prometheus")
        return 9090;
    if (service == u"node-exporter")
        return 9100;
    return 0;
}

// The ports of `services`, in their order.
[[nodiscard]] inline QList<quint16> ofAll(const QStringList &services)
{
    QList<quint16> ports;
    for (const QString &service : services) {
        if (const quint16 port = of(service))
            ports << port;
    }
    return ports;
}

} // namespace SlurmDeck::ServicePorts
