// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HostKeyAnswer.h"
#include "ssh/HostKey.h"

#include <QObject>
#include <QPointer>
#include <QQueue>

#include <memory>

class QWidget;

namespace SlurmDeck::Ui {

class HostKeyTrustDialog;

// GUI-thread side of GuiHostKeyPrompt: questions wait here and are shown one at a time,
// whichever prompt sharing the queue asked them. Each question carries its asker (a
// number) and the widget its dialog belongs to, so one asker's questions can be rejected
// without touching the others'.
class HostKeyQuestionQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyQuestionQueue)

public:
    explicit HostKeyQuestionQueue(QWidget *dialogParent);
    ~HostKeyQuestionQueue() override;

    void enqueue(const HostKeyInfo &key, std::shared_ptr<HostKeyAnswer> answer, quint64 asker = 0,
                 QWidget *dialogParent = nullptr);
    // Rejects every question of `asker`: waiting ones, and the dialog open for one of them.
    void rejectAll(quint64 asker);
    // Rejects every question, whoever asked it.
    void rejectEverything();
    [[nodiscard]] int waiting() const { return static_cast<int>(m_waiting.size()); }

private:
    struct Question
    {
        HostKeyInfo key;
        std::shared_ptr<HostKeyAnswer> answer;
        quint64 asker = 0;
        QPointer<QWidget> dialogParent; // null: the queue's
    };

    void showNext();

    QPointer<QWidget> m_dialogParent;
    QQueue<Question> m_waiting;
    QPointer<HostKeyTrustDialog> m_current;
    quint64 m_currentAsker = 0;
};

} // namespace SlurmDeck::Ui
