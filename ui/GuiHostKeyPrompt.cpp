// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiHostKeyPrompt.h"

#include "HostKeyQuestionQueue.h"

#include <QMetaObject>

namespace SlurmDeck::Ui {

GuiHostKeyPrompt::GuiHostKeyPrompt(QWidget *dialogParent) : m_queue(new HostKeyQuestionQueue(dialogParent))
{}

GuiHostKeyPrompt::~GuiHostKeyPrompt()
{
    // The last owner may be a worker thread: let the GUI thread delete its own object.
    m_queue->deleteLater();
}

void GuiHostKeyPrompt::askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer)
{
    auto guarded = std::make_shared<HostKeyAnswer>(std::move(answer));
    HostKeyQuestionQueue *queue = m_queue;
    // Queued even on the GUI thread: the dialog opens from the event loop, never from
    // inside the caller. Should the queue die first, the event (and with it `guarded`) is
    // dropped, which answers Reject.
    QMetaObject::invokeMethod(
        queue, [queue, key, guarded] { queue->enqueue(key, guarded); }, Qt::QueuedConnection);
}

void GuiHostKeyPrompt::rejectAll()
{
    m_queue->rejectAll();
}

} // namespace SlurmDeck::Ui
