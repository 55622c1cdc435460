// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/HostKeyTrustDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

std::optional<HostKeyDecision> HostKeyTrustDialog::s_nextDecision;
int HostKeyTrustDialog::s_nextDecisionTimes = 0;

namespace {

QLineEdit *readOnlyField(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *field = new QLineEdit(text, parent);
    field->setReadOnly(true);
    field->setObjectName(objectName);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    field->setCursorPosition(0);
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(text) + 24);
    return field;
}

} // namespace

HostKeyTrustDialog::HostKeyTrustDialog(const HostKeyInfo &key, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyTrustDialog"));
    setWindowTitle(tr("Unknown host key for %1").arg(key.hostPort()));

    auto *intro = new QLabel(tr("<b>SlurmDeck has never seen %1 before.</b><br>"
                                "Nothing has been sent to it yet: no password, no key, no command. "
                                "Before you trust it, check on the machine itself that it shows the same "
                                "fingerprint.")
                                 .arg(key.hostPort().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("hostKeyIntro"));

    auto *fingerprint = readOnlyField(key.fingerprint, QStringLiteral("hostKeyFingerprint"), this);
    auto *command = readOnlyField(key.verifyCommand(), QStringLiteral("hostKeyVerifyCommand"), this);
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyVerifyCommand"));
    copy->setAutoDefault(false);
    copy->setToolTip(tr("Copy the command to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [command] { QGuiApplication::clipboard()->setText(command->text()); });
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(command, 1);
    commandRow->addWidget(copy);

    auto *form = new QFormLayout;
    form->addRow(tr("Host:"), new QLabel(key.hostPort(), this));
    form->addRow(tr("Key type:"), new QLabel(key.keyType, this));
    form->addRow(tr("Fingerprint:"), fingerprint);
    form->addRow(tr("Verify with:"), commandRow);
    if (!key.note.isEmpty()) {
        auto *note = new QLabel(key.note, this);
        note->setWordWrap(true);
        note->setObjectName(QStringLiteral("hostKeyNote"));
        form->addRow(tr("Note:"), note);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *remember = buttons->addButton(tr("Trust and &remember"), QDialogButtonBox::AcceptRole);
    QPushButton *once = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    QPushButton *reject = buttons->addButton(tr("Re&ject"), QDialogButtonBox::RejectRole);
    remember->setObjectName(QStringLiteral("trustAndRemember"));
    once->setObjectName(QStringLiteral("trustOnce"));
    reject->setObjectName(QStringLiteral("rejectKey"));
    remember->setAutoDefault(false);
    once->setAutoDefault(false);
    reject->setDefault(true);
    reject->setFocus();
    connect(remember, &QPushButton::clicked, this, [this] { decide(HostKeyDecision::AcceptAndRemember); });
    connect(once, &QPushButton::clicked, this, [this] { decide(HostKeyDecision::AcceptOnce); });
    connect(reject, &QPushButton::clicked, this, [this] { decide(HostKeyDecision::Reject); });
    // Esc, the window's close button and reject() all end up here as a rejection.
    connect(this, &QDialog::finished, this, [this] {
        if (!m_decided) {
            m_decided = true;
            emit decided(m_decision);
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString HostKeyTrustDialog::fingerprintText() const
{
    return findChild<QLineEdit *>(QStringLiteral("hostKeyFingerprint"))->text();
}

QString HostKeyTrustDialog::verifyCommandText() const
{
    return findChild<QLineEdit *>(QStringLiteral("hostKeyVerifyCommand"))->text();
}

void HostKeyTrustDialog::setNextDecisionForTesting(std::optional<HostKeyDecision> decision, int times)
{
    s_nextDecision = decision;
    s_nextDecisionTimes = decision ? times : 0;
}

void HostKeyTrustDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (s_nextDecision) {
        const HostKeyDecision decision = *s_nextDecision;
        if (--s_nextDecisionTimes <= 0)
            s_nextDecision.reset();
        QTimer::singleShot(0, this, [this, decision] { decide(decision); });
    }
}

void HostKeyTrustDialog::decide(HostKeyDecision decision)
{
    m_decision = decision;
    if (decision == HostKeyDecision::Reject)
        reject();
    else
        accept();
}

} // namespace SlurmDeck::Ui
