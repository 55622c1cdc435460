// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small clusters and file helpers shared by the inventory tests.
#include "inventory/Cluster.h"
#include "inventory/DefaultRoles.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace SlurmDeck::InventoryFixtures {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline Host makeHost(const QString &name, Platform platform, int gpus = 0)
{
    Host host;
    host.name = name;
    host.address = name + QStringLiteral(".lan");
    host.detected.platform = platform;
    host.detected.gpus = gpus;
    return host;
}

// A small valid cluster built in code.
inline Cluster sampleCluster()
{
    Cluster cluster;
    cluster.name = QStringLiteral("lab");
    cluster.hosts = {makeHost(QStringLiteral("mac"), Platform::MacOS),
                     makeHost(QStringLiteral("gpu"), Platform::Linux, 2)};
    assignDefaultRoles(cluster);
    return cluster;
}

} // namespace SlurmDeck::InventoryFixtures
