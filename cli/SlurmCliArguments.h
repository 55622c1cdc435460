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
    QStringList nodes; // each NODE argument's Slurm hostlist expanded ("w[1-3]" -> w1 w2 w3), in order
    QString reason;
    std::chrono::seconds wait{0};
};

// nodes [drain NODES --reason R | resume NODES | down NODES --reason R |
//        stop NODES --reason R [--wait DURATION] | start NODES [--wait DURATION]]
// NODES: one or more node names or Slurm hostlists ('worker[1-3]').
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
    QStringList jobIds; // as given ("42", "42_3"); one for show and output
    int lines = 20;
};

// jobs [cancel IDS | hold IDS | release IDS | requeue IDS | show ID | output ID [--lines N]]
[[nodiscard]] Result<JobsRequest> parseJobsRequest(const QStringList &positional,
                                                   const std::optional<QString> &lines);

} // namespace SlurmDeck
