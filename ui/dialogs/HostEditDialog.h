// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Host.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SlurmDeck::Ui {

// Edits one host of the cluster. OK stays disabled while the input is invalid, and the
// reason is shown above the buttons. Detected facts are kept as they are.
class HostEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostEditDialog)

public:
    // `takenNames`: the other hosts' names (the edited host's own name excluded).
    HostEditDialog(const Host &host, const QStringList &takenNames, QWidget *parent = nullptr);

    [[nodiscard]] Host host() const;
    [[nodiscard]] QString originalName() const { return m_original.name; }
    // Empty while the input is valid.
    [[nodiscard]] QString problem() const;

private:
    void validate();

    Host m_original;
    QStringList m_takenNames;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_user;
    QSpinBox *m_port;
    QLineEdit *m_identity;
    QComboBox *m_platform;
    QHash<int, QCheckBox *> m_roleBoxes; // by HostRole value
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace SlurmDeck::Ui
