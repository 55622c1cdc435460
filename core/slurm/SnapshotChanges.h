// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What changed between two snapshots that a user wants to be told about: a job of theirs
// ended (finished, failed, was cancelled), a node went down, was drained, or came back.
// Pure; the GUI shows the events as desktop notifications, the CLI could print them.
#include "slurm/SlurmTypes.h"

#include <QList>
#include <QString>

namespace SlurmDeck {

struct SnapshotEvent
{
    enum class Kind {
        JobCompleted, // state COMPLETED
        JobFailed,    // FAILED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE, PREEMPTED
        JobCancelled, // CANCELLED
        JobEnded,     // left the queue without a final state (see the history for how it ended)
        NodeDown,
        NodeDrained, // draining or drained
        NodeBack,    // was down or drained, now neither
    };

    Kind kind = Kind::JobEnded;
    QString subject; // the job id or node name
    QString user;    // jobs: whose job
    QString name;    // jobs: the job name
    QString state;   // the job's final state, the node's state text ("IDLE+DRAIN")
    QString reason;  // nodes: the reason set by the admin or Slurm

    [[nodiscard]] bool isJobEvent() const { return kind <= Kind::JobEnded; }
    // One line for a notification's title and one for its body, translated.
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString message() const;
    friend bool operator==(const SnapshotEvent &, const SnapshotEvent &) = default;
};

namespace SnapshotChanges {

// True for the states a job ends in (COMPLETED, FAILED, CANCELLED, TIMEOUT, ...).
[[nodiscard]] bool isFinalJobState(const QString &state);
[[nodiscard]] bool isNodeDown(const SlurmNode &node);
[[nodiscard]] bool isNodeDrained(const SlurmNode &node);

// The events from `before` to `after`, jobs first (in `after`'s order, then the jobs that
// left the queue in `before`'s order), then nodes. Jobs count only when their user is
// `user` (empty: every user's). Nothing is reported unless both snapshots are fresh: a
// stale snapshot repeats old state, and the first one has nothing to compare with. A job
// or node seen for the first time is not an event (it may have ended long ago).
[[nodiscard]] QList<SnapshotEvent> between(const ClusterSnapshot &before, const ClusterSnapshot &after,
                                           const QString &user = {});

} // namespace SnapshotChanges

} // namespace SlurmDeck
