// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/ControllerShell.h"

#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QObject>

namespace SlurmDeck {

namespace {

// Finds the docker CLI (also off the PATH: QNAP's Container Station, Docker Desktop) and
// the running container of the project's service; prints "docker PATH" and "container ID".
QString locateScript(const QString &project, const QString &service)
{
    return QStringLiteral("d=$(command -v docker 2>/dev/null); case $d in /*) ;; *) d= ;; esac\n"
                          "if [ -z \"$d\" ]; then for c in /usr/local/bin/docker /usr/bin/docker "
                          "/opt/homebrew/bin/docker "
                          "/Applications/Docker.app/Contents/Resources/bin/docker "
                          "\"${HOME:-/nonexistent}/.docker/bin/docker\" "
                          "\"${HOME:-/nonexistent}/.orbstack/bin/docker\" "
                          "/share/CACHEDEV*_DATA/.qpkg/container-station/bin/docker; do "
                          "if [ -z \"$d\" ] && [ -x \"$c\" ]; then d=$c; fi; done; fi\n"
                          "[ -n \"$d\" ] || exit 3\n"
                          "echo \"docker $d\"\n"
                          "\"$d\" ps -q --no-trunc --filter label=com.docker.compose.project=%1 "
                          "--filter label=com.docker.compose.service=%2 --filter status=running | sed -n "
                          "'1s/^/container /p'\n")
        .arg(Shell::quote(project), Shell::quote(service));
}

} // namespace

ControllerShell::ControllerShell(SshTarget target, QString projectName, HostKeyPrompt *hostKeys,
                                 CredentialPrompt *credentials, CancelToken cancel, QString service)
    : m_target(std::move(target))
    , m_project(std::move(projectName))
    , m_service(std::move(service))
    , m_hostKeys(hostKeys)
    , m_credentials(credentials)
    , m_cancel(std::move(cancel))
{}

ControllerShell::~ControllerShell() = default;

ControllerShell::FailedPart ControllerShell::failedPart(const Error &error)
{
    switch (error.code) {
    case Error::Code::Network:
    case Error::Code::Authentication:
    case Error::Code::HostKeyUnknown:
    case Error::Code::HostKeyChanged:
    case Error::Code::Timeout:
    case Error::Code::Cancelled:
    case Error::Code::Io:
        return FailedPart::Ssh;
    case Error::Code::NotFound:
        return FailedPart::Container;
    default:
        return FailedPart::Command;
    }
}

void ControllerShell::forgetContainer()
{
    m_docker.clear();
    m_container.clear();
    m_version = {};
}

void ControllerShell::disconnect()
{
    m_connection.reset();
    forgetContainer();
}

Result<void> ControllerShell::ensureConnected()
{
    if (m_connection && m_connection->isConnected())
        return {};
    m_connection = std::make_unique<SshConnection>(m_target, m_hostKeys, m_credentials);
    if (Result<void> connected = m_connection->connect(m_cancel); !connected) {
        m_connection.reset();
        return connected;
    }
    return {};
}

Result<ExecResult> ControllerShell::runOnHost(const QString &commandLine, std::chrono::milliseconds timeout,
                                              const QByteArray &input)
{
    if (Result<void> connected = ensureConnected(); !connected)
        return connected.error();
    ExecOptions options;
    options.timeout = timeout;
    options.standardInput = input;
    Result<ExecResult> ran = m_connection->exec(commandLine, options, m_cancel);
    if (!ran && failedPart(ran.error()) == FailedPart::Ssh) {
        // A dropped connection is reopened by the next call.
        m_connection.reset();
        forgetContainer();
    }
    return ran;
}

Result<void> ControllerShell::ensureContainer()
{
    if (!m_container.isEmpty())
        return {};
    const Result<ExecResult> located =
        runOnHost(locateScript(m_project, m_service), std::chrono::seconds(30));
    if (!located)
        return located.error();
    const QString host = m_target.displayName();
    if (located->exitStatus == 3) {
        return makeError(Error::Code::NotFound,
                         QObject::tr("There is no Docker CLI on %1. Is Docker installed and the cluster "
                                     "deployed there?")
                             .arg(host));
    }
    for (const QString &line : QString::fromUtf8(located->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("docker ")))
            m_docker = line.mid(7);
        else if (line.startsWith(QLatin1String("container ")))
            m_container = line.mid(10).trimmed();
    }
    if (m_docker.isEmpty() || !located->succeeded()) {
        const QString detail = QString::fromUtf8(located->standardError).trimmed();
        forgetContainer();
        return makeError(
            Error::Code::NotFound,
            QObject::tr("Docker on %1 does not answer. Start it (see 'slurmdeck-cli services').").arg(host),
            detail);
    }
    if (m_container.isEmpty()) {
        return makeError(Error::Code::NotFound,
                         QObject::tr("The %1 container of %2 is not running on %3. Start it with "
                                     "'slurmdeck-cli services' (start), or deploy the cluster.")
                             .arg(m_service, m_project, host));
    }
    return {};
}

Result<ExecResult> ControllerShell::execInContainer(const QString &innerLine,
                                                    std::chrono::milliseconds timeout,
                                                    const QByteArray &input, const QString &user)
{
    // -i only with input: without it the command sees no standard input at all.
    const auto dockerExec = [this, &input, &user] {
        QStringList argv{m_docker, QStringLiteral("exec")};
        if (!input.isEmpty())
            argv << QStringLiteral("-i");
        if (!user.isEmpty())
            argv << QStringLiteral("--user") << user;
        argv << m_container;
        return Shell::join(argv);
    };
    if (Result<void> found = ensureContainer(); !found)
        return found.error();
    const QString line = dockerExec() + u' ' + innerLine;
    Result<ExecResult> ran = runOnHost(line, timeout, input);
    if (!ran)
        return ran;
    // docker exec itself failed (125: the daemon refused, 126/127: cannot run): the
    // container went away or was recreated; look it up again once.
    if (ran->exitStatus == 125 || ran->exitStatus == 126 ||
        ran->standardError.contains("No such container") || ran->standardError.contains("is not running")) {
        forgetContainer();
        if (Result<void> found = ensureContainer(); !found)
            return found.error();
        const QString again = dockerExec() + u' ' + innerLine;
        ran = runOnHost(again, timeout, input);
        if (ran && (ran->exitStatus == 125 || ran->standardError.contains("is not running"))) {
            forgetContainer();
            return makeError(Error::Code::NotFound,
                             QObject::tr("The %1 container on %2 stopped. Start it with 'slurmdeck-cli "
                                         "services' (start).")
                                 .arg(m_service, m_target.displayName()),
                             QString::fromUtf8(ran->standardError).trimmed());
        }
    }
    return ran;
}

Result<ExecResult> ControllerShell::run(const QStringList &argv, std::chrono::milliseconds timeout)
{
    return execInContainer(Shell::join(argv), timeout);
}

Result<ExecResult> ControllerShell::run(const QStringList &argv, std::chrono::milliseconds timeout,
                                        const QByteArray &input)
{
    return execInContainer(Shell::join(argv), timeout, input);
}

Result<ExecResult> ControllerShell::runAs(const QString &user, const QStringList &argv,
                                          std::chrono::milliseconds timeout)
{
    return execInContainer(Shell::join(argv), timeout, {}, user);
}

Result<ExecResult> ControllerShell::runScript(const QString &script, std::chrono::milliseconds timeout)
{
    return execInContainer(Shell::join({QStringLiteral("sh"), QStringLiteral("-c"), script}), timeout);
}

} // namespace SlurmDeck
