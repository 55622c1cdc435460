// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"
#include "sandbox/SandboxSetup.h"

#include <QPointer>

#include <functional>

namespace SlurmDeck {

// slurmdeck-cli sandbox up|down|status
// up: brings the lab's emulated hosts up on this machine (tests/lab/lab.sh), gives this
//     machine an address on them, builds the images, discovers and fingerprints the hosts
//     (`init`), and deploys the cluster with the same deploy engine a real cluster gets
//     (`deploy`), verification included. Writes <config>/clusters/sandbox.yaml.
// down: removes the sandbox cluster with its data (a next `up` starts fresh) and the
//       emulated hosts.
// status: the emulated hosts, and whether the sandbox cluster file exists.
class SandboxCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCommand)

public:
    explicit SandboxCommand(QObject *parent = nullptr) : CliCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void up();
    void down();
    // Runs a script, its output on stderr; `next` on success, else finishes with a failure.
    void runScript(const QString &what, const QString &program, const QStringList &arguments,
                   std::function<void()> next);
    // Runs another slurmdeck-cli command in-process on the sandbox cluster file.
    void runCommand(CliCommand *command, const QStringList &arguments, std::function<void(int)> next);
    void discoverAndDeploy();
    void fail(const QString &message);

    CliContext m_context;
    Sandbox::Scripts m_scripts;
    QString m_clusterFile;
};

} // namespace SlurmDeck
