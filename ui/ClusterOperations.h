// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "slurm/JobRequest.h"
#include "slurm/SlurmCommands.h"
#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace SlurmDeck::Ui {

// What the Nodes and Jobs views can ask of a running cluster. The GUI's implementation
// (SlurmOperations) forwards to SlurmMonitor and SlurmActions; tests put a recording fake
// in. Everything is asynchronous: the callback runs later on `context`'s thread and is
// dropped when `context` is destroyed. A success carries a short line saying what was done,
// a failure an Error whose message says what to do next.
class ClusterOperations
{
public:
    enum class NodeAction {
        Drain, // reason required
        Resume,
        Down,           // reason required
        DrainAndStop,   // drain (reason), wait for the node's jobs, stop its slurmd
        StartAndResume, // start its slurmd, wait for registration, resume
    };

    using Done = std::function<void(Result<QString>)>;
    using Progress = std::function<void(const QString &line)>;

    virtual ~ClusterOperations() = default;

    virtual void nodeAction(NodeAction action, const QString &node, const QString &reason, QObject *context,
                            Progress progress, Done done) = 0;
    virtual void jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context,
                           Done done) = 0;
    virtual void jobDetails(qint64 jobId, QObject *context,
                            std::function<void(Result<SlurmJobDetails>)> done) = 0;
    virtual void jobOutputTail(qint64 jobId, int lines, QObject *context,
                               std::function<void(Result<QString>)> done) = 0;
    virtual void history(const QDateTime &since, QObject *context,
                         std::function<void(Result<QList<SlurmJob>>)> done) = 0;
    // sbatch; the success carries the new job's id (the request was validated first).
    virtual void submitJob(const JobRequest &request, QObject *context, Done done) = 0;
    // Poll now (after an action, or the user's Refresh).
    virtual void refresh() = 0;
    // Where a job that names no working directory starts: the cluster's first shared
    // directory; empty without one (then output stays on the node that ran the job).
    [[nodiscard]] virtual QString sharedWorkingDirectory() const { return {}; }
    // Who jobs can run as, the default first; empty: root (the cluster has no users).
    [[nodiscard]] virtual QStringList clusterUsers() const { return {}; }
};

} // namespace SlurmDeck::Ui
