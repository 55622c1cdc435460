// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"

namespace SlurmDeck {

class SandboxRun;

// slurmdeck-cli sandbox up|down|status, the session layer's SandboxRun on the terminal:
// up: brings the lab's emulated hosts up on this machine (tests/lab/lab.sh), gives this
//     machine an address on them, builds the images, discovers and fingerprints the hosts,
//     and deploys the cluster with the same deploy engine a real cluster gets, verification
//     included. Writes <config>/clusters/sandbox.yaml.
// down: removes the sandbox cluster with its data (a next `up` starts fresh) and the
//       emulated hosts.
// status: the emulated hosts, and whether the sandbox cluster file exists.
// The steps and the scripts' output go to stderr; the deploy's plan, progress and report,
// and the outcome, to stdout.
class SandboxCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCommand)

public:
    explicit SandboxCommand(QObject *parent = nullptr) : CliCommand(parent) {}
    void start(const CliContext &context) override;
    void interrupt() override;

private:
    void connectRun();

    CliContext m_context;
    QString m_action;
    SandboxRun *m_run = nullptr;
    bool m_interrupted = false;
};

} // namespace SlurmDeck
