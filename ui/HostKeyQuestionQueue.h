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

// GUI-thread side of GuiHostKeyPrompt: questions wait here and are shown one at a time.
class HostKeyQuestionQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyQuestionQueue)

public:
    explicit HostKeyQuestionQueue(QWidget *dialogParent);
    ~HostKeyQuestionQueue() override;

    void enqueue(const HostKeyInfo &key, std::shared_ptr<HostKeyAnswer> answer);
    void rejectAll();
    [[nodiscard]] int waiting() const { return static_cast<int>(m_waiting.size()); }

private:
    struct Question
    {
        HostKeyInfo key;
        std::shared_ptr<HostKeyAnswer> answer;
    };

    void showNext();

    QPointer<QWidget> m_dialogParent;
    QQueue<Question> m_waiting;
    QPointer<HostKeyTrustDialog> m_current;
};

} // namespace SlurmDeck::Ui
