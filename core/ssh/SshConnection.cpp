// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/SshConnection.h"

#include "ssh/CommandTrace.h"

#include "common/AppPaths.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshOptionText.h"
#include "ssh/WaitForAnswer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <memory>

namespace SlurmDeck {

using namespace SshOptionText;

QString SshConnection::defaultSlurmDeckKnownHosts()
{
    return QDir(AppPaths::dataDirectory()).filePath(QStringLiteral("known_hosts"));
}

SshConnection::SshConnection(SshTarget target, HostKeyPrompt *hostKeyPrompt,
                             CredentialPrompt *credentialPrompt)
    : m_target(std::move(target)), m_hostKeyPrompt(hostKeyPrompt), m_credentialPrompt(credentialPrompt)
{}

SshConnection::~SshConnection()
{
    disconnect();
}

bool SshConnection::isConnected() const
{
    return m_session && ssh_is_connected(m_session.get());
}

void SshConnection::disconnect()
{
    m_parkedChannels.clear(); // before the session they belong to
    m_sftp.reset();
    m_session.reset();
}

void SshConnection::parkChannel(SshHandles::Channel channel)
{
    // Freeing a channel while the server still sends on it crashed libssh 0.10 in the next
    // command's read. A closed but not yet freed channel is safe: the server ends the
    // command when it sees the close, and the channel goes with the session. Past a few
    // such channels the session itself is dropped (the next command reports it).
    if (!channel)
        return;
    ssh_channel_close(channel.get());
    m_parkedChannels.push_back(std::move(channel));
    if (m_parkedChannels.size() > maxParkedChannels)
        disconnect();
}

Error SshConnection::sessionError(Error::Code code, const QString &message) const
{
    const QString detail = m_session ? QString::fromUtf8(ssh_get_error(m_session.get())) : QString();
    return makeError(code, message, detail);
}

Result<void> SshConnection::configure()
{
    m_session.reset(ssh_new());
    if (!m_session)
        return makeError(Error::Code::Unknown, QObject::tr("Cannot create an SSH session (out of memory?)."));
    ssh_session session = m_session.get();

    const auto failed = [this](const char *what) {
        return sessionError(
            Error::Code::InvalidArgument,
            QObject::tr("Invalid SSH setting %1 for %2.").arg(QLatin1String(what), m_target.displayName()));
    };

    const QByteArray host = m_target.host.toUtf8();
    if (host.isEmpty())
        return makeError(Error::Code::InvalidArgument, QObject::tr("No host name or address given."));
    if (ssh_options_set(session, SSH_OPTIONS_HOST, host.constData()) != SSH_OK)
        return failed("host");
    if (!m_target.user.isEmpty()) {
        const QByteArray user = m_target.user.toUtf8();
        if (ssh_options_set(session, SSH_OPTIONS_USER, user.constData()) != SSH_OK)
            return failed("user");
    }
    if (m_target.port != 0) {
        const int port = m_target.port;
        if (ssh_options_set(session, SSH_OPTIONS_PORT, &port) != SSH_OK)
            return failed("port");
    }
    const long timeout = static_cast<long>(m_target.connectTimeout.count());
    if (ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout) != SSH_OK)
        return failed("timeout");
    if (!m_target.identityFile.isEmpty()) {
        const QByteArray identity = expandSshPath(m_target.identityFile).toUtf8();
        if (ssh_options_set(session, SSH_OPTIONS_IDENTITY, identity.constData()) != SSH_OK)
            return failed("identity");
    }

    // ~/.ssh/config (or the given file) as OpenSSH applies it: values set above win.
    if (!m_target.configFile.isEmpty() && !QFileInfo::exists(m_target.configFile)) {
        return makeError(Error::Code::NotFound,
                         QObject::tr("The SSH config file %1 does not exist.").arg(m_target.configFile));
    }
    const QByteArray config = m_target.configFile.toUtf8();
    if (ssh_options_parse_config(session, config.isEmpty() ? nullptr : config.constData()) < 0) {
        return sessionError(
            Error::Code::InvalidArgument,
            QObject::tr("Cannot read the SSH config file %1.")
                .arg(m_target.configFile.isEmpty() ? QStringLiteral("~/.ssh/config") : m_target.configFile));
    }

