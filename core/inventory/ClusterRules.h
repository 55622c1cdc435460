// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

namespace SlurmDeck {

struct Cluster;

// Rules a cluster must keep before anything is built from it: the cluster name becomes a
// directory, a Compose project and a line in slurm.conf and .env; the remote directory is
// where `remove` deletes. Used by the YAML reader (with line and column), by saving (which
// reads back what it writes) and by the planner (for clusters built in code).
namespace ClusterRules {

inline constexpr qsizetype maxClusterNameLength = 63;

// Empty when `name` is a valid cluster name ([A-Za-z0-9][A-Za-z0-9_-]*, at most 63
// characters), else why not ("the cluster name ..."), for a diagnostic.
[[nodiscard]] QString clusterNameProblem(const QString &name);

// Empty when `path` is a usable remote directory: absolute, not "/" itself, no ".", ".."
// or empty components (one trailing '/' is allowed), no control characters; else why not,
// as a predicate ("must be an absolute path, ...") for a sentence naming the setting.
[[nodiscard]] QString remoteDirectoryProblem(const QString &path);

// Both rules on a whole cluster, as an error that says what to change.
[[nodiscard]] Result<void> check(const Cluster &cluster);

} // namespace ClusterRules
} // namespace SlurmDeck
