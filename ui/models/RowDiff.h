// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <functional>

namespace SlurmDeck::Ui {

// How a model wraps the row changes applyRowDiff makes (begin/end pairs around each one,
// under whatever parent the rows belong to), and tells views a kept row changed.
struct RowDiffHooks
{
    std::function<void(int row)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int row)> beginInsert;
    std::function<void()> endInsert;
    std::function<void(int from, int to)> beginMove; // `to` < `from`: a row moves up
    std::function<void()> endMove;
    std::function<void(int row)> changed;
};

// Turns `current` into `wanted` with the fewest row signals: rows are matched by `key`;
// rows whose key is gone are removed, the rest are moved or inserted into wanted order, and
// `update(existing, wanted)` merges a kept row (returning whether it changed). Models refresh
// with this instead of a reset, so selection, expansion and scroll survive.
template<typename T, typename KeyOf, typename Update>
void applyRowDiff(QList<T> &current, const QList<T> &wanted, KeyOf key, Update update,
                  const RowDiffHooks &hooks)
{
    const auto indexIn = [&key](const QList<T> &rows, const auto &wantedKey, qsizetype from) -> qsizetype {
        for (qsizetype i = from; i < rows.size(); ++i) {
            if (key(rows.at(i)) == wantedKey)
                return i;
        }
        return -1;
    };
    // Gone rows, bottom up so the remaining indexes stay valid.
    for (qsizetype row = current.size() - 1; row >= 0; --row) {
        if (indexIn(wanted, key(current.at(row)), 0) < 0) {
            hooks.beginRemove(static_cast<int>(row));
            current.removeAt(row);
            hooks.endRemove();
        }
    }
    for (qsizetype row = 0; row < wanted.size(); ++row) {
        const T &target = wanted.at(row);
        if (row >= current.size() || key(current.at(row)) != key(target)) {
            const qsizetype existing = indexIn(current, key(target), row + 1);
            if (existing >= 0) {
                hooks.beginMove(static_cast<int>(existing), static_cast<int>(row));
                current.move(existing, row);
                hooks.endMove();
            } else {
                hooks.beginInsert(static_cast<int>(row));
                current.insert(row, target);
                hooks.endInsert();
                continue;
            }
        }
        if (update(current[row], target))
            hooks.changed(static_cast<int>(row));
    }
    // Left over only when keys repeat.
    while (current.size() > wanted.size()) {
        hooks.beginRemove(static_cast<int>(current.size() - 1));
        current.removeLast();
        hooks.endRemove();
    }
}

} // namespace SlurmDeck::Ui
