// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace SlurmDeck {

struct Cluster;

// A person who runs jobs on the cluster (the cluster file's `users`): the account exists
// with this uid and gid in every Slurm container, is in slurmdbd's accounts, and jobs are
// submitted as it, so what a job writes on a shared directory belongs to that uid on the
// hosts.
struct ClusterUser final
{
    // Below this a uid is a system account (the image's slurm and munge among them); macOS
    // gives its first user 501.
    static constexpr int minimumUid = 500;

    QString name;
    int uid = 0;
    int gid = 0;

    // A POSIX account name: [a-z_][a-z0-9_-]*, at most 32 characters.
    [[nodiscard]] static bool isValidName(const QString &name);
    // Why a name is not valid, as a predicate for a sentence naming the field.
    [[nodiscard]] static QString nameRule();

    bool operator==(const ClusterUser &) const = default;
};

namespace ClusterUsers {

// The cluster's users: those of its file; without any, the SSH login of the controller host
// when it is an ordinary user whose uid and gid the fingerprint found; else none (jobs then
// run as root in the containers).
[[nodiscard]] QList<ClusterUser> effective(const Cluster &cluster);

} // namespace ClusterUsers

} // namespace SlurmDeck
