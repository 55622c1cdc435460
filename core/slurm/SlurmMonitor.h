// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "slurm/MonitorSchedule.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace SlurmDeck {

class ControllerLink;
class CredentialPrompt;
class HostKeyPrompt;
struct PollOutcome;

// Live state of a deployed cluster. Keeps one SSH connection to the controller host (on
// its own worker thread) and polls Slurm in the slurmctld container every interval: one
// SSH exec per poll runs the cheap formatted queries together (nodes, partitions, queue,
// and every few polls a slurmdbd check). One request at a time; after failures the next
// poll backs off (MonitorSchedule). Every poll ends in snapshotUpdated(): on failure the
// last known state stays, marked stale, with each source's health and age, and the
// monitor keeps trying and recovers by itself. History and job details on demand.
//
// Lives on the GUI (or CLI) thread; never blocks it. Callbacks run on `context`'s thread
// and are dropped when `context` is destroyed.
class SlurmMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmMonitor)

public:
    SlurmMonitor(SlurmEndpoint endpoint, std::shared_ptr<HostKeyPrompt> hostKeys,
                 std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~SlurmMonitor() override;

    // Polls now, then every interval (default MonitorSchedule::defaultInterval).
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Polls as soon as the current request ends, whatever the back-off (e.g. after an
    // action, or the user's "Refresh").
    void refreshNow();

    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds interval() const { return m_schedule.interval(); }
    // The longest wait between polls while failing (default MonitorSchedule::defaultCap).
    void setBackoffCap(std::chrono::milliseconds cap);
    // Per Slurm command (default 20 s): a hung slurmctld must not hold the poll forever.
    void setCommandTimeout(std::chrono::seconds timeout) { m_commandTimeout = timeout; }

    // The latest snapshot (empty with unhealthy sources before the first poll).
    [[nodiscard]] const ClusterSnapshot &snapshot() const { return m_snapshot; }
    [[nodiscard]] const SlurmEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] std::shared_ptr<ControllerLink> link() const { return m_link; }
    [[nodiscard]] int consecutiveFailures() const { return m_schedule.consecutiveFailures(); }

    // Finished and queued jobs from accounting since `since` (sacct), newest last.
    void fetchHistory(const QDateTime &since, QObject *context,
                      std::function<void(Result<QList<SlurmJob>>)> done);
    // `scontrol show job -d`, with a readable explanation of a pending reason.
    void fetchJobDetails(qint64 jobId, QObject *context, std::function<void(Result<SlurmJobDetails>)> done);

signals:
    // After every poll, successful or not.
    void snapshotUpdated(const SlurmDeck::ClusterSnapshot &snapshot);
    // When the snapshot goes stale or fresh again.
    void staleChanged(bool stale);

private:
    void scheduleNext();
    void poll();
    // A poll's next snapshot, made on the link's worker, and whether the poll failed.
    struct PolledSnapshot
    {
        ClusterSnapshot snapshot;
        bool failed = false;
    };
    void pollFinished(PolledSnapshot polled);

    SlurmEndpoint m_endpoint;
    std::shared_ptr<ControllerLink> m_link;
    MonitorSchedule m_schedule;
    ClusterSnapshot m_snapshot;
    QTimer m_timer;
    std::chrono::seconds m_commandTimeout{20};
    bool m_running = false;
    bool m_polling = false;
    bool m_refreshWanted = false;
    int m_pollCount = 0;
};

} // namespace SlurmDeck
