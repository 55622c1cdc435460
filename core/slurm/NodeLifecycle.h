// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The node actions that reach beyond slurmctld, blocking (for a pool thread): draining and
// stopping a node's slurmd, starting it and resuming the node, and reading a job's output
// in the slurmd container of its batch host. Each opens its own connections, so a long
// wait never holds the monitor's.
#include "common/CancelToken.h"
#include "common/Result.h"
#include "slurm/SlurmEndpoint.h"

#include <chrono>
#include <functional>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;

namespace NodeLifecycle {

struct Access
{
    SlurmEndpoint endpoint;
    std::shared_ptr<HostKeyPrompt> hostKeys;
    std::shared_ptr<CredentialPrompt> credentials;
    CancelToken cancel;
    std::function<void(const QString &line)> progress; // any thread
    std::chrono::seconds pollEvery{2};
};

[[nodiscard]] Result<QString> drainAndStop(const Access &access, const QString &node, const QString &reason,
                                           std::chrono::seconds jobWait);
[[nodiscard]] Result<QString> startAndResume(const Access &access, const QString &node,
                                             std::chrono::seconds registerWait);
// `tail -n LINES FILE` in the slurmd container on `batchHost`, as the user `uid`:`gid` (the
// job's owner: a job may name any path as its output, /etc/munge/munge.key included).
[[nodiscard]] Result<QString> tailFile(const Access &access, const QString &batchHost, const QString &file,
                                       int lines, qint64 uid, qint64 gid);

} // namespace NodeLifecycle

} // namespace SlurmDeck
