// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/ReasonDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

ReasonDialog::ReasonDialog(const ReasonPrompt::Question &question, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(question.text, this))
    , m_reason(new QLineEdit(question.initialReason, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(question.title);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. replacing a disk"));
    m_reason->setMaxLength(200);
    acceptButton()->setText(question.acceptText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    const auto update = [this] { acceptButton()->setEnabled(!reason().isEmpty()); };
    connect(m_reason, &QLineEdit::textChanged, this, update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
    resize(440, sizeHint().height());
}

QString ReasonDialog::reason() const
{
    return m_reason->text().simplified();
}

QPushButton *ReasonDialog::acceptButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void DialogReasonPrompt::ask(QWidget *parent, const Question &question,
                             std::function<void(std::optional<QString>)> answer)
{
    auto *dialog = new ReasonDialog(question, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answer = std::move(answer)](int result) {
        if (result == QDialog::Accepted)
            answer(dialog->reason());
        else
            answer(std::nullopt);
    });
    dialog->open();
}

} // namespace SlurmDeck::Ui
