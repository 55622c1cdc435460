// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QHBoxLayout;
class QLineEdit;
class QWidget;

namespace SlurmDeck::Ui {

// The row for an SSH private key file: `identity` (the path, editable) and a "Browse…" button
// that opens a non-blocking file dialog over `dialogParent` and puts the chosen file there.
[[nodiscard]] QHBoxLayout *keyFileRow(QWidget *dialogParent, QLineEdit *identity);

} // namespace SlurmDeck::Ui
