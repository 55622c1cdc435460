// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "inventory/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SlurmDeck {

// Reads and writes cluster files (YAML). The schema:
//
//   name: lab                           # required, not empty
//   hosts:                              # optional list
//     - name: gpu1                      # required, unique, [A-Za-z0-9-]+ (the Slurm NodeName)
//       address: 192.168.1.10           # required: IP, DNS name or ~/.ssh/config alias
//       user: alice                     # optional
//       port: 2222                      # optional, 1-65535, default 22
//       identity: ~/.ssh/id_ed25519     # optional key file
//       platform: linux                 # optional override: linux|ubuntu|macos|qnap
//       roles: [controller, compute]    # controller|database|compute|monitoring
//       detected: {platform, arch, cpus, sockets, cores_per_socket, threads_per_core, memory_mib,
//                  engine_cpus, engine_memory_mib, login_uid, home, gpus, gpu_model}  # all optional
//   partitions:                         # optional list
//     - name: main                      # required, unique
//       nodes: ALL                      # ALL or a list of host names
//       default: true                   # optional, default false; at most one
//       max_time: 1-00:00:00            # optional Slurm time or UNLIMITED
//   settings:                           # optional
//     remote_directory: /opt/slurmdeck
//     poll_interval_seconds: 5
//     keychain_service: slurmdeck/lab   # default slurmdeck/<name>
//
// With hosts, exactly one has the controller role and at most one each has database and
// monitoring. Keys that look like secrets (password, munge_key, passphrase, secret, token)
// are refused anywhere: secrets live in the OS keychain. Saving rewrites the file from the
// model: yaml-cpp does not keep comments, so only SlurmDeck's header comment survives.
class ClusterFile final
{
public:
    ClusterFile() = delete;

    // Loads and checks a file. A missing file is Error::Code::NotFound; a file with problems
    // is Error::Code::Parse with every problem in `detail`, one "FILE:LINE:COLUMN: message"
    // a line. Never returns a half-loaded cluster.
    [[nodiscard]] static Result<Cluster> load(const QString &path);
    [[nodiscard]] static Result<Cluster> loadFromString(const QString &text, const QString &displayName);
    // Every problem in `text` (empty when it loads), for views that list them.
    [[nodiscard]] static QList<Diagnostic> validate(const QString &text, const QString &displayName);

    // Writes atomically (a temporary file renamed over the target), creating the parent
    // directory. Refuses a cluster that would not load back; the target is then untouched.
    [[nodiscard]] static Result<void> save(const Cluster &cluster, const QString &path);
    [[nodiscard]] static QByteArray toYaml(const Cluster &cluster);

    // <AppPaths::configDirectory()>/clusters: where cluster files live by default.
    [[nodiscard]] static QString clustersDirectory();
    // <clustersDirectory()>/default.yaml (~/.config/SlurmDeck/clusters/default.yaml)
    [[nodiscard]] static QString defaultPath();
    // What `--cluster` names: a path, or a bare NAME (no '/', no .yaml, no such file here) for
    // <clustersDirectory()>/NAME.yaml. Not given: $SLURMDECK_CLUSTER (the same two forms),
    // else defaultPath().
    [[nodiscard]] static QString resolvePath(const QString &overridePath);
};

} // namespace SlurmDeck
