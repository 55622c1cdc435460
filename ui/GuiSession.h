// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace SlurmDeck {
class ClusterDocument;
class ClusterSession;
} // namespace SlurmDeck

class QWidget;

namespace SlurmDeck::Ui {

// The GUI's session on `document`'s cluster (following its edits), owned by `owner`: host
// keys asked in a trust dialog over `owner`, passphrases and passwords from the OS keychain,
// else asked in a dialog. The main window makes one and gives it to every view; a view on its
// own (the first-run wizard's) makes its own.
[[nodiscard]] ClusterSession *makeGuiSession(const ClusterDocument *document, QWidget *owner);

} // namespace SlurmDeck::Ui
