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

    virtual ~Confirmation() = default;
    virtual void ask(QWidget *parent, const Question &question, std::function<void(bool)> answer) = 0;
};

} // namespace SlurmDeck::Ui
