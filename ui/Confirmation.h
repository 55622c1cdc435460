// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace SlurmDeck::Ui {

// How views ask "are you sure?" without blocking: the answer comes later through the
// callback (true: go ahead). The GUI uses MessageBoxConfirmation; tests inject their own.
class Confirmation
{
public:
    struct Question
    {
        QString title;
        QString text;
        QString acceptText; // the button that goes ahead, e.g. "Remove"
    };

    // The answer to a question with an option (a check box such as "Also delete the data").
    struct Answer
    {
        bool accepted = false;
        bool optionChecked = false;
    };

    virtual ~Confirmation() = default;
    virtual void ask(QWidget *parent, const Question &question, std::function<void(bool)> answer) = 0;
    // Asks with a check box labelled `option`, unchecked at first; its state comes back with
    // the answer. Implementations that cannot show one answer with it unchecked.
    virtual void askWithOption(QWidget *parent, const Question &question, const QString &option,
                               std::function<void(Answer)> answer)
    {
        Q_UNUSED(option);
        ask(parent, question, [answer = std::move(answer)](bool yes) { answer(Answer{yes, false}); });
    }
};

} // namespace SlurmDeck::Ui
