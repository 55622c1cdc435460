// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace SlurmDeck::Ui {

// How views ask for a reason (draining or downing a node) without blocking: the answer
// comes later through the callback, std::nullopt when the user cancelled. The answer is
// never empty: a reason is required. The GUI uses ReasonDialog; tests inject their own.
class ReasonPrompt
{
public:
    struct Question
    {
        QString title;
        QString text;       // what will happen
        QString acceptText; // the button that goes ahead, e.g. "Drain"
        QString initialReason;
    };

    virtual ~ReasonPrompt() = default;
    virtual void ask(QWidget *parent, const Question &question,
                     std::function<void(std::optional<QString>)> answer) = 0;
};

} // namespace SlurmDeck::Ui
