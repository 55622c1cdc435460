// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "deploy/ServiceTypes.h"

#include <QStringList>

#include <functional>

namespace SlurmDeck {

class HostDeployer;
struct HostPlan;

// What SlurmDeck does to a deployed cluster on one host, over that host's connected and
// checked HostDeployer. Blocking: each runs on a worker thread (ServiceControl queues them
// per host). Shared by the GUI's Services view and slurmdeck-cli's services, down and remove.
//
// The cluster's data is <D>/data on each host (D: the project directory):
//   data/mariadb     the accounting database (slurm_acct_db)           database host
//   data/slurmctld   Slurm's saved state (StateSaveLocation: jobs, ...) controller host
//   data/slurmd      slurmd's spool                                     compute hosts
//   data/prometheus  Prometheus' time-series database                   monitoring host
//   data/textfile    exporter text files (rewritten every 15 s)         monitoring/GPU hosts
//   data/grafana     Grafana's database, where Grafana is enabled
// Everything else in D is configuration that a deploy writes again: compose files, .env,
// etc/slurm, prometheus/prometheus.yml, secrets/ (munge key, database password) and the
// ".previous" copies. The compose files declare no named volumes. Images stay on the host.
namespace ServiceOperations {

// "<D>/data".
[[nodiscard]] QString dataDirectory(const HostPlan &plan);

// Each planned service's state (Absent where there is no container) and containers of the
// project that the plan does not have.
[[nodiscard]] Result<QList<ServiceStatus>> list(HostDeployer &deployer);

// Starts, stops or restarts `services` (empty: all of the host's). Start and restart check
// that the services run afterwards and report the last log lines of one that does not.
// Returns what was done, e.g. "stopped slurmd".
[[nodiscard]] Result<QString> act(HostDeployer &deployer, ServiceAction action, const QStringList &services);

// The last `lines` lines of `service`'s log.
[[nodiscard]] Result<QStringList> logs(HostDeployer &deployer, const QString &service, int lines);

// Polls the service's log (with timestamps, which make every line unique) every
// `interval` and passes on the lines not seen before, the last `tail` first; returns when
// cancelled, or with the error that ended it.
[[nodiscard]] Result<void> follow(HostDeployer &deployer, const QString &service, int tail,
                                  const std::function<void(const QStringList &lines)> &post,
                                  const CancelToken &cancel,
                                  std::chrono::milliseconds interval = std::chrono::seconds(2));

// Starts the host's services that do not run, and checks they stay up. Every host can start
// at once: each daemon waits for the one it needs (the images' entrypoint).
[[nodiscard]] Result<QString> startAll(HostDeployer &deployer);

// Takes the host's part of the cluster down (compose down): containers and networks go,
// configuration and data stay.
[[nodiscard]] Result<QString> takeDown(HostDeployer &deployer);

// Removes the host's part of the cluster: every container and network of the project and
// the configuration in D. Keeps <D>/data unless `purgeData`, which deletes D entirely;
// data that the SSH user may not delete (written by containers as root) is deleted from
// a throwaway container of the first of `helperImages` the host has.
[[nodiscard]] Result<QString> remove(HostDeployer &deployer, bool purgeData, const QStringList &helperImages);

} // namespace ServiceOperations

} // namespace SlurmDeck
