// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include "ssh/CredentialPrompt.h"
#include "widgets/KeyFileRow.h"
#include "widgets/MessageStyle.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace SlurmDeck::Ui {

CredentialsPage::CredentialsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_user(new QLineEdit(this))
    , m_identity(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("credentialsPage"));
    setTitle(tr("Log in"));
    setSubTitle(tr("How SlurmDeck logs in to every host. Empty fields come from ~/.ssh/config. The user "
                   "needs root or passwordless sudo and Docker on each host."));
    m_user->setObjectName(QStringLiteral("loginUser"));
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else your user name"));
    m_identity->setObjectName(QStringLiteral("loginIdentity"));
    m_identity->setPlaceholderText(tr("from ~/.ssh/config, else ssh's default keys"));
    m_secret->setObjectName(QStringLiteral("loginSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("optional: kept in the OS keychain, never in the cluster file"));
    m_problem->setObjectName(QStringLiteral("credentialsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(MessageStyle::problem());

    QHBoxLayout *identityRow = keyFileRow(this, m_identity);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&User:"), m_user);
    auto *identityLabel = new QLabel(tr("&Identity file:"), this);
    identityLabel->setBuddy(m_identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("Key &passphrase or password:"), m_secret);
    form->addRow(m_problem);

    for (QLineEdit *edit : {m_user, m_identity, m_secret}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_stored = false;
            m_problem->setText(problem());
            emit completeChanged();
        });
    }
}

FirstRunWizard *CredentialsPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void CredentialsPage::initializePage()
{
    if (m_user->text().isEmpty() && !owner()->sshDefaults().user.isEmpty())
        m_user->setText(owner()->sshDefaults().user);
    if (m_identity->text().isEmpty() && !owner()->sshDefaults().identityFile.isEmpty())
        m_identity->setText(owner()->sshDefaults().identityFile);
    m_problem->setText(problem());
}

QString CredentialsPage::problem() const
{
    static const QRegularExpression userPattern(QStringLiteral("^[A-Za-z0-9._-]*$"));
    if (!userPattern.match(m_user->text().trimmed()).hasMatch())
        return tr("A user name has only letters, digits, '.', '_' and '-'.");
    const QString identity = m_identity->text().trimmed();
    if (!identity.isEmpty() && !QFileInfo(QDir::cleanPath(identity)).isFile())
        return tr("There is no key file %1. Choose an existing private key, or leave it empty.")
            .arg(identity);
    return {};
}

bool CredentialsPage::isComplete() const
{
    return !m_storing && problem().isEmpty();
}

bool CredentialsPage::validatePage()
{
    if (!problem().isEmpty() || m_storing)
        return false;
    SshTarget login;
    login.user = m_user->text().trimmed();
    login.identityFile = m_identity->text().trimmed().isEmpty()
                             ? QString()
                             : QFileInfo(m_identity->text().trimmed()).absoluteFilePath();
    owner()->login = login;
    const QByteArray secret = m_secret->text().toUtf8();
    if (secret.isEmpty() || m_stored)
        return true;

    // Where KeychainCredentialPrompt looks: the key's passphrase, else each host's password.
    QStringList keys;
    if (!login.identityFile.isEmpty()) {
        keys << CredentialRequest{CredentialRequest::Kind::KeyPassphrase, {}, login.identityFile, {}}
                    .keychainKey();
    } else {
        for (const QString &target : std::as_const(owner()->pickedTargets)) {
            const QString who = login.user.isEmpty() ? target : login.user + u'@' + target;
            keys << CredentialRequest{CredentialRequest::Kind::Password, who, {}, {}}.keychainKey();
        }
    }
    m_storing = true;
    emit completeChanged();
    auto remaining = std::make_shared<qsizetype>(keys.size());
    auto failed = std::make_shared<QString>();
    for (const QString &key : std::as_const(keys)) {
        owner()->backend().storeSecret(key, secret, this, [this, remaining, failed](Result<void> stored) {
            if (!stored && failed->isEmpty())
                *failed = stored.error().message;
            if (--*remaining > 0)
                return;
            m_storing = false;
            m_stored = failed->isEmpty();
            m_problem->setText(m_stored ? QString()
                                        : tr("Could not keep the secret in the OS keychain: %1. Unlock the "
                                             "keychain, or leave the field empty to be asked when needed.")
                                              .arg(*failed));
            emit completeChanged();
            if (m_stored)
                wizard()->next();
        });
    }
    return false; // Next again once the keychain answered
}

} // namespace SlurmDeck::Ui
