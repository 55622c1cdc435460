// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace SlurmDeck {

// A directory every Slurm node sees at the same place (the cluster file's `shared`): a host
// path that is already one filesystem on every host (an NFS or SMB mount of a NAS share, a
// shared disk), bind-mounted at `mount` into the slurmd and slurmctld containers, so
// `sbatch -D /data/x` works on any node and a job's output is found where it was written.
struct SharedDirectory final
{
    QString mount;                  // inside the containers, e.g. "/data"
    QString source;                 // on the hosts, e.g. "/mnt/nas/data"
    QMap<QString, QString> sources; // host name -> its path where it differs ("/Volumes/data")

    // Where `hostName` has it.
    [[nodiscard]] QString sourceOn(const QString &hostName) const { return sources.value(hostName, source); }

    bool operator==(const SharedDirectory &) const = default;
};

namespace SharedDirectories {

// Empty when `mount` can hold a shared directory in the Slurm containers: a clean absolute
// path (ClusterRules::remoteDirectoryProblem) outside what the image itself needs (/etc,
// /usr, /var/lib/slurm, /run, ...); else why not, as a predicate for a sentence naming it.
[[nodiscard]] QString mountProblem(const QString &mount);

} // namespace SharedDirectories

} // namespace SlurmDeck
