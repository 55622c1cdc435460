// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/ClusterSettings.h"
#include "inventory/ClusterUser.h"
#include "inventory/Host.h"
#include "inventory/Partition.h"
#include "inventory/SharedDirectory.h"

#include <QList>
#include <QString>

namespace SlurmDeck {

// The whole inventory: what a cluster file holds.
struct Cluster final
{
    QString name;
    QList<Host> hosts;
    QList<Partition> partitions;
    QList<SharedDirectory> shared; // directories every Slurm node sees at the same place
    QList<ClusterUser> users;      // who runs jobs; empty: see ClusterUsers::effective
    ClusterSettings settings;

    [[nodiscard]] const Host *findHost(const QString &hostName) const;
    [[nodiscard]] Host *findHost(const QString &hostName);
    [[nodiscard]] QList<Host> hostsWithRole(HostRole role) const;
    // The settings' keychain service, or "slurmdeck/<name>" when none is set.
    [[nodiscard]] QString keychainService() const;

    bool operator==(const Cluster &) const = default;
};

} // namespace SlurmDeck
