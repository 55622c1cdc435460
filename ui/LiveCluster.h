// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterOperations.h"
#include "doctor/HostChecks.h"
#include "inventory/Cluster.h"
#include "session/ClusterSession.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmMonitor.h"
#include "slurm/SlurmTypes.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

namespace SlurmDeck {
class ServiceControl;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// The monitor of the open cluster and its actions. start() works out where Slurm runs
// from the cluster file (the plan's hosts and services, resolved on a pool thread; no
// keychain access, no secret: the monitor needs none) and starts a SlurmMonitor and
// SlurmActions; stop() ends them. Snapshots are relayed to whoever shows them. The
// GUI thread never waits: endpoint, polls and actions all report back asynchronously.
class LiveCluster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveCluster)

public:
    explicit LiveCluster(QObject *parent = nullptr);
    ~LiveCluster() override;

    // The open cluster's session (the main window's): what start() monitors, and how.
    void setSession(ClusterSession *session) { m_session = session; }
    void setInterval(std::chrono::milliseconds interval);

    // Starts monitoring the session's cluster as it is now (ending any earlier monitor).
    void start();
    void stop();

    [[nodiscard]] bool isConnecting() const { return m_connecting; }
    [[nodiscard]] bool isConnected() const { return m_monitor != nullptr; }
    [[nodiscard]] QString clusterName() const { return m_clusterName; }
    // The login on the controller host: whose jobs are "mine".
    [[nodiscard]] QString user() const { return m_user; }
    [[nodiscard]] SlurmMonitor *monitor() const { return m_monitor; }
    [[nodiscard]] SlurmActions *actions() const { return m_actions; }
    // Null while not connected.
    [[nodiscard]] std::shared_ptr<ClusterOperations> operations() const { return m_operations; }
    // Whether the cluster has slurmdbd (false while not connected).
    [[nodiscard]] bool hasAccounting() const;
    // The doctor's look at every host (HostChecks, over connections of its own); `done` on
    // this thread, not after `context` is gone. False while not connected: nothing runs.
    bool checkHosts(QObject *context, std::function<void(const SlurmDeck::HostChecks::Report &)> done);
    // Starts `service` on `host` (the doctor's fix for a stopped one); `done` gets the error,
    // empty on success. False while not connected: nothing runs.
    bool startService(const QString &host, const QString &service, QObject *context,
                      std::function<void(const QString &error)> done);

signals:
    // The monitor runs; operations() is set.
    void connected();
    // Monitoring could not start (no controller in the cluster file, ...): what to do.
    void failed(const QString &message);
    void disconnected();
    void snapshotUpdated(const SlurmDeck::ClusterSnapshot &snapshot);
    // A node or job action ended (for the log).
    void actionFinished(const QString &description, bool succeeded, const QString &message);

private:
    // Located, with the files a deploy would write now: the monitor, actions, checks.
    void connectTo(const ClusterPlan &planned, const ClusterSession::Located &located,
                   const SlurmEndpoint &endpoint);

    std::chrono::milliseconds m_interval{0};
    QPointer<ClusterSession> m_session; // not owned
    QPointer<SlurmMonitor> m_monitor;
    QPointer<SlurmActions> m_actions;
    QPointer<SlurmDeck::HostChecks> m_hostChecks;
    QPointer<SlurmDeck::ServiceControl> m_serviceControl;
    std::shared_ptr<ClusterOperations> m_operations;
    QString m_clusterName;
    QString m_user;
    quint64 m_generation = 0;
    bool m_connecting = false;
};

} // namespace SlurmDeck::Ui
