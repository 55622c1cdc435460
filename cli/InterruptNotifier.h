// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace SlurmDeck {

// Ctrl+C (SIGINT) on the event loop: the first one emits interrupted(), so the running
// command can cancel and report what it did; a second one ends the process at once with
// exit code 130 (the shell's 128 + SIGINT). One instance per process (the signal handler
// writes to its self-pipe).
class InterruptNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptNotifier)

public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

    // While one lives, the event loop is blocked in a terminal prompt: Ctrl+C ends the
    // process at once (exit 130), as it would any program waiting for an answer.
    class PromptScope final
    {
    public:
        PromptScope();
        ~PromptScope();
        PromptScope(const PromptScope &) = delete;
        PromptScope &operator=(const PromptScope &) = delete;
    };

signals:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace SlurmDeck
