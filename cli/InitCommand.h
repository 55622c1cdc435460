// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/DiscoveryRun.h"

namespace SlurmDeck {

// slurmdeck-cli init NAME [HOST... | --subnet CIDR] [login options] [--force]
// Discovers the hosts and writes a cluster file with the seed's default roles.
class InitCommand final : public DiscoveryRun
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InitCommand)

public:
    explicit InitCommand(QObject *parent = nullptr) : DiscoveryRun(parent) {}
    void start(const CliContext &context) override;

private:
    void discoveryFinished(const QList<DiscoveredHost> &hosts) override;
    QString m_name;
    QString m_release; // settings.slurm_release
    QString m_path;
    bool m_json = false;
};

} // namespace SlurmDeck
