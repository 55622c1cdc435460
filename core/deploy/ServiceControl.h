// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "deploy/ServiceTypes.h"
#include "plan/HostPlan.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class HostTaskQueue;

// Controls a deployed cluster's services: per host, list them with their state, start,
// stop or restart one or all, read the last lines of a log or follow it; for the whole
// cluster, stop it, start it (every host at once: each daemon waits for the one it needs)
// or remove it. Nothing here blocks: the work runs over one SSH connection
// per host on worker threads (HostTaskQueue), and every answer arrives as a signal on the
// thread that owns this object. A host that fails is reported; the others go on.
// The GUI's Services view and slurmdeck-cli's services, down and remove use it.
class ServiceControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceControl)

public:
    ServiceControl(ClusterPlan plan, QHash<QString, SshTarget> targets,
                   std::shared_ptr<HostKeyPrompt> hostKeys, std::shared_ptr<CredentialPrompt> credentials,
                   QObject *parent = nullptr);
    ~ServiceControl() override;

    [[nodiscard]] const ClusterPlan &plan() const;
    [[nodiscard]] QStringList hosts() const;
    [[nodiscard]] const HostPlan *hostPlan(const QString &host) const;
    // Whether requests are queued or running (follows not counted).
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] bool isRunningClusterOperation() const { return m_clusterOperation != nullptr; }

    // Answered by servicesListed.
    void listServices(const QString &host);
    // `services` empty: all of the host's. Answered by actionFinished.
    void runAction(const QString &host, ServiceAction action, const QStringList &services = {});
    // Answered by logsRead.
    void readLogs(const QString &host, const QString &service, int lines);
    // Starts following a log over a connection of its own: the last `tail` lines, then new
    // ones as they come (logLinesArrived), until stopFollowing(id); then followFinished.
    int followLogs(const QString &host, const QString &service, int tail);
    void stopFollowing(int followId);
    void stopAllFollowing();

    // One at a time; answered by clusterHostFinished for each host, then
    // clusterOperationFinished. `purgeData` only with Remove. Ignored while one runs.
    void runClusterOperation(ClusterOperation operation, bool purgeData = false);

signals:
    void servicesListed(const SlurmDeck::HostServices &report);
    void actionFinished(const SlurmDeck::ServiceActionReport &report);
    void logsRead(const SlurmDeck::ServiceLogs &logs);
    void logLinesArrived(int followId, const QString &host, const QStringList &lines);
    void followFinished(int followId, const QString &host, const QString &error);
    void clusterHostFinished(SlurmDeck::ClusterOperation operation, const SlurmDeck::HostReport &report);
    void clusterOperationFinished(const SlurmDeck::ClusterOperationReport &report);

private:
    struct FollowSink;
    struct Operation;

    void finishHost(const HostReport &report);
    void finishClusterOperation();
    [[nodiscard]] QStringList helperImages(const HostPlan &host) const;

    HostTaskQueue *m_queue;
    std::shared_ptr<FollowSink> m_followSink;
    QHash<int, CancelToken> m_follows;
    int m_nextFollowId = 0;
    std::unique_ptr<Operation> m_clusterOperation;
};

} // namespace SlurmDeck
