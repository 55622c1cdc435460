// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

#include <QDeadlineTimer>
#include <QStringList>

namespace SlurmDeck {

// slurmdeck-cli hosts remove HOST [--wait DURATION] [--force] [--images MODE] [--yes]
// Takes a compute host out of the running cluster without killing a job: drains its node,
// waits until the jobs running there end (--wait, default 10m; --force goes on after it,
// and Slurm requeues or fails what still runs), takes its containers down (data kept on
// the host), removes it from the cluster file, and deploys the other hosts, which restart
// slurmctld and then slurmd in place (a node removed is not something Slurm 22.05 takes
// with scontrol reconfigure). Hosts that run slurmctld, slurmdbd, MariaDB or Prometheus
// are refused: their role goes to another host first.
class HostsCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsCommand)

public:
    explicit HostsCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void planReady();
    void drain();
    void waitForJobs();
    void takeDown();
    void updateClusterFile();
    void deployTheRest();
    [[nodiscard]] QString controllerHost() const;

    QString m_host;
    qint64 m_waitSeconds = 600;
    bool m_force = false;
    bool m_yes = false;
    QStringList m_deployArguments; // passed on to the deploy of the other hosts
    QDeadlineTimer m_deadline;
    QStringList m_lastJobs;
};

} // namespace SlurmDeck
