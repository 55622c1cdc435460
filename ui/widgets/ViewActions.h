// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAction>
#include <QKeySequence>
#include <QObject>
#include <QString>

class QToolBar;
class QWidget;

namespace SlurmDeck::Ui {

// A view's text-only toolbar, named for tests and style sheets.
[[nodiscard]] QToolBar *makeViewToolbar(QWidget *view, const QString &objectName);

// An action owned by `parent` whose shortcut works while `shortcutOwner` is shown
// (Qt::WindowShortcut on a view: while it is the current area) or has focus
// (Qt::WidgetShortcut on a table), with a tooltip that names the shortcut.
[[nodiscard]] QAction *makeViewAction(QObject *parent, QWidget *shortcutOwner, const QString &text,
                                      const QString &name, const QKeySequence &shortcut,
                                      Qt::ShortcutContext context = Qt::WindowShortcut);

void addToToolbar(QToolBar *toolbar, QAction *action);

// makeViewAction on `view`, triggering `slot` of `view`, shown on `toolbar` (when given).
template<typename View, typename Slot>
QAction *addViewAction(View *view, QToolBar *toolbar, const QString &text, const QString &name,
                       const QKeySequence &shortcut, Slot slot)
{
    QAction *action = makeViewAction(view, view, text, name, shortcut);
    QObject::connect(action, &QAction::triggered, view, slot);
    if (toolbar)
        addToToolbar(toolbar, action);
    return action;
}

} // namespace SlurmDeck::Ui
