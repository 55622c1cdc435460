// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/InterruptNotifier.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace SlurmDeck {

namespace {

int pipeEnds[2] = {-1, -1};
std::atomic<int> interrupts{0};
std::atomic<int> prompts{0};
struct sigaction previous = {};

extern "C" void onInterrupt(int)
{
    // The second Ctrl+C, or one at a prompt: the user does not want to wait.
    if (interrupts.fetch_add(1) > 0 || prompts.load() > 0)
        ::_exit(130);
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(pipeEnds[0], &byte, 1);
}

} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeEnds) != 0)
        return;
    for (const int end : pipeEnds)
        ::fcntl(end, F_SETFD, FD_CLOEXEC);
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGINT, &action, &previous) != 0)
        return;
    m_notifier = new QSocketNotifier(pipeEnds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(pipeEnds[1], &byte, 1);
        emit interrupted();
    });
}

InterruptNotifier::PromptScope::PromptScope()
{
    prompts.fetch_add(1);
}

InterruptNotifier::PromptScope::~PromptScope()
{
    prompts.fetch_sub(1);
}

InterruptNotifier::~InterruptNotifier()
{
    if (m_notifier)
        ::sigaction(SIGINT, &previous, nullptr);
    for (int &end : pipeEnds) {
        if (end >= 0)
            ::close(end);
        end = -1;
    }
}

} // namespace SlurmDeck
