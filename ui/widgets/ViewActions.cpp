// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ViewActions.h"

#include <QAction>
#include <QCoreApplication>
#include <QToolBar>
#include <QWidget>

namespace SlurmDeck::Ui {

QToolBar *makeViewToolbar(QWidget *view, const QString &objectName)
{
    auto *toolbar = new QToolBar(view);
    toolbar->setObjectName(objectName);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return toolbar;
}

QAction *makeViewAction(QObject *parent, QWidget *shortcutOwner, const QString &text, const QString &name,
                        const QKeySequence &shortcut, Qt::ShortcutContext context)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(context);
    const QString plain = QString(text).remove(u'&');
    action->setToolTip(shortcut.isEmpty() ? plain
                                          : QCoreApplication::translate("ViewActions", "%1 (%2)")
                                                .arg(plain, shortcut.toString(QKeySequence::NativeText)));
    shortcutOwner->addAction(action);
    return action;
}

void addToToolbar(QToolBar *toolbar, QAction *action)
{
    toolbar->addAction(action);
}

} // namespace SlurmDeck::Ui
