// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TerminalSecretAsker.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace SlurmDeck {

namespace {

void writeText(int tty, const QByteArray &text)
{
    // Nothing useful to do when the terminal refuses output; the answer decides anyway.
    if (::write(tty, text.constData(), size_t(text.size())) < 0)
        return;
}

// Reads one line from the terminal; with `hidden`, echo is off while typing.
std::optional<QByteArray> readLine(int tty, bool hidden)
{
    termios saved{};
    const bool restore = hidden && tcgetattr(tty, &saved) == 0;
    if (restore) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    bool ok = false;
    while (::read(tty, &c, 1) == 1) {
        if (c == '\n') {
            ok = true;
            break;
        }
        line.append(c);
    }
    if (restore) {
        tcsetattr(tty, TCSAFLUSH, &saved);
        writeText(tty, "\n");
    }
    if (!ok)
        return std::nullopt;
    return line;
}

} // namespace

void TerminalSecretAsker::askUser(const CredentialRequest &request,
                                  std::function<void(std::optional<SecretAnswer>)> answer)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY);
    if (tty < 0) {
        answer(std::nullopt);
        return;
    }
    const QString question =
        request.kind == CredentialRequest::Kind::Password
            ? QCoreApplication::translate("TerminalSecretAsker", "Password for %1: ").arg(request.target)
            : QCoreApplication::translate("TerminalSecretAsker", "Passphrase for %1 (%2): ")
                  .arg(request.keyFile.isEmpty() ? request.prompt.trimmed() : request.keyFile,
                       request.target);
    const QByteArray questionBytes = question.toLocal8Bit();
    writeText(tty, questionBytes);
    std::optional<QByteArray> secret = readLine(tty, true);
    if (!secret || secret->isEmpty()) {
        ::close(tty);
        answer(std::nullopt);
        return;
    }
    const QByteArray remember =
        QCoreApplication::translate("TerminalSecretAsker", "Keep it in the OS keychain? [y/N] ")
            .toLocal8Bit();
    writeText(tty, remember);
    const std::optional<QByteArray> reply = readLine(tty, false);
    ::close(tty);
    SecretAnswer typed{QString::fromUtf8(*secret), reply && reply->trimmed().toLower().startsWith('y')};
    secret->fill('\0');
    answer(typed);
}

} // namespace SlurmDeck
