// SPDX-License-Identifier: GPL-3.0-or-later
// SFTP side of SshConnection: atomic uploads, downloads, mkdir -p.
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <fcntl.h>

#include <algorithm>

namespace SlurmDeck {

namespace {

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash <= 0)
        return slash == 0 ? QStringLiteral("/") : QStringLiteral(".");
    return path.left(slash);
}

QString baseNameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

QString sftpErrorText(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
        return QStringLiteral("no such file");
    case SSH_FX_PERMISSION_DENIED:
        return QStringLiteral("permission denied");
    case SSH_FX_FAILURE:
        return QStringLiteral("failure");
    case SSH_FX_FILE_ALREADY_EXISTS:
        return QStringLiteral("file already exists");
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
        return QStringLiteral("connection lost");
    default:
        return QStringLiteral("SFTP error %1").arg(code);
    }
}

} // namespace

Error SshConnection::sftpError(const QString &message, const QString &path) const
{
    const int code = m_sftp ? sftp_get_error(m_sftp.get()) : -1;
    return makeError(code == SSH_FX_PERMISSION_DENIED ? Error::Code::Authentication : Error::Code::Io,
                     message.arg(path, m_resolvedHost),
                     code >= 0 ? sftpErrorText(code) : QString::fromUtf8(ssh_get_error(m_session.get())));
}

Result<void> SshConnection::ensureSftp()
{
    if (!isConnected())
        return makeError(Error::Code::Network,
                         QObject::tr("Not connected to %1.").arg(m_target.displayName()));
    if (m_sftp)
        return {};
    SshHandles::Sftp sftp(sftp_new(m_session.get()));
    if (!sftp) {
        return sessionError(Error::Code::Unsupported,
                            QObject::tr("%1 offers no SFTP. Enable the sftp subsystem in its sshd_config.")
                                .arg(m_resolvedHost));
    }
    if (sftp_init(sftp.get()) != SSH_OK) {
        return sessionError(
            Error::Code::Unsupported,
            QObject::tr("SFTP on %1 did not start. Enable the sftp subsystem in its sshd_config.")
                .arg(m_resolvedHost));
    }
    m_sftp = std::move(sftp);
    return {};
}

Result<void> SshConnection::makeDirectories(const QString &remotePath, int mode)
{
    if (Result<void> ready = ensureSftp(); !ready)
        return ready;
    const QStringList parts = remotePath.split(u'/', Qt::SkipEmptyParts);
    QString path = remotePath.startsWith(u'/') ? QString() : QStringLiteral(".");
    for (const QString &part : parts) {
        path += u'/' + part;
        const QByteArray bytes = path.toUtf8();
        const SshHandles::SftpAttributes existing(sftp_stat(m_sftp.get(), bytes.constData()));
        if (existing) {
            if (existing->type != SSH_FILEXFER_TYPE_DIRECTORY)
                return makeError(
                    Error::Code::Io,
                    QObject::tr("%1 on %2 exists and is not a directory.").arg(path, m_resolvedHost));
            continue;
        }
        if (sftp_mkdir(m_sftp.get(), bytes.constData(), static_cast<mode_t>(mode)) != SSH_OK)
            return sftpError(QObject::tr("Cannot create the directory %1 on %2."), path);
    }
    return {};
}

