// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/KeyedTableModel.h"

namespace SlurmDeck::Ui {

int KeyedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

void KeyedTableModel::emitChanged(int firstRow, int lastRow, ColumnMask columns)
{
    const int lastColumn = columnCount() - 1;
    if (columns == 0) {
        emit dataChanged(index(firstRow, 0), index(lastRow, lastColumn));
        return;
    }
    const int first = std::countr_zero(columns);
    const int last = std::min(lastColumn, 63 - std::countl_zero(columns));
    emit dataChanged(index(firstRow, first), index(lastRow, last));
}

} // namespace SlurmDeck::Ui
