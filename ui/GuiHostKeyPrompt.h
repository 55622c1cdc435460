// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"

#include <QPointer>
#include <QWidget>

#include <memory>

namespace SlurmDeck::Ui {

class HostKeyQuestionQueue;

// The GUI's answer to "do you trust this host key?". Discovery's worker threads call
// askAboutUnknownKey; the question is queued (never blocking) to a QObject on the GUI
// thread, which shows one HostKeyTrustDialog at a time and answers when it closes.
// Create it on the GUI thread; worker threads may hold it (shared_ptr) after its creator
// is gone, so the GUI side is released with deleteLater() and any question it never got
// to show is answered Reject.
// Prompts made with sharing() use one queue: the window and a dialog of it never show two
// trust dialogs at once, even for the same host, and each can reject only its own questions
// (rejectAll) when it closes.
class GuiHostKeyPrompt final : public HostKeyPrompt
{
public:
    explicit GuiHostKeyPrompt(QWidget *dialogParent);
    // A prompt that asks through `other`'s queue, its dialogs parented to `dialogParent`.
    [[nodiscard]] static std::shared_ptr<GuiHostKeyPrompt> sharing(const GuiHostKeyPrompt &other,
                                                                   QWidget *dialogParent);
    ~GuiHostKeyPrompt() override;
    GuiHostKeyPrompt(const GuiHostKeyPrompt &) = delete;
    GuiHostKeyPrompt &operator=(const GuiHostKeyPrompt &) = delete;

    void askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer) override;

    // GUI thread: answers Reject to every waiting question this prompt asked and closes the
    // open dialog if it is one of them (the user closed the discovery that asked); questions
    // of prompts sharing the queue stay.
    void rejectAll();

private:
    class SharedQueue;
    GuiHostKeyPrompt(std::shared_ptr<SharedQueue> queue, QWidget *dialogParent);

    std::shared_ptr<SharedQueue> m_queue; // lives on the GUI thread until the last sharer is gone
    quint64 m_asker;
    QPointer<QWidget> m_dialogParent;
};

} // namespace SlurmDeck::Ui
