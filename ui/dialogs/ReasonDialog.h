// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReasonPrompt.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace SlurmDeck::Ui {

// Asks for the reason of a drain or down: what will happen, a reason line, and an accept
// button that stays disabled while the reason is blank.
class ReasonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReasonDialog)

public:
    ReasonDialog(const ReasonPrompt::Question &question, QWidget *parent = nullptr);

    [[nodiscard]] QString reason() const;
    [[nodiscard]] QLineEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QPushButton *acceptButton() const;

private:
    QLabel *m_text;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

// The GUI's ReasonPrompt: a window-modal ReasonDialog opened with open().
class DialogReasonPrompt final : public ReasonPrompt
{
public:
    void ask(QWidget *parent, const Question &question,
             std::function<void(std::optional<QString>)> answer) override;
};

} // namespace SlurmDeck::Ui
