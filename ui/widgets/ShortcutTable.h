// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QStandardItemModel;
class QObject;

namespace SlurmDeck::Ui {

// One keyboard shortcut of the application: where it works, what it does.
struct ShortcutEntry
{
    QString where;  // "Application", or the view it belongs to ("Nodes")
    QString action; // the action's text without its mnemonic: "Drain…"
    QKeySequence keys;
};

// The actions with a shortcut among `actions`, under `where`.
[[nodiscard]] QList<ShortcutEntry> shortcutsOf(const QString &where, const QList<QAction *> &actions);

// Each key sequence that means different things: "Ctrl+D: Hosts › Discover…, Nodes ›
// Drain…". The same action text under several views (Refresh) is one meaning; so is
// Delete, which removes or cancels the selected rows of the table that has focus.
[[nodiscard]] QStringList shortcutConflicts(const QList<ShortcutEntry> &entries);

// Keys the platforms keep for themselves (macOS: Cmd+H hides the application, Cmd+M
// minimises, Cmd+Option+H hides the others, Cmd+Option+D toggles the Dock), among `entries`.
[[nodiscard]] QStringList platformKeyClashes(const QList<ShortcutEntry> &entries);

// A model of `entries`: Where, Action, Keys (in the platform's notation).
[[nodiscard]] QStandardItemModel *shortcutModel(const QList<ShortcutEntry> &entries, QObject *parent);

} // namespace SlurmDeck::Ui