    // Known hosts: SlurmDeck checks host keys itself (verifyHostKey) against its own file,
    // the user's and the system's, whatever the config says: libssh's check would accept any
    // key under `StrictHostKeyChecking no`, and `UserKnownHostsFile /dev/null` must not hide
    // the user's file. libssh still gets the files, to prefer the key types they hold.
    const QString configKnownHosts = optionString(session, SSH_OPTIONS_KNOWNHOSTS);
    QStringList userFiles;
    if (!m_target.userKnownHostsFile.isEmpty()) {
        userFiles << expandSshPath(m_target.userKnownHostsFile);
    } else {
        userFiles << expandSshPath(QStringLiteral("%d/known_hosts"));
        if (!configKnownHosts.isEmpty() && configKnownHosts != u"/dev/null")
            userFiles << expandSshPath(configKnownHosts);
    }
    const QString ownFile = m_target.slurmDeckKnownHostsFile.isEmpty() ? defaultSlurmDeckKnownHosts()
                                                                       : m_target.slurmDeckKnownHostsFile;
    const QString systemFile = m_target.systemKnownHostsFile.isEmpty()
                                   ? QStringLiteral("/etc/ssh/ssh_known_hosts")
                                   : m_target.systemKnownHostsFile;
    m_knownHostsFiles = QStringList{ownFile} + userFiles + QStringList{systemFile};
    m_knownHostsFiles.removeDuplicates();
    QDir().mkpath(QFileInfo(ownFile).absolutePath());
    const QByteArray userFile = userFiles.constLast().toUtf8();
    const QByteArray ownFileBytes = ownFile.toUtf8();
    if (ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userFile.constData()) != SSH_OK)
        return failed("known hosts");
    if (ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, ownFileBytes.constData()) != SSH_OK)
        return failed("known hosts");
    const int strict = 1;
    if (ssh_options_set(session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict) != SSH_OK)
        return failed("StrictHostKeyChecking");

    m_resolvedHost = optionString(session, SSH_OPTIONS_HOST);
    m_resolvedUser = optionString(session, SSH_OPTIONS_USER);
    unsigned int port = 22;
    if (ssh_options_get_port(session, &port) == SSH_OK)
        m_resolvedPort = static_cast<int>(port);
    return {};
}

Result<void> SshConnection::connect(const CancelToken &cancel)
{
    if (isConnected())
        return {};
    disconnect();
    if (Result<void> configured = configure(); !configured)
        return configured;
    if (cancel.isCancelled())
        return makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));

    if (ssh_connect(m_session.get()) != SSH_OK) {
        const Error error = sessionError(
            Error::Code::Network,
            QObject::tr("Cannot reach %1 on port %2. Check that the machine is on, that its SSH server "
                        "runs on that port and that no firewall blocks it.")
                .arg(m_resolvedHost)
                .arg(m_resolvedPort));
        disconnect();
        return error;
    }
    if (Result<void> trusted = verifyHostKey(cancel); !trusted) {
        disconnect();
        return trusted;
    }
    if (Result<void> loggedIn = authenticate(cancel); !loggedIn) {
        disconnect();
        return loggedIn;
    }
    return {};
}

