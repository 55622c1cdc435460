// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostKeyQuestionQueue.h"

#include "dialogs/HostKeyTrustDialog.h"

#include <QWidget>

namespace SlurmDeck::Ui {

HostKeyQuestionQueue::HostKeyQuestionQueue(QWidget *dialogParent) : m_dialogParent(dialogParent)
{}

HostKeyQuestionQueue::~HostKeyQuestionQueue()
{
    rejectEverything();
}

void HostKeyQuestionQueue::enqueue(const HostKeyInfo &key, std::shared_ptr<HostKeyAnswer> answer,
                                   quint64 asker, QWidget *dialogParent)
{
    m_waiting.enqueue(Question{key, std::move(answer), asker, dialogParent});
    if (!m_current)
        showNext();
}

void HostKeyQuestionQueue::rejectAll(quint64 asker)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->asker == asker) {
            it->answer->give(HostKeyDecision::Reject);
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    if (m_current && m_currentAsker == asker)
        m_current->reject(); // answers Reject through `decided`, then shows the next one
}

void HostKeyQuestionQueue::rejectEverything()
{
    while (!m_waiting.isEmpty())
        m_waiting.dequeue().answer->give(HostKeyDecision::Reject);
    if (m_current)
        m_current->reject();
}

void HostKeyQuestionQueue::showNext()
{
    if (m_waiting.isEmpty())
        return;
    Question question = m_waiting.dequeue();
    auto *dialog = new HostKeyTrustDialog(question.key, question.dialogParent ? question.dialogParent.data()
                                                                              : m_dialogParent.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_current = dialog;
    m_currentAsker = question.asker;
    // Closed without an answer (its parent, the asking dialog, went away): the answer was
    // dropped, which rejects; the next question still gets its turn.
    connect(dialog, &QObject::destroyed, this, [this] {
        if (!m_current)
            showNext();
    });
    connect(dialog, &HostKeyTrustDialog::decided, this,
            [this, answer = std::move(question.answer)](HostKeyDecision decision) {
                answer->give(decision);
                m_current = nullptr;
                showNext();
            });
    dialog->open();
}

} // namespace SlurmDeck::Ui
