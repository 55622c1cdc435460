// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace SlurmDeck::Ui {

// The passphrase that seals a backup's secrets, or opens them: typed twice to seal
// (`Purpose::Seal`), once to open. OK is enabled once it is long enough and both match.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose {
        Seal,
        Unseal
    };

    explicit PassphraseDialog(Purpose purpose, QWidget *parent = nullptr);

    [[nodiscard]] QByteArray passphrase() const;

private:
    void check();

    QLineEdit *m_first;
    QLineEdit *m_again = nullptr; // sealing only
    QLabel *m_hint;
    QPushButton *m_ok = nullptr;
};

} // namespace SlurmDeck::Ui
