// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Confirmation.h"

namespace SlurmDeck::Ui {

// Asks with a window-modal QMessageBox opened with open(): no nested event loop.
class MessageBoxConfirmation final : public Confirmation
{
public:
    void ask(QWidget *parent, const Question &question, std::function<void(bool)> answer) override;
    void askWithOption(QWidget *parent, const Question &question, const QString &option,
                       std::function<void(Answer)> answer) override;
};

} // namespace SlurmDeck::Ui
