// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiHostKeyPrompt.h"

#include "HostKeyQuestionQueue.h"

#include <QMetaObject>

#include <atomic>

namespace SlurmDeck::Ui {

namespace {

quint64 nextAsker()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

} // namespace

// The queue every sharing prompt asks through. The last owner may be a worker thread: the
// GUI thread deletes its own object.
class GuiHostKeyPrompt::SharedQueue final
{
public:
    explicit SharedQueue(QWidget *dialogParent) : queue(new HostKeyQuestionQueue(dialogParent)) {}
    ~SharedQueue() { queue->deleteLater(); }
    SharedQueue(const SharedQueue &) = delete;
    SharedQueue &operator=(const SharedQueue &) = delete;

    HostKeyQuestionQueue *queue;
};

GuiHostKeyPrompt::GuiHostKeyPrompt(QWidget *dialogParent)
    : GuiHostKeyPrompt(std::make_shared<SharedQueue>(dialogParent), dialogParent)
{}

GuiHostKeyPrompt::GuiHostKeyPrompt(std::shared_ptr<SharedQueue> queue, QWidget *dialogParent)
    : m_queue(std::move(queue)), m_asker(nextAsker()), m_dialogParent(dialogParent)
{}

std::shared_ptr<GuiHostKeyPrompt> GuiHostKeyPrompt::sharing(const GuiHostKeyPrompt &other,
                                                            QWidget *dialogParent)
{
    return std::shared_ptr<GuiHostKeyPrompt>(new GuiHostKeyPrompt(other.m_queue, dialogParent));
}

GuiHostKeyPrompt::~GuiHostKeyPrompt() = default;

void GuiHostKeyPrompt::askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer)
{
    auto guarded = std::make_shared<HostKeyAnswer>(std::move(answer));
    HostKeyQuestionQueue *queue = m_queue->queue;
    // Queued even on the GUI thread: the dialog opens from the event loop, never from
    // inside the caller. Should the queue die first, the event (and with it `guarded`) is
    // dropped, which answers Reject.
    QMetaObject::invokeMethod(
        queue,
        [queue, key, guarded, asker = m_asker, parent = m_dialogParent] {
            queue->enqueue(key, guarded, asker, parent.data());
        },
        Qt::QueuedConnection);
}

void GuiHostKeyPrompt::rejectAll()
{
    m_queue->queue->rejectAll(m_asker);
}

} // namespace SlurmDeck::Ui
