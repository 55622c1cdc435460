// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "slurm/SlurmCommands.h"
#include "slurm/SlurmTypes.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

namespace SlurmDeck {

class ControllerLink;
struct JobRequest;
class SlurmMonitor;
struct SlurmEndpoint;
namespace NodeLifecycle {
struct Access;
}

// Node and job actions on a deployed cluster, asynchronous. Simple actions run Slurm's
// commands in the slurmctld container over the monitor's SSH connection (ControllerLink),
// one at a time with its polls, and ask the monitor for a refresh when they succeed. The
// composite node actions and the output tail also log in to the node's host (their own
// connections, on a pool thread), so a long wait never holds the monitor's polls.
//
// Every callback gets a Result: on success a short line saying what was done, on failure an
// Error whose message says what to do next. Callbacks run on `context`'s thread and are
// dropped when it is destroyed.
class SlurmActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmActions)

public:
    using Done = std::function<void(Result<QString>)>;
    using Progress = std::function<void(const QString &line)>;

    explicit SlurmActions(SlurmMonitor *monitor, QObject *parent = nullptr);
    ~SlurmActions() override;

    // Nodes. Drain and down need a reason: an empty one is an error (nothing runs).
    void drainNode(const QString &node, const QString &reason, QObject *context, Done done);
    void resumeNode(const QString &node, QObject *context, Done done);
    void downNode(const QString &node, const QString &reason, QObject *context, Done done);

    // Jobs, by the id Slurm shows ("42", "42_7").
    void cancelJob(const QString &jobId, QObject *context, Done done);
    void holdJob(const QString &jobId, QObject *context, Done done);
    void releaseJob(const QString &jobId, QObject *context, Done done);
    void requeueJob(const QString &jobId, QObject *context, Done done);
    void jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context, Done done);

    // sbatch with the script on standard input; `done` gets the new job's id, or an Error
    // with sbatch's own message. The request is not validated here (JobRequests does that
    // against a snapshot first). Without a working directory the job starts in the
    // cluster's shared directory, where there is one (SlurmEndpoint::sharedWorkingDirectory);
    // without a user, as the cluster's first user (root when it has none).
    void submitJob(const JobRequest &request, QObject *context, Done done);

    // scontrol show job -d, with the pending reason explained (SlurmQueries).
    void jobDetails(qint64 jobId, QObject *context, std::function<void(Result<SlurmJobDetails>)> done);
    // The last `lines` lines of the job's stdout file, read with `tail` as the job's owner:
    // on a shared directory in the controller's slurmctld container (which mounts it too), so
    // it stays readable after the node is gone; elsewhere inside the slurmd container of the
    // job's batch host, where the batch script wrote it, while that container keeps it.
    void tailJobOutput(qint64 jobId, int lines, QObject *context, std::function<void(Result<QString>)> done);

    // Drain (with `reason`), wait until no job runs on the node (up to `jobWait`), then stop
    // the node's slurmd through the Compose project on its host.
    void drainAndStopNode(const QString &node, const QString &reason, std::chrono::seconds jobWait,
                          QObject *context, Progress progress, Done done);
    // Start the node's slurmd on its host, wait until it registers with slurmctld (up to
    // `registerWait`), then resume it.
    void startAndResumeNode(const QString &node, std::chrono::seconds registerWait, QObject *context,
                            Progress progress, Done done);

signals:
    // Every action's end, for a log or status line.
    void actionFinished(const QString &description, bool succeeded, const QString &message);

private:
    using Access = NodeLifecycle::Access;
    void runCommand(const QString &description, Result<QStringList> argv, QObject *context, Done done);
    // Blocking work on a pool thread with its own connections (composite actions, tail).
    void runLong(const QString &description, std::function<Result<QString>()> work, QObject *context,
                 Done done);
    void report(const QString &description, const Result<QString> &result, QObject *context,
                const Done &done);
    [[nodiscard]] Access access(Progress progress);

    QPointer<SlurmMonitor> m_monitor;
    std::shared_ptr<ControllerLink> m_link;
    std::shared_ptr<const SlurmEndpoint> m_endpoint;
    CancelToken m_cancel;
};

} // namespace SlurmDeck
