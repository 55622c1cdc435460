// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/KeychainCredentialPrompt.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;

namespace SlurmDeck::Ui {

// Asks for a key passphrase or a password, and whether SlurmDeck may keep it in the OS
// keychain (off by default). Opened with open(); the answer arrives through answered().
class SecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretDialog)

public:
    explicit SecretDialog(const CredentialRequest &request, QWidget *parent = nullptr);

    // Test seam: the next dialog answers itself with this right after it is shown.
    static void setNextAnswerForTesting(std::optional<std::optional<SecretAnswer>> answer);

signals:
    void answered(const std::optional<SlurmDeck::SecretAnswer> &answer);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QLineEdit *m_secret;
    QCheckBox *m_remember;
    bool m_answered = false;
};

} // namespace SlurmDeck::Ui
