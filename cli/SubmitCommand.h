// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCommandBase.h"
#include "slurm/JobRequest.h"

namespace SlurmDeck {

// slurmdeck-cli submit SCRIPT [sbatch-like options]: reads the script (a file, or '-' for
// standard input), reads the cluster's partitions and nodes once, refuses a request no node
// can run (JobRequests, exit 2, nothing submitted), else submits it with sbatch in the
// slurmctld container and prints the new job's id.
class SubmitCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubmitCommand)

public:
    explicit SubmitCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

    // The request the options describe (without the script), or a usage error.
    [[nodiscard]] static Result<JobRequest> requestFromOptions(const QCommandLineParser &parser);

private:
    void submit(const ClusterSnapshot &snapshot);

    JobRequest m_request;
};

} // namespace SlurmDeck