Result<void> SshConnection::verifyHostKey(const CancelToken &cancel)
{
    ssh_session session = m_session.get();
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK)
        return sessionError(Error::Code::Network, QObject::tr("%1 sent no host key.").arg(m_resolvedHost));
    const SshHandles::Key key(rawKey);

    unsigned char *rawHash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &rawHash, &hashLength) != SSH_OK)
        return sessionError(Error::Code::Unknown,
                            QObject::tr("Cannot hash the host key of %1.").arg(m_resolvedHost));
    const SshHandles::Hash hash(rawHash);
    const SshHandles::CString fingerprint(
        ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash.get(), hashLength));

    m_hostKey.host = m_resolvedHost;
    m_hostKey.note.clear();
    m_hostKey.port = m_resolvedPort;
    m_hostKey.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    m_hostKey.fingerprint = fingerprint ? QString::fromLatin1(fingerprint.get()) : QString();

    char *rawBase64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key.get(), &rawBase64) != SSH_OK || !rawBase64)
        return sessionError(Error::Code::Unknown,
                            QObject::tr("Cannot read the host key of %1.").arg(m_resolvedHost));
    const SshHandles::CString base64(rawBase64);
    const QByteArray blob = QByteArray::fromBase64(QByteArray(base64.get()));

    QList<KnownHostsFile> files;
    for (const QString &path : std::as_const(m_knownHostsFiles))
        files.append(readKnownHostsFile(path));
    const HostKeyCheck check = checkHostKey(files, m_hostKey.hostPort(), blob);
    switch (check.verdict) {
    case HostKeyCheck::Verdict::Known:
        return {};
    case HostKeyCheck::Verdict::Revoked:
        return makeError(
            Error::Code::HostKeyChanged,
            QObject::tr("The host key of %1 (%2 %3) is REVOKED (%4): SlurmDeck will never "
                        "connect with it. The machine needs a new host key.")
                .arg(m_hostKey.hostPort(), m_hostKey.keyType, m_hostKey.fingerprint, check.where));
    case HostKeyCheck::Verdict::Changed:
        return makeError(Error::Code::HostKeyChanged,
                         QObject::tr("The host key of %1 has CHANGED: it now presents %2 %3, which does not "
                                     "match the key recorded for it (%6). Someone may be intercepting the "
                                     "connection, or the machine was reinstalled. SlurmDeck will not "
                                     "connect. Check the key at the machine with '%4'; if it is right, "
                                     "remove the old entry with 'ssh-keygen -R %5' and try again.")
                             .arg(m_hostKey.hostPort(), m_hostKey.keyType, m_hostKey.fingerprint,
                                  m_hostKey.verifyCommand(), m_hostKey.hostPort(), check.where));
    case HostKeyCheck::Verdict::CertAuthorityOnly:
        m_hostKey.note = QObject::tr("%1 is vouched for only by a @cert-authority entry (%2); SlurmDeck does "
                                     "not check host certificates, so compare the fingerprint yourself.")
                             .arg(m_hostKey.hostPort(), check.where);
        break;
    case HostKeyCheck::Verdict::Unknown:
        break;
    }
    // A line that could not be read may have been this host's entry: say so rather than
    // calling the key unknown.
    if (!check.problems.isEmpty()) {
        QStringList lines;
        for (const KnownHostsProblem &problem : check.problems)
            lines << problem.toString();
        return makeError(Error::Code::Parse,
                         QObject::tr("Cannot check the host key of %1: a known_hosts line cannot be read "
                                     "(%2). Fix or delete that line, then try again.")
                             .arg(m_hostKey.hostPort(), check.problems.constFirst().toString()),
                         lines.join(u"; "));
    }

    QString unknownMessage =
        QObject::tr("The host key of %1 is not known (%2 %3). Verify it at the machine "
                    "with '%4' before trusting it.")
            .arg(m_hostKey.hostPort(), m_hostKey.keyType, m_hostKey.fingerprint, m_hostKey.verifyCommand());
    if (!m_hostKey.note.isEmpty())
        unknownMessage += u' ' + m_hostKey.note;
    if (!m_hostKeyPrompt)
        return makeError(Error::Code::HostKeyUnknown, unknownMessage);

    const HostKeyInfo info = m_hostKey;
    const std::optional<HostKeyDecision> decision = Detail::waitForAnswer<HostKeyDecision>(
        [this, &info](std::function<void(HostKeyDecision)> answer) {
            m_hostKeyPrompt->askAboutUnknownKey(info, std::move(answer));
        },
        cancel);
    if (!decision)
        return makeError(Error::Code::Cancelled, QObject::tr("Cancelled while asking about a host key."));
    switch (*decision) {
    case HostKeyDecision::Reject:
        return makeError(Error::Code::HostKeyUnknown, unknownMessage,
                         QObject::tr("rejected; nothing was sent to the host"));
    case HostKeyDecision::AcceptOnce:
        return {};
    case HostKeyDecision::AcceptAndRemember:
        if (ssh_session_update_known_hosts(session) != SSH_OK)
            return sessionError(Error::Code::Io,
                                QObject::tr("Cannot record the host key of %1.").arg(m_resolvedHost));
        return {};
    }
    return {};
}