Result<void> SshConnection::upload(const QByteArray &data, const QString &remotePath,
                                   const UploadOptions &options, const CancelToken &cancel)
{
    if (Result<void> ready = ensureSftp(); !ready)
        return ready;
    sftp_session sftp = m_sftp.get();
    const QString temporary =
        parentOf(remotePath) + QStringLiteral("/.") + baseNameOf(remotePath) + QStringLiteral(".slurmdeck-") +
        QString::number(QRandomGenerator::global()->generate64(), 36) + QStringLiteral(".tmp");
    const QByteArray temporaryBytes = temporary.toUtf8();
    const QByteArray targetBytes = remotePath.toUtf8();
    const auto removeTemporary = [&] { sftp_unlink(sftp, temporaryBytes.constData()); };

    {
        // 0600 while writing, so nobody else can read a secret before its mode is set.
        SshHandles::SftpFile file(
            sftp_open(sftp, temporaryBytes.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600));
        if (!file)
            return sftpError(QObject::tr("Cannot create %1 on %2."), temporary);
        qsizetype written = 0;
        while (written < data.size()) {
            if (cancel.isCancelled()) {
                file.reset();
                removeTemporary();
                return makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));
            }
            const qsizetype chunk = std::min<qsizetype>(data.size() - written, 32 * 1024);
            const ssize_t n = sftp_write(file.get(), data.constData() + written, static_cast<size_t>(chunk));
            if (n < 0) {
                const Error error = sftpError(QObject::tr("Writing %1 on %2 failed."), temporary);
                file.reset();
                removeTemporary();
                return error;
            }
            written += n;
        }
        if (sftp_extension_supported(sftp, "fsync@openssh.com", "1"))
            sftp_fsync(file.get());
    }
    if (sftp_chmod(sftp, temporaryBytes.constData(), static_cast<mode_t>(options.mode)) != SSH_OK) {
        const Error error = sftpError(QObject::tr("Cannot set the mode of %1 on %2."), temporary);
        removeTemporary();
        return error;
    }

    // libssh 0.10's sftp_rename is SFTP v3 rename, which refuses an existing target (it does
    // not use posix-rename@openssh.com). `mv` on the same filesystem is rename(2): the target
    // is replaced atomically. A hard link keeps the old version without a gap.
    // A directory in the way would swallow the file (mv and ln move into it); -T is not
    // portable to BusyBox and macOS, so it is checked first.
    const auto refuseDirectory = [](const QString &path) {
        return QStringLiteral(
                   "if [ -d %1 ] && [ ! -L %1 ]; then printf '%s is a directory\\n' %1 >&2; exit 1; fi; ")
            .arg(Shell::quote(path));
    };
    QString swap = refuseDirectory(remotePath) +
                   QStringLiteral("mv -f %1 %2").arg(Shell::quote(temporary), Shell::quote(remotePath));
    if (options.keepPrevious) {
        const QString previous = remotePath + QStringLiteral(".previous");
        swap.prepend(refuseDirectory(previous) +
                     QStringLiteral("if [ -e %1 ]; then ln -f %1 %2 || exit 1; fi; ")
                         .arg(Shell::quote(remotePath), Shell::quote(previous)));
    }
    ExecOptions swapOptions;
    swapOptions.timeout = std::chrono::seconds(30);
    swapOptions.maxOutputBytes = 64 * 1024;
    const Result<ExecResult> swapped = exec(swap, swapOptions, cancel);
    if (!swapped || !swapped->succeeded()) {
        removeTemporary();
        return makeError(Error::Code::Io,
                         QObject::tr("Cannot move the new %1 into place on %2; the old file is unchanged.")
                             .arg(remotePath, m_resolvedHost),
                         swapped ? QString::fromUtf8(swapped->standardError).trimmed()
                                 : swapped.error().toString());
    }
    return {};
}

Result<QByteArray> SshConnection::download(const QString &remotePath, qsizetype maxBytes,
                                           const CancelToken &cancel)
{
    if (Result<void> ready = ensureSftp(); !ready)
        return ready.error();
    const QByteArray pathBytes = remotePath.toUtf8();
    SshHandles::SftpFile file(sftp_open(m_sftp.get(), pathBytes.constData(), O_RDONLY, 0));
    if (!file) {
        const bool missing = sftp_get_error(m_sftp.get()) == SSH_FX_NO_SUCH_FILE;
        Error error = sftpError(QObject::tr("Cannot open %1 on %2."), remotePath);
        if (missing)
            error.code = Error::Code::NotFound;
        return error;
    }
    QByteArray data;
    char buffer[32 * 1024];
    for (;;) {
        if (cancel.isCancelled())
            return makeError(Error::Code::Cancelled, QObject::tr("Cancelled."));
        const ssize_t n = sftp_read(file.get(), buffer, sizeof buffer);
        if (n < 0)
            return sftpError(QObject::tr("Reading %1 on %2 failed."), remotePath);
        if (n == 0)
            break;
        if (data.size() + n > maxBytes) {
            return makeError(Error::Code::Io, QObject::tr("%1 on %2 is larger than %3 bytes.")
                                                  .arg(remotePath, m_resolvedHost)
                                                  .arg(maxBytes));
        }
        data.append(buffer, n);
    }
    return data;
}

} // namespace SlurmDeck
