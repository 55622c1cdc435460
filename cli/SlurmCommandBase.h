// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"
#include "slurm/SlurmTypes.h"

#include <QJsonValue>

#include <functional>

namespace SlurmDeck {

class SlurmActions;
class SlurmMonitor;

// Shared by status, nodes, jobs and history: the deployed cluster reached through its
// controller (SlurmMonitor's one SSH connection, Slurm in the slurmctld container). The
// cluster file gives the hosts; the keychain is not needed.
class SlurmCommandBase : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmCommandBase)

public:
    explicit SlurmCommandBase(QObject *parent = nullptr);
    ~SlurmCommandBase() override;

protected:
    // Loads the cluster file and makes the monitor and the actions; `ready` on success, else
    // reports and finishes with CliFailure.
    void prepareMonitor(std::function<void()> ready);
    // One poll; `done` with its snapshot (stale when a source failed).
    void readSnapshot(std::function<void(const ClusterSnapshot &)> done);

    // Prints the error (message, then detail) and finishes with `exitCode`.
    void fail(const Error &error, int exitCode = CliFailure);
    void printJson(const QJsonValue &value);
    // Prints why the state could not be read (each failed source) to stderr.
    void reportStale(const ClusterSnapshot &snapshot);
    // For actions on several nodes or jobs: prints `result` (a failure on stderr, after
    // `item`) and counts the failures; finishItems() ends with CliFailure if there was one.
    void reportItem(const QString &item, const Result<QString> &result);
    void finishItems();

    [[nodiscard]] SlurmMonitor *monitor() const { return m_monitor; }
    [[nodiscard]] SlurmActions *actions() const { return m_actions; }
    [[nodiscard]] QString controllerHost() const;

private:
    SlurmMonitor *m_monitor = nullptr;
    SlurmActions *m_actions = nullptr;
    int m_itemFailures = 0;
};

} // namespace SlurmDeck
