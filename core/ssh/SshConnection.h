// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// core/'s own: the fronts (ui/, cli/) reach hosts through session/ClusterSession, and only
// core/ and its tests are built with SLURMDECK_CORE_INTERNALS (docs/ARCHITECTURE.md).
#ifndef SLURMDECK_CORE_INTERNALS
#error "ssh/SshConnection.h is core's own; reach hosts through session/ClusterSession"
#endif

#include "common/CancelToken.h"
#include "common/Result.h"
#include "ssh/ExecResult.h"
#include "ssh/HostKey.h"
#include "ssh/SshHandles.h"
#include "ssh/SshTarget.h"

#include <QByteArray>
#include <QStringList>

#include <chrono>
#include <vector>

namespace SlurmDeck {

class CredentialPrompt;

struct ForwardOptions
{
    std::chrono::milliseconds timeout{std::chrono::seconds(10)};
    // An answer longer than this is an error, never a partial answer.
    qsizetype maxAnswerBytes = 32 * 1024 * 1024;
};

struct UploadOptions
{
    int mode = 0644;
    // Keep the file being replaced as "<path>.previous" (a hard link, so the swap itself
    // stays atomic).
    bool keepPrevious = true;
};

// One SSH connection to one host, reused for many commands and transfers. Blocking and
// not thread-safe: it lives on one worker thread (see RemoteHost) or one pool task.
// Host keys are checked against the user's known_hosts and SlurmDeck's own before any
// credential is sent; unknown keys go to the HostKeyPrompt, changed keys are refused.
class SshConnection final
{
public:
    SshConnection(SshTarget target, HostKeyPrompt *hostKeyPrompt,
                  CredentialPrompt *credentialPrompt = nullptr);
    ~SshConnection();
    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    // <AppPaths::dataDirectory()>/known_hosts: keys the user accepted in SlurmDeck, unless the target
    // names another file.
    [[nodiscard]] static QString defaultSlurmDeckKnownHosts();

    [[nodiscard]] Result<void> connect(const CancelToken &cancel = {});
    // Applies the SSH configuration without connecting: afterwards resolvedHost(),
    // resolvedUser() and resolvedPort() say where connect() would go (an alias's HostName).
    [[nodiscard]] Result<void> resolve() { return configure(); }
    [[nodiscard]] bool isConnected() const;
    void disconnect();

    // Runs `command` through the login shell of the remote user, as OpenSSH does. A command
    // holding a NUL character is refused (InvalidArgument) without being sent.
    [[nodiscard]] Result<ExecResult> exec(const QString &command, const ExecOptions &options = {},
                                          const CancelToken &cancel = {});

    // Opens a TCP connection from the remote host to `host`:`port` through this connection
    // (a direct-tcpip channel, as `ssh -L` does), sends `request`, and returns everything the
    // far end sends until it closes the connection. For a request/answer protocol such as
    // HTTP/1.0, whose server speaks only to the remote host's loopback.
    [[nodiscard]] Result<QByteArray> forward(const QString &host, int port, const QByteArray &request,
                                             const ForwardOptions &options = {},
                                             const CancelToken &cancel = {});

    // Writes `data` to a temporary file next to `remotePath`, sets its mode explicitly
    // (sftp_open keeps an existing file's mode and applies the umask), then renames it over
    // `remotePath`, so readers see the old or the new file, never half of one.
    [[nodiscard]] Result<void> upload(const QByteArray &data, const QString &remotePath,
                                      const UploadOptions &options = {}, const CancelToken &cancel = {});
    [[nodiscard]] Result<QByteArray> download(const QString &remotePath,
                                              qsizetype maxBytes = 64 * 1024 * 1024,
                                              const CancelToken &cancel = {});
    // mkdir -p over SFTP.
    [[nodiscard]] Result<void> makeDirectories(const QString &remotePath, int mode = 0755);

    [[nodiscard]] const SshTarget &target() const { return m_target; }
    [[nodiscard]] const HostKeyInfo &hostKey() const { return m_hostKey; }
    // After connect: the host, user and port actually used (config applied).
    [[nodiscard]] QString resolvedHost() const { return m_resolvedHost; }
    [[nodiscard]] QString resolvedUser() const { return m_resolvedUser; }
    [[nodiscard]] int resolvedPort() const { return m_resolvedPort; }

private:
    [[nodiscard]] Result<void> configure();
    [[nodiscard]] Result<void> verifyHostKey(const CancelToken &cancel);
    [[nodiscard]] Result<void> authenticate(const CancelToken &cancel);
    [[nodiscard]] QStringList identityCandidates() const;
    // true: logged in with an encrypted key; false: none of them was taken.
    [[nodiscard]] Result<bool> tryEncryptedKeys(const QString &who, const CancelToken &cancel);
    [[nodiscard]] Result<void> ensureSftp();
    [[nodiscard]] Error sessionError(Error::Code code, const QString &message) const;
    [[nodiscard]] Error sftpError(const QString &message, const QString &path) const;
    // Closes a channel whose command was stopped (timeout, Cancel, too much output) and
    // keeps it until the session ends.
    void parkChannel(SshHandles::Channel channel);

    static constexpr std::size_t maxParkedChannels = 8;

    SshTarget m_target;
    HostKeyPrompt *m_hostKeyPrompt;
    CredentialPrompt *m_credentialPrompt;
    SshHandles::Session m_session;
    SshHandles::Sftp m_sftp;
    std::vector<SshHandles::Channel> m_parkedChannels;
    HostKeyInfo m_hostKey;
    QStringList m_knownHostsFiles; // SlurmDeck's own, the user's, the system's (see configure)
    QString m_resolvedHost;
    QString m_resolvedUser;
    int m_resolvedPort = 22;
    CancelToken m_currentCancel;
};

} // namespace SlurmDeck
