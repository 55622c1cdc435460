// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Terminal.h"

#include "cli/InterruptNotifier.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace SlurmDeck::Terminal {

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

bool available()
{
    if (isatty(STDIN_FILENO) == 0)
        return false;
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0)
        return false;
    ::close(tty);
    return true;
}

std::optional<QByteArray> ask(const QByteArray &question, bool hidden)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0)
        return std::nullopt;
    // The event loop waits here: Ctrl+C quits at once.
    const InterruptNotifier::PromptScope prompting;
    writeText(tty, question);
    std::optional<QByteArray> line = readLine(tty, hidden);
    ::close(tty);
    return line;
}

bool confirm(const QString &question)
{
    const std::optional<QByteArray> answer = ask((question + QStringLiteral(" [y/N] ")).toLocal8Bit());
    const QString said = answer ? QString::fromLocal8Bit(*answer).trimmed().toLower() : QString();
    return said == u"y" || said == u"yes";
}

} // namespace SlurmDeck::Terminal
