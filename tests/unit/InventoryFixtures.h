// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small clusters and file helpers shared by the inventory tests.
#include "inventory/Cluster.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>

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

// Every diagnostic of `yaml` as read from "t.yaml", one a line ("t.yaml:LINE:COLUMN: ...").
inline QStringList diagnosticsOf(const QString &yaml)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : ClusterFile::validate(yaml, QStringLiteral("t.yaml")))
        lines << diagnostic.toString();
    return lines;
}

inline bool anyContains(const QStringList &lines, const QString &part)
{
    return std::any_of(lines.cbegin(), lines.cend(),
                       [&](const QString &line) { return line.contains(part); });
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
