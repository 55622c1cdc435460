// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterOperations.h"

#include <QPointer>

#include <chrono>

namespace SlurmDeck {
class SlurmActions;
class SlurmMonitor;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// ClusterOperations on a live cluster: forwards to the monitor (history, refresh) and to
// SlurmActions (node and job actions, details, output). When either is gone (the cluster
// was closed) every request fails at once with a message saying so.
class SlurmOperations final : public ClusterOperations
{
public:
    SlurmOperations(SlurmMonitor *monitor, SlurmActions *actions);

    // How long "drain and stop services" waits for the node's jobs, and "start services and
    // resume" for the node to register.
    void setJobWait(std::chrono::seconds wait) { m_jobWait = wait; }
    void setRegisterWait(std::chrono::seconds wait) { m_registerWait = wait; }

    void nodeAction(NodeAction action, const QString &node, const QString &reason, QObject *context,
                    Progress progress, Done done) override;
    void jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context,
                   Done done) override;
    void jobDetails(qint64 jobId, QObject *context,
                    std::function<void(Result<SlurmJobDetails>)> done) override;
    void jobOutputTail(qint64 jobId, int lines, QObject *context,
                       std::function<void(Result<QString>)> done) override;
    void history(const QDateTime &since, QObject *context,
                 std::function<void(Result<QList<SlurmJob>>)> done) override;
    void submitJob(const JobRequest &request, QObject *context, Done done) override;
    void refresh() override;
    [[nodiscard]] QString sharedWorkingDirectory() const override;
    [[nodiscard]] QStringList clusterUsers() const override;

private:
    QPointer<SlurmMonitor> m_monitor;
    QPointer<SlurmActions> m_actions;
    std::chrono::seconds m_jobWait{15 * 60};
    std::chrono::seconds m_registerWait{120};
};

} // namespace SlurmDeck::Ui
