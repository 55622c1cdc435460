// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "slurm/SlurmTypes.h"
#include "ssh/ExecResult.h"
#include "ssh/SshTarget.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class SshConnection;
// Runs Slurm's commands inside the deployed slurmctld container, over one SSH connection to
// the controller host kept open between calls. Blocking and not thread-safe: it lives on one
// worker thread (ControllerLink) or one pool task.
//
// The container is reached with `docker exec` (~65 ms) rather than `compose exec`
// (docker-compose v1 starts slowly). The docker CLI (off the PATH on QNAP, under Container
// Station) and the container id (found by the Compose project and service labels) are
// looked up once and cached; after a failure they are looked up again, since a recreated
// container has a new id. A lost SSH connection is reopened on the next call.
class ControllerShell final
{
public:
    // Which part failed, for the monitor's per-source health.
    enum class FailedPart {
        Ssh,       // connecting, authenticating, the connection dropped or timed out
        Container, // no docker, or the slurmctld container is not running
        Command,   // the Slurm command itself failed (its exit status is in the ExecResult)
    };

    ControllerShell(SshTarget target, QString projectName, HostKeyPrompt *hostKeys,
                    CredentialPrompt *credentials, CancelToken cancel = {},
                    QString service = QStringLiteral("slurmctld"));
    ~ControllerShell();
    ControllerShell(const ControllerShell &) = delete;
    ControllerShell &operator=(const ControllerShell &) = delete;

    // `argv` inside the container. A non-zero exit status is not an error here: callers
    // read it from the ExecResult. Errors are SSH failures and a missing container.
    [[nodiscard]] Result<ExecResult> run(const QStringList &argv, std::chrono::milliseconds timeout);
    // The same with `input` on the command's standard input (`docker exec -i`).
    [[nodiscard]] Result<ExecResult> run(const QStringList &argv, std::chrono::milliseconds timeout,
                                         const QByteArray &input);
    // `argv` inside the container as `user` ("UID:GID", `docker exec --user`): for what a
    // job's owner may read, never root's view of it.
    [[nodiscard]] Result<ExecResult> runAs(const QString &user, const QStringList &argv,
                                           std::chrono::milliseconds timeout);
    // A POSIX sh script inside the container (`sh -c SCRIPT`).
    [[nodiscard]] Result<ExecResult> runScript(const QString &script, std::chrono::milliseconds timeout);
    // A command line for the controller host's own login shell (outside the containers).
    [[nodiscard]] Result<ExecResult> runOnHost(const QString &commandLine, std::chrono::milliseconds timeout,
                                               const QByteArray &input = {});

    // Which part an error from run()/runScript() came from.
    [[nodiscard]] static FailedPart failedPart(const Error &error);

    // Forgets the cached docker path and container (the next call looks them up again).
    void forgetContainer();
    void disconnect();

    // The Slurm version in the container, once read (ControllerQueries); forgotten with
    // the container.
    [[nodiscard]] SlurmVersion version() const { return m_version; }
    void setVersion(SlurmVersion version) { m_version = version; }

    [[nodiscard]] QString dockerPath() const { return m_docker; }
    [[nodiscard]] QString containerId() const { return m_container; }
    [[nodiscard]] const SshTarget &target() const { return m_target; }
    [[nodiscard]] QString service() const { return m_service; }

private:
    [[nodiscard]] Result<void> ensureConnected();
    [[nodiscard]] Result<void> ensureContainer();
    [[nodiscard]] Result<ExecResult> execInContainer(const QString &innerLine,
                                                     std::chrono::milliseconds timeout,
                                                     const QByteArray &input = {}, const QString &user = {});

    SshTarget m_target;
    QString m_project;
    QString m_service;
    HostKeyPrompt *m_hostKeys;
    CredentialPrompt *m_credentials;
    CancelToken m_cancel;
    std::unique_ptr<SshConnection> m_connection;
    QString m_docker;
    QString m_container;
    SlurmVersion m_version;
};

} // namespace SlurmDeck