Result<ExecResult> SshConnection::exec(const QString &command, const ExecOptions &options,
                                       const CancelToken &cancel)
{
    // The command travels as a C string: a NUL would silently cut it short, dropping
    // arguments (or a closing quote) after it.
    if (command.contains(QChar(u'\0')))
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("A command for %1 contains a NUL character, which no remote shell can "
                                     "receive; it was not sent.")
                             .arg(m_target.displayName()));
    if (!isConnected())
        return makeError(Error::Code::Network,
                         QObject::tr("Not connected to %1.").arg(m_target.displayName()));
    CommandTrace::record(m_target.displayName(), command);
    ssh_session session = m_session.get();
    SshHandles::Channel channel(ssh_channel_new(session));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return sessionError(Error::Code::Network,
                            QObject::tr("Cannot open an SSH channel to %1.").arg(m_resolvedHost));
    const QByteArray commandBytes = command.toUtf8();
    if (ssh_channel_request_exec(channel.get(), commandBytes.constData()) != SSH_OK)
        return sessionError(Error::Code::Network,
                            QObject::tr("%1 refused to run a command.").arg(m_resolvedHost));

    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    const auto abort = [&](Error error) -> Result<ExecResult> {
        ssh_channel_request_send_signal(channel.get(), "TERM");
        parkChannel(std::move(channel));
        return error;
    };

    const auto send = [&](const char *data, qsizetype size) -> std::optional<Error> {
        qsizetype written = 0;
        while (written < size) {
            const qsizetype chunk = std::min<qsizetype>(size - written, 64 * 1024);
            const int n = ssh_channel_write(channel.get(), data + written, static_cast<uint32_t>(chunk));
            if (n == SSH_ERROR)
                return sessionError(Error::Code::Network,
                                    QObject::tr("Sending input to %1 failed.").arg(m_resolvedHost));
            written += n;
            if (cancel.isCancelled())
                return makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));
            if (std::chrono::steady_clock::now() > deadline)
                return makeError(Error::Code::Timeout,
                                 QObject::tr("Timed out sending input to %1.").arg(m_resolvedHost));
        }
        return std::nullopt;
    };
    if (std::optional<Error> failed = send(options.standardInput.constData(), options.standardInput.size()))
        return abort(*failed);
    if (!options.standardInputFile.isEmpty()) {
        QFile input(options.standardInputFile);
        if (!input.open(QIODevice::ReadOnly)) {
            return abort(makeError(Error::Code::Io,
                                   QObject::tr("Cannot read %1.").arg(options.standardInputFile),
                                   input.errorString()));
        }
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (;;) {
            const qint64 n = input.read(chunk.data(), chunk.size());
            if (n < 0)
                return abort(makeError(Error::Code::Io,
                                       QObject::tr("Reading %1 failed.").arg(options.standardInputFile)));
            if (n == 0)
                break;
            if (std::optional<Error> failed = send(chunk.constData(), n))
                return abort(*failed);
        }
    }
    ssh_channel_send_eof(channel.get());

    std::unique_ptr<QFile> outputFile;
    if (!options.standardOutputFile.isEmpty()) {
        outputFile = std::make_unique<QFile>(options.standardOutputFile);
        if (!outputFile->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return abort(makeError(Error::Code::Io,
                                   QObject::tr("Cannot write %1.").arg(options.standardOutputFile),
                                   outputFile->errorString()));
        }
    }
    bool outputFileFailed = false;

    const auto timedOut = [&] {
        return makeError(Error::Code::Timeout,
                         QObject::tr("The command on %1 did not finish within %2 s.")
                             .arg(m_resolvedHost)
                             .arg(std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count()));
    };
    // Set when reading stops for a reason of ours (deadline, Cancel, too much output)
    // rather than the connection's.
    std::optional<Error> stopped;
    ExecResult result;
    char buffer[16384];
    const auto readAvailable = [&](int isStderr) -> int {
        QByteArray &sink = isStderr ? result.standardError : result.standardOutput;
        int total = 0;
        for (;;) {
            // A host that streams without a pause must still meet the deadline and Cancel.
            if (cancel.isCancelled())
                stopped = makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));
            else if (std::chrono::steady_clock::now() > deadline)
                stopped = timedOut();
            if (stopped)
                return SSH_ERROR;
            const int n = ssh_channel_read_nonblocking(channel.get(), buffer, sizeof buffer, isStderr);
            if (n <= 0)
                return n < 0 ? n : total;
            total += n;
            if (!isStderr && outputFile) {
                outputFileFailed = outputFileFailed || outputFile->write(buffer, n) != n;
                continue;
            }
            // Output past the cap is an error, never a partial parse of what fitted.
            if (sink.size() + n > options.maxOutputBytes) {
                stopped = makeError(Error::Code::RemoteCommandFailed,
                                    QObject::tr("The command on %1 wrote more than %2 KiB to its %3; it was "
                                                "stopped and its output was not used.")
                                        .arg(m_resolvedHost)
                                        .arg(options.maxOutputBytes / 1024)
                                        .arg(isStderr ? QStringLiteral("standard error")
                                                      : QStringLiteral("standard output")));
                return SSH_ERROR;
            }
            sink.append(buffer, n);
        }
    };

    for (;;) {
        const int out = readAvailable(0);
        const int err = out == SSH_ERROR ? SSH_ERROR : readAvailable(1);
        if (stopped)
            return abort(*stopped);
        if (out == SSH_ERROR || err == SSH_ERROR)
            return sessionError(Error::Code::Network,
                                QObject::tr("The connection to %1 broke.").arg(m_resolvedHost));
        if (ssh_channel_is_eof(channel.get()) || !ssh_channel_is_open(channel.get())) {
            const int lastOut = readAvailable(0);
            const int lastErr = readAvailable(1);
            if (stopped)
                return abort(*stopped);
            if (lastOut <= 0 && lastErr <= 0)
                break;
            continue;
        }
        if (cancel.isCancelled())
            return abort(makeError(Error::Code::Cancelled, QObject::tr("Cancelled.")));
        if (outputFileFailed) {
            return abort(makeError(Error::Code::Io,
                                   QObject::tr("Writing %1 failed.").arg(options.standardOutputFile),
                                   outputFile->errorString()));
        }
        if (std::chrono::steady_clock::now() > deadline)
            return abort(timedOut());
        if (out == 0 && err == 0)
            ssh_channel_poll_timeout(channel.get(), 50, 0);
    }
    result.exitStatus = ssh_channel_get_exit_status(channel.get());
    if (outputFile && (outputFileFailed || !outputFile->flush())) {
        return makeError(Error::Code::Io, QObject::tr("Writing %1 failed.").arg(options.standardOutputFile),
                         outputFile->errorString());
    }
    return result;
}

} // namespace SlurmDeck
