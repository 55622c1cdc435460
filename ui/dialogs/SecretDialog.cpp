// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/SecretDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

std::optional<std::optional<SecretAnswer>> &nextAnswer()
{
    static std::optional<std::optional<SecretAnswer>> answer;
    return answer;
}

} // namespace

void SecretDialog::setNextAnswerForTesting(std::optional<std::optional<SecretAnswer>> answer)
{
    nextAnswer() = std::move(answer);
}

SecretDialog::SecretDialog(const CredentialRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_secret(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in the OS keychain"), this))
{
    const bool password = request.kind == CredentialRequest::Kind::Password;
    setWindowTitle(password ? tr("Password for %1").arg(request.target) : tr("Key passphrase"));
    setObjectName(QStringLiteral("secretDialog"));
    auto *question = new QLabel(
        password ? tr("SlurmDeck needs the password of <b>%1</b>.").arg(request.target.toHtmlEscaped())
                 : tr("The key <b>%1</b> is protected by a passphrase (logging in to %2).")
                       .arg((request.keyFile.isEmpty() ? request.prompt.trimmed() : request.keyFile)
                                .toHtmlEscaped(),
                            request.target.toHtmlEscaped()),
        this);
    question->setWordWrap(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(
        tr("Kept by the operating system's keychain, never in SlurmDeck's files or logs."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this](int result) {
        if (m_answered)
            return;
        m_answered = true;
        if (result == QDialog::Accepted && !m_secret->text().isEmpty())
            emit answered(SecretAnswer{m_secret->text(), m_remember->isChecked()});
        else
            emit answered(std::nullopt);
        m_secret->clear();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_secret);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
}

void SecretDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!nextAnswer())
        return;
    const std::optional<SecretAnswer> answer = *nextAnswer();
    nextAnswer().reset();
    QTimer::singleShot(0, this, [this, answer] {
        if (answer) {
            m_secret->setText(answer->secret);
            m_remember->setChecked(answer->remember);
            accept();
        } else {
            reject();
        }
    });
}

} // namespace SlurmDeck::Ui
