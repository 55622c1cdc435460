// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/ShortcutTable.h"

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace SlurmDeck::Ui {

// Help → Keyboard Shortcuts: every shortcut of the application, filtered as you type.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *filter() const { return m_filter; }
    [[nodiscard]] QTableView *table() const { return m_table; }

private:
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
};

} // namespace SlurmDeck::Ui
