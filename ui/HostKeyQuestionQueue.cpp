// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostKeyQuestionQueue.h"

#include "dialogs/HostKeyTrustDialog.h"

#include <QWidget>

namespace SlurmDeck::Ui {

HostKeyQuestionQueue::HostKeyQuestionQueue(QWidget *dialogParent) : m_dialogParent(dialogParent)
{}

HostKeyQuestionQueue::~HostKeyQuestionQueue()
{
    rejectAll();
}

void HostKeyQuestionQueue::enqueue(const HostKeyInfo &key, std::shared_ptr<HostKeyAnswer> answer)
{
    m_waiting.enqueue(Question{key, std::move(answer)});
    if (!m_current)
        showNext();
}

void HostKeyQuestionQueue::rejectAll()
{
    while (!m_waiting.isEmpty())
        m_waiting.dequeue().answer->give(HostKeyDecision::Reject);
    if (m_current)
        m_current->reject(); // answers Reject through `decided`
}

void HostKeyQuestionQueue::showNext()
{
    if (m_waiting.isEmpty())
        return;
    Question question = m_waiting.dequeue();
    auto *dialog = new HostKeyTrustDialog(question.key, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_current = dialog;
    connect(dialog, &HostKeyTrustDialog::decided, this,
            [this, answer = std::move(question.answer)](HostKeyDecision decision) {
                answer->give(decision);
                m_current = nullptr;
                showNext();
            });
    dialog->open();
}

} // namespace SlurmDeck::Ui
