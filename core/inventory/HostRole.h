// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QList>
#include <QString>

#include <optional>

namespace SlurmDeck {

// What a host runs in the cluster. A host may have several roles; the seed's topology
// puts controller, database and monitoring on one Linux box and compute everywhere.
enum class HostRole {
    Controller = 0x1, // slurmctld
    Database = 0x2,   // slurmdbd + its MariaDB (accounting)
    Compute = 0x4,    // slurmd: the host becomes a Slurm node
    Monitoring = 0x8, // Prometheus (+ exporters scraped from every host)
};
Q_DECLARE_FLAGS(HostRoles, HostRole)
Q_DECLARE_OPERATORS_FOR_FLAGS(HostRoles)

// Every role, in the order cluster files list them.
[[nodiscard]] QList<HostRole> allHostRoles();
// "controller", "database", "compute", "monitoring": the spelling used in cluster files.
[[nodiscard]] QString hostRoleId(HostRole role);
// Exact (case-insensitive) ids only; nothing for anything else.
[[nodiscard]] std::optional<HostRole> parseHostRole(const QString &text);
[[nodiscard]] QStringList hostRoleIds(HostRoles roles);

} // namespace SlurmDeck
