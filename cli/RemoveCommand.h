// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

// slurmdeck-cli remove [--purge-data] [--yes]
// Removes the cluster from every host: its containers and networks, and its configuration
// directory. The data under <directory>/data (accounting database, Slurm state, Prometheus
// metrics; see ServiceOperations.h) stays unless --purge-data. The images and the secrets in
// the OS keychain stay. A host that cannot be reached is reported, the others go on; the
// exit status is 1 then.
class RemoveCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoveCommand)

public:
    explicit RemoveCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void planReady();
    bool m_yes = false;
    bool m_json = false;
    bool m_purgeData = false;
};

} // namespace SlurmDeck
