// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

namespace SlurmDeck {

class HostDeployer;

// What a backup takes from a deployed cluster and gives back, one host at a time over that
// host's connected HostDeployer. Blocking: run on a worker thread. The data streams straight
// between the host and a local file; nothing of it is held in memory.
namespace ClusterBackup {

// The members of a backup archive (see BackupArchive).
inline constexpr auto accountingFile = "accounting.sql";           // the database host's dump
inline constexpr auto controllerStateFile = "slurmctld-state.tar"; // StateSaveLocation
inline constexpr auto clusterFile = "cluster.yaml";                // the cluster file (no secrets)
inline constexpr auto sealedSecretsFile = "secrets.enc";           // on request: SealedSecrets

// On the database host: the accounting database (slurm_acct_db), dumped by mariadb-dump in
// one transaction (a consistent copy while slurmdbd writes), into `localFile`.
[[nodiscard]] Result<void> dumpAccounting(HostDeployer &host, const QString &localFile);
// On the controller host: slurmctld's state directory (queued and running jobs, reservations,
// the next job id) as a tar archive in `localFile`. slurmctld writes each state file anew and
// renames it, so a copy taken while it runs holds whole files.
[[nodiscard]] Result<void> saveControllerState(HostDeployer &host, const QString &localFile);

// On the database host: stops slurmdbd, loads the dump (its tables replace the database's)
// and starts slurmdbd again, also when the load failed.
[[nodiscard]] Result<void> restoreAccounting(HostDeployer &host, const QString &localFile);
// On the controller host: stops slurmctld, replaces its state directory with the archive's
// and starts it again, also when that failed.
[[nodiscard]] Result<void> restoreControllerState(HostDeployer &host, const QString &localFile);

} // namespace ClusterBackup

} // namespace SlurmDeck
