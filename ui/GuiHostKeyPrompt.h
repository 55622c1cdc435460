// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"

class QWidget;

namespace SlurmDeck::Ui {

class HostKeyQuestionQueue;

// The GUI's answer to "do you trust this host key?". Discovery's worker threads call
// askAboutUnknownKey; the question is queued (never blocking) to a QObject on the GUI
// thread, which shows one HostKeyTrustDialog at a time and answers when it closes.
// Create it on the GUI thread; worker threads may hold it (shared_ptr) after its creator
// is gone, so the GUI side is released with deleteLater() and any question it never got
// to show is answered Reject.
class GuiHostKeyPrompt final : public HostKeyPrompt
{
public:
    explicit GuiHostKeyPrompt(QWidget *dialogParent);
    ~GuiHostKeyPrompt() override;
    GuiHostKeyPrompt(const GuiHostKeyPrompt &) = delete;
    GuiHostKeyPrompt &operator=(const GuiHostKeyPrompt &) = delete;

    void askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer) override;

    // GUI thread: answers Reject to every waiting question and closes the open dialog
    // (the user closed the discovery that asked).
    void rejectAll();

private:
    HostKeyQuestionQueue *m_queue; // lives on the GUI thread until our destructor
};

} // namespace SlurmDeck::Ui
