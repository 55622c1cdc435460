// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCliArguments.h"
#include "cli/SlurmCommandBase.h"
#include "slurm/SlurmCommands.h"

namespace SlurmDeck {

// slurmdeck-cli jobs [--json] | cancel IDS | hold IDS | release IDS | requeue IDS |
//                              show ID [--json] | output ID [--lines N]
// Without an action: the queue. show: details with the pending reason explained; output:
// the tail of the job's stdout file (from the shared directory, else from the slurmd
// container of its batch host).
class JobsCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsCommand)

public:
    explicit JobsCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    void list();
    void act();
    void actOn(qsizetype index);
    [[nodiscard]] static SlurmCommands::JobAction actionOf(JobsRequest::Action action);

    JobsRequest m_request;
    bool m_json = false;
};

} // namespace SlurmDeck
