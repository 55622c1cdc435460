// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace SlurmDeck {

// A Slurm partition: a named set of compute hosts.
struct Partition final
{
    QString name;
    QStringList nodes; // host names, or exactly {allNodesKeyword()}
    bool isDefault = false;
    QString maxTime; // Slurm time ("1-00:00:00", "60", "UNLIMITED"); empty: Slurm's default

    // "ALL": every compute host, as in slurm.conf's Nodes=ALL.
    [[nodiscard]] static QString allNodesKeyword() { return QStringLiteral("ALL"); }
    [[nodiscard]] bool includesAllNodes() const { return nodes == QStringList{allNodesKeyword()}; }

    // Whether `name` can be a Slurm PartitionName ([A-Za-z0-9_-]+).
    [[nodiscard]] static bool isValidName(const QString &name);
    // Slurm's time formats: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, UNLIMITED, INFINITE.
    [[nodiscard]] static bool isValidMaxTime(const QString &text);

    bool operator==(const Partition &) const = default;
};

} // namespace SlurmDeck
