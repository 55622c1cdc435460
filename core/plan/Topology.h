// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "plan/HostPlan.h"

#include <QHash>
#include <QList>
#include <QString>

namespace SlurmDeck {

// The first stage of the plan: where everything runs. From the cluster file and the address
// other hosts reach each host at, it gives per host its project directory, Compose project,
// profiles and services in start order, and which host runs slurmctld and Prometheus. Pure:
// no secrets, no templates, no files. Monitoring, service control and metrics need only
// this; the renderer (ClusterPlanner) adds the files, secrets included, for a deploy.
struct Topology
{
    QString clusterName;
    QString projectName;     // the Compose project, "slurmdeck-<cluster>"
    QList<HostPlan> hosts;   // in the cluster file's order, without files
    QString controllerHost;  // the (first) host running slurmctld
    QString prometheusHost;  // the host running Prometheus; empty: none
    bool accounting = false; // some host runs slurmdbd
    QStringList users;       // the cluster's users' names (ClusterUsers::effective); empty: jobs run as root
    QString slurmImage;      // the image of the cluster's Slurm release

    // Checks the cluster (ClusterRules, at least one host, a controller). `networkAddresses`:
    // host name -> address other hosts use (an ssh alias resolved); missing: the file's address.
    [[nodiscard]] static Result<Topology> of(const Cluster &cluster,
                                             const QHash<QString, QString> &networkAddresses);

    [[nodiscard]] const HostPlan *host(const QString &name) const;
    // A plan of these hosts without files, for what works on deployed hosts (services,
    // down, remove) and must never hold secrets.
    [[nodiscard]] ClusterPlan withoutFiles() const;
};

} // namespace SlurmDeck
