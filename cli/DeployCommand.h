// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"
#include "deploy/DeployTypes.h"
#include "session/MungeKeyRotation.h"

#include <optional>

namespace SlurmDeck {

class DeployRunner;

// slurmdeck-cli deploy [--hosts H,...] [--images build|present|transfer|from:HOST]
//                      [--base-image IMAGE] [--slurm-base-image IMAGE] [--no-verify] [--yes]
// Shows the plan's summary, asks (unless --yes), deploys with DeployRunner, prints each
// host's phases and log lines as they come, then the verification checks and a summary.
// Exits 0 only when every host is done and every check passed.
//
// slurmdeck-cli rotate-munge-key [--images ...] [--base-image IMAGE] [--no-verify] [--yes]
// The same deploy, to every host, with a new munge key (MungeKeyRotation); the keychain takes
// it once a host has it.
// The arguments for a deploy that a command runs after its own work (hosts add and remove,
// upgrade): --yes, and whichever of --images, --base-image, --ssh-config, --timeout and
// --accept-new-host-keys `parser` was given.
[[nodiscard]] QStringList forwardedDeployArguments(const QCommandLineParser &parser);

class DeployCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployCommand)

public:
    enum class Mode {
        Deploy,
        RotateMungeKey
    };
    explicit DeployCommand(Mode mode, QObject *parent = nullptr) : ClusterCommand(parent), m_mode(mode) {}
    void start(const CliContext &context) override;
    // Cancels the deploy: hosts finish the step they are in, the summary says what was done,
    // and the command ends with CliInterrupted.
    void interrupt() override;

private:
    // Where the plan and the progress go: stdout, or stderr when stdout carries the JSON.
    QTextStream &human() { return m_json ? err() : out(); }
    void planReady();
    void report(const DeployReport &result);
    // After a rotation's deploy: keeps the new key where a host has it, then finishes.
    void finishRotation(const DeployReport &result, int exitCode);

    Mode m_mode;
    std::optional<MungeKeyRotation> m_rotation;
    DeployOptions m_options;
    bool m_yes = false;
    bool m_json = false; // the report as JSON on stdout, the rest on stderr
    bool m_interrupted = false;
    DeployRunner *m_runner = nullptr;
};

} // namespace SlurmDeck
