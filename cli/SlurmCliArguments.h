// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `slurmdeck-cli nodes ...` and `jobs ...` were asked to do, read from their
// positional arguments and options. Pure, so the rules are tested without a cluster.
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace SlurmDeck {

struct NodesRequest
{
    enum class Action {
        List,
        Drain,
        Resume,
        Down,
        Stop,  // drain, wait for the node's jobs, stop its slurmd
        Start, // start its slurmd, wait for registration, resume
    };
    Action action = Action::List;
    QString node;
    QString reason;
    std::chrono::seconds wait{0};
};

// nodes [drain NODE --reason R | resume NODE | down NODE --reason R |
//        stop NODE --reason R [--wait DURATION] | start NODE [--wait DURATION]]
// `wait` defaults: stop 10 min for jobs, start 2 min for registration.
[[nodiscard]] Result<NodesRequest> parseNodesRequest(const QStringList &positional,
                                                     const std::optional<QString> &reason,
                                                     const std::optional<QString> &wait);

struct JobsRequest
{
    enum class Action {
        List,
        Cancel,
        Hold,
        Release,
        Requeue,
        Show,
        Output, // the tail of the job's stdout file
    };
    Action action = Action::List;
    QString jobId; // as given ("42", "42_3")
    int lines = 20;
};

// jobs [cancel ID | hold ID | release ID | requeue ID | show ID | output ID [--lines N]]
[[nodiscard]] Result<JobsRequest> parseJobsRequest(const QStringList &positional,
                                                   const std::optional<QString> &lines);

} // namespace SlurmDeck
