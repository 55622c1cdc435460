// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/PassphraseDialog.h"

#include "secrets/SealedSecrets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace SlurmDeck::Ui {

PassphraseDialog::PassphraseDialog(Purpose purpose, QWidget *parent)
    : QDialog(parent), m_first(new QLineEdit(this)), m_hint(new QLabel(this))
{
    const bool sealing = purpose == Purpose::Seal;
    setWindowTitle(sealing ? tr("Seal the secrets") : tr("Open the sealed secrets"));
    auto *form = new QFormLayout(this);
    auto *about =
        new QLabel(sealing ? tr("The backup will carry the cluster's munge key and database password, "
                                "encrypted with this passphrase. Without it they cannot be read, "
                                "by anyone: keep it somewhere else than the backup.")
                           : tr("The passphrase the backup's secrets were sealed with."),
                   this);
    about->setWordWrap(true);
    form->addRow(about);
    m_first->setObjectName(QStringLiteral("passphrase"));
    m_first->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Passphrase:"), m_first);
    if (sealing) {
        m_again = new QLineEdit(this);
        m_again->setObjectName(QStringLiteral("passphraseAgain"));
        m_again->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Again:"), m_again);
        connect(m_again, &QLineEdit::textChanged, this, &PassphraseDialog::check);
    }
    m_hint->setObjectName(QStringLiteral("passphraseHint"));
    form->addRow(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_first, &QLineEdit::textChanged, this, &PassphraseDialog::check);
    check();
    resize(460, sizeHint().height());
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_first->text().toUtf8();
}

void PassphraseDialog::check()
{
    const qsizetype length = passphrase().size();
    QString hint;
    if (length < SealedSecrets::minimumPassphraseLength)
        hint = tr("At least %1 characters.").arg(SealedSecrets::minimumPassphraseLength);
    else if (m_again && m_again->text() != m_first->text())
        hint = tr("The two passphrases differ.");
    m_hint->setText(hint);
    m_ok->setEnabled(hint.isEmpty());
}

} // namespace SlurmDeck::Ui
