// SPDX-License-Identifier: GPL-3.0-or-later
// Port forwarding side of SshConnection: one request/answer exchange over a direct-tcpip
// channel.
#include "ssh/SshConnection.h"

#include <QObject>

namespace SlurmDeck {

Result<QByteArray> SshConnection::forward(const QString &host, int port, const QByteArray &request,
                                          const ForwardOptions &options, const CancelToken &cancel)
{
    if (!isConnected())
        return makeError(Error::Code::Network,
                         QObject::tr("Not connected to %1.").arg(m_target.displayName()));
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    SshHandles::Channel channel(ssh_channel_new(m_session.get()));
    if (!channel)
        return sessionError(Error::Code::Network,
                            QObject::tr("Cannot open an SSH channel to %1.").arg(m_resolvedHost));
    // The originator address is informational; sshd logs it.
    const QByteArray hostBytes = host.toUtf8();
    if (ssh_channel_open_forward(channel.get(), hostBytes.constData(), port, "127.0.0.1", 0) != SSH_OK)
        return sessionError(Error::Code::Network,
                            QObject::tr("%1 did not open a connection to %2: nothing listens there, or "
                                        "its sshd forbids forwarding (AllowTcpForwarding no).")
                                .arg(m_resolvedHost, where));

    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    const auto timedOut = [&] {
        return makeError(Error::Code::Timeout,
                         QObject::tr("%1 on %2 did not answer within %3 s.")
                             .arg(where, m_resolvedHost)
                             .arg(std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count()));
    };
    const auto abort = [&](Error error) -> Result<QByteArray> {
        parkChannel(std::move(channel));
        return error;
    };

    for (qsizetype written = 0; written < request.size();) {
        const qsizetype chunk = std::min<qsizetype>(request.size() - written, 64 * 1024);
        const int n =
            ssh_channel_write(channel.get(), request.constData() + written, static_cast<uint32_t>(chunk));
        if (n == SSH_ERROR)
            return sessionError(Error::Code::Network,
                                QObject::tr("Sending to %1 on %2 failed.").arg(where, m_resolvedHost));
        written += n;
        if (cancel.isCancelled())
            return abort(makeError(Error::Code::Cancelled, QObject::tr("Cancelled.")));
        if (std::chrono::steady_clock::now() > deadline)
            return abort(timedOut());
    }
    ssh_channel_send_eof(channel.get());

    QByteArray answer;
    char buffer[16384];
    bool ended = false; // the far end closed: read what is still buffered, then stop
    for (;;) {
        if (cancel.isCancelled())
            return abort(makeError(Error::Code::Cancelled, QObject::tr("Cancelled.")));
        if (std::chrono::steady_clock::now() > deadline)
            return abort(timedOut());
        const int n = ssh_channel_read_nonblocking(channel.get(), buffer, sizeof buffer, 0);
        if (n == SSH_ERROR)
            return sessionError(Error::Code::Network,
                                QObject::tr("The connection to %1 broke.").arg(m_resolvedHost));
        if (n > 0) {
            if (answer.size() + n > options.maxAnswerBytes)
                return abort(makeError(Error::Code::RemoteCommandFailed,
                                       QObject::tr("%1 on %2 sent more than %3 KiB; the answer was "
                                                   "dropped.")
                                           .arg(where, m_resolvedHost)
                                           .arg(options.maxAnswerBytes / 1024)));
            answer.append(buffer, n);
            continue;
        }
        if (ended)
            break;
        if (ssh_channel_is_eof(channel.get()) || !ssh_channel_is_open(channel.get())) {
            ended = true;
            continue;
        }
        ssh_channel_poll_timeout(channel.get(), 50, 0);
    }
    return answer;
}

} // namespace SlurmDeck
