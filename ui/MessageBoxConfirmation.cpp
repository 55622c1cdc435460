// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBoxConfirmation.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>

namespace SlurmDeck::Ui {

void MessageBoxConfirmation::ask(QWidget *parent, const Question &question, std::function<void(bool)> answer)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, question.title, question.text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(question.acceptText, QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, accept, answer = std::move(answer)] { answer(box->clickedButton() == accept); });
    box->open();
}

void MessageBoxConfirmation::askWithOption(QWidget *parent, const Question &question, const QString &option,
                                           std::function<void(Answer)> answer)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, question.title, question.text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto *check = new QCheckBox(option, box);
    check->setObjectName(QStringLiteral("confirmationOption"));
    box->setCheckBox(check);
    QPushButton *accept = box->addButton(question.acceptText, QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, accept, check, answer = std::move(answer)] {
        answer(Answer{box->clickedButton() == accept, check->isChecked()});
    });
    box->open();
}

} // namespace SlurmDeck::Ui
