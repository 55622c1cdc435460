// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"
#include "deploy/DeployTypes.h"

namespace SlurmDeck {

class DeployRunner;

// slurmdeck-cli deploy [--hosts H,...] [--images build|present|transfer|from:HOST]
//                      [--base-image IMAGE] [--no-verify] [--yes]
// Shows the plan's summary, asks (unless --yes), deploys with DeployRunner, prints each
// host's phases and log lines as they come, then the verification checks and a summary.
// Exits 0 only when every host is done and every check passed.
class DeployCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployCommand)

public:
    explicit DeployCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void planReady();
    void report(const DeployReport &result);

    DeployOptions m_options;
    bool m_yes = false;
    DeployRunner *m_runner = nullptr;
};

} // namespace SlurmDeck
