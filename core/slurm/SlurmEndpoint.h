// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "plan/HostPlan.h"
#include "plan/Topology.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QList>
#include <QString>

namespace SlurmDeck {

// Where SlurmDeck reaches a deployed cluster's Slurm: each host's SSH target and Compose
// project, taken from the cluster's Topology (DeploySession::locate), and which host runs
// slurmctld. Holds no secret: a plan's file contents are dropped. Slurm node names are the cluster file's
// host names.
struct SlurmEndpoint
{
    QString clusterName;
    QString projectName;               // the Compose project, e.g. "slurmdeck-lab"
    QList<HostPlan> hosts;             // without files
    QHash<QString, SshTarget> targets; // by host name
    QString controllerHost;            // the host running slurmctld
    bool accounting = false;           // some host runs slurmdbd
    QStringList users;                 // who jobs run as, first the default; empty: root

    // Fails when no host runs slurmctld or it has no SSH target.
    [[nodiscard]] static Result<SlurmEndpoint> fromTopology(const Topology &topology,
                                                            const QHash<QString, SshTarget> &targets);
    [[nodiscard]] static Result<SlurmEndpoint> fromPlan(const ClusterPlan &plan,
                                                        const QHash<QString, SshTarget> &targets);

    [[nodiscard]] const HostPlan *host(const QString &name) const;
    [[nodiscard]] const HostPlan *controller() const { return host(controllerHost); }
    [[nodiscard]] SshTarget target(const QString &hostName) const { return targets.value(hostName); }
    // Where a job starts when it names no working directory: the cluster's first shared
    // directory (as the containers see it); empty without one (then where sbatch runs).
    [[nodiscard]] QString sharedWorkingDirectory() const;
};

} // namespace SlurmDeck
