// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ShortcutTable.h"

#include <QAction>
#include <QHash>
#include <QObject>
#include <QStandardItemModel>

namespace SlurmDeck::Ui {

namespace {

QString plainText(QString text)
{
    // "&&" is a literal ampersand; a single '&' marks the mnemonic.
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text.trimmed();
}

QString sameMeaning(const QString &action)
{
    QString text = action;
    text.remove(QChar(0x2026)); // "Drain…" and "Drain" mean the same
    return text.trimmed().toLower();
}

} // namespace

QList<ShortcutEntry> shortcutsOf(const QString &where, const QList<QAction *> &actions)
{
    QList<ShortcutEntry> entries;
    for (const QAction *action : actions) {
        for (const QKeySequence &keys : action->shortcuts()) {
            if (!keys.isEmpty())
                entries.append({where, plainText(action->text()), keys});
        }
    }
    return entries;
}

QStringList shortcutConflicts(const QList<ShortcutEntry> &entries)
{
    QHash<QKeySequence, QList<ShortcutEntry>> byKeys;
    QList<QKeySequence> order;
    for (const ShortcutEntry &entry : entries) {
        if (!byKeys.contains(entry.keys))
            order << entry.keys;
        byKeys[entry.keys] << entry;
    }
    const QKeySequence selectionDelete(QKeySequence::Delete);
    QStringList conflicts;
    for (const QKeySequence &keys : std::as_const(order)) {
        const QList<ShortcutEntry> &uses = byKeys[keys];
        bool different = false;
        for (const ShortcutEntry &use : uses)
            different = different || sameMeaning(use.action) != sameMeaning(uses.first().action);
        if (!different || keys == selectionDelete)
            continue;
        QStringList where;
        for (const ShortcutEntry &use : uses)
            where << use.where + QStringLiteral(" \u203a ") + use.action;
        conflicts << keys.toString(QKeySequence::PortableText) + QStringLiteral(": ") +
                         where.join(QStringLiteral(", "));
    }
    return conflicts;
}

QStringList platformKeyClashes(const QList<ShortcutEntry> &entries)
{
    // Qt::CTRL is Cmd on macOS, Qt::ALT is Option.
    const QList<QKeySequence> reserved{QKeySequence(Qt::CTRL | Qt::Key_H),
                                       QKeySequence(Qt::CTRL | Qt::Key_M),
                                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H),
                                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D),
                                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Escape),
                                       QKeySequence(Qt::CTRL | Qt::Key_Space),
                                       QKeySequence(Qt::CTRL | Qt::Key_Tab)};
    QStringList clashes;
    for (const ShortcutEntry &entry : entries) {
        if (reserved.contains(entry.keys))
            clashes << entry.keys.toString(QKeySequence::PortableText) + QStringLiteral(": ") + entry.where +
                           QStringLiteral(" \u203a ") + entry.action;
    }
    return clashes;
}

QStandardItemModel *shortcutModel(const QList<ShortcutEntry> &entries, QObject *parent)
{
    auto *model = new QStandardItemModel(0, 3, parent);
    model->setHorizontalHeaderLabels({QObject::tr("Where"), QObject::tr("Action"), QObject::tr("Keys")});
    for (const ShortcutEntry &entry : entries) {
        QList<QStandardItem *> row{new QStandardItem(entry.where), new QStandardItem(entry.action),
                                   new QStandardItem(entry.keys.toString(QKeySequence::NativeText))};
        for (QStandardItem *item : row)
            item->setEditable(false);
        model->appendRow(row);
    }
    return model;
}

} // namespace SlurmDeck::Ui
