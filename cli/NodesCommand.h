// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCliArguments.h"
#include "cli/SlurmCommandBase.h"

namespace SlurmDeck {

// slurmdeck-cli nodes [--json] [drain NODES --reason R | resume NODES | down NODES --reason R |
//                               stop NODES --reason R [--wait D] | start NODES [--wait D]]
// NODES: names or Slurm hostlists ('worker[1-3]'), acted on one after the other.
// Without an action: the nodes table. stop = drain, wait for its jobs, stop its slurmd;
// start = start its slurmd, wait for it to register, resume.
class NodesCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesCommand)

public:
    explicit NodesCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    void list();
    void act();
    void actOn(qsizetype index);

    NodesRequest m_request;
    bool m_json = false;
};

} // namespace SlurmDeck
