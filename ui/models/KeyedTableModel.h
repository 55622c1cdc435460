#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <bit>
#include <memory>
#include <vector>

namespace SlurmDeck::Ui {

// What one refresh of a keyed table did.
struct RowUpdateStats
{
    int inserted = 0;
    int removed = 0;
    int changed = 0;
    int dataChangedSignals = 0;
};

// Base of the live tables (nodes, the job queue, the job history), refreshed with a whole
// new list every poll. Rows are matched by a key (node name, job id) and only the
// difference is signalled: rows whose key is gone are removed (contiguous runs at once),
// kept rows stay where they are and get dataChanged over just the columns that changed,
// and new rows are appended in one insert. No reset and no moves, so selection, current
// index and scroll position survive, and a sorting proxy only re-examines what changed.
// Linear in the number of rows (hash lookups), unlike RowDiff's order-preserving walk:
// the order of the source rows does not matter under a sorting proxy.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyedTableModel)

public:
    ~KeyedTableModel() override = default;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    // The row with this key, or -1.
    [[nodiscard]] int rowOfKey(const QString &key) const { return m_rowByKey.value(key, -1); }
    [[nodiscard]] const RowUpdateStats &lastUpdate() const { return m_lastUpdate; }

protected:
    // Bit c set: column c changed. Zero means "something not shown changed": every column.
    using ColumnMask = quint64;
    static constexpr ColumnMask column(int c) { return ColumnMask(1) << c; }

    explicit KeyedTableModel(QObject *parent) : QAbstractTableModel(parent) {}

    // Makes `rows` hold `wanted` (by key; with repeated keys the first wins). `keyOf(row)`
    // gives a row's key, `changedColumns(old, new)` the columns that differ.
    template<typename T, typename KeyOf, typename ChangedColumns>
    void applyKeyedRows(std::vector<std::unique_ptr<T>> &rows, const QList<T> &wanted, KeyOf keyOf,
                        ChangedColumns changedColumns);

private:
    void emitChanged(int firstRow, int lastRow, ColumnMask columns);
    void setRowCountCache(int rows) { m_rowCount = rows; }

    QHash<QString, int> m_rowByKey;
    RowUpdateStats m_lastUpdate;
    int m_rowCount = 0;
};

template<typename T, typename KeyOf, typename ChangedColumns>
void KeyedTableModel::applyKeyedRows(std::vector<std::unique_ptr<T>> &rows, const QList<T> &wanted,
                                     KeyOf keyOf, ChangedColumns changedColumns)
{
    RowUpdateStats stats;
    QHash<QString, qsizetype> wantedByKey;
    wantedByKey.reserve(wanted.size());
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString &key = keyOf(wanted.at(i));
        if (!wantedByKey.contains(key))
            wantedByKey.insert(key, i);
    }

    // Kept rows take their new values; runs of adjacent changed rows share one signal.
    std::vector<char> used(static_cast<size_t>(wanted.size()), 0);
    std::vector<char> gone(rows.size(), 0);
    int runFirst = -1;
    int runLast = -1;
    ColumnMask runColumns = 0;
    const auto flush = [&] {
        if (runFirst < 0)
            return;
        emitChanged(runFirst, runLast, runColumns);
        ++stats.dataChangedSignals;
        runFirst = -1;
    };
    for (size_t row = 0; row < rows.size(); ++row) {
        const auto found = wantedByKey.constFind(keyOf(*rows[row]));
        if (found == wantedByKey.cend() || used[static_cast<size_t>(*found)]) {
            gone[row] = 1;
            continue;
        }
        used[static_cast<size_t>(*found)] = 1;
        const T &target = wanted.at(*found);
        if (*rows[row] == target)
            continue;
        const ColumnMask columns = changedColumns(*rows[row], target);
        *rows[row] = target;
        ++stats.changed;
        const int r = static_cast<int>(row);
        if (runFirst >= 0 && r == runLast + 1) {
            runLast = r;
            runColumns = (runColumns == 0 || columns == 0) ? 0 : runColumns | columns;
        } else {
            flush();
            runFirst = runLast = r;
            runColumns = columns;
        }
    }
    flush();

    // Gone rows, bottom up in contiguous runs so the remaining indexes stay valid.
    for (qsizetype row = static_cast<qsizetype>(rows.size()) - 1; row >= 0; --row) {
        if (!gone[static_cast<size_t>(row)])
            continue;
        const qsizetype last = row;
        while (row > 0 && gone[static_cast<size_t>(row - 1)])
            --row;
        beginRemoveRows({}, static_cast<int>(row), static_cast<int>(last));
        rows.erase(rows.begin() + row, rows.begin() + last + 1);
        setRowCountCache(static_cast<int>(rows.size()));
        endRemoveRows();
        stats.removed += static_cast<int>(last - row + 1);
    }

    // New rows, in the wanted order, appended at once.
    std::vector<qsizetype> arrivals;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (!used[static_cast<size_t>(i)] && wantedByKey.value(keyOf(wanted.at(i))) == i)
            arrivals.push_back(i);
    }
    if (!arrivals.empty()) {
        const int first = static_cast<int>(rows.size());
        beginInsertRows({}, first, first + static_cast<int>(arrivals.size()) - 1);
        rows.reserve(rows.size() + arrivals.size());
        for (const qsizetype i : arrivals)
            rows.push_back(std::make_unique<T>(wanted.at(i)));
        setRowCountCache(static_cast<int>(rows.size()));
        endInsertRows();
        stats.inserted = static_cast<int>(arrivals.size());
    }

    if (stats.inserted || stats.removed) {
        m_rowByKey.clear();
        m_rowByKey.reserve(static_cast<qsizetype>(rows.size()));
        for (size_t row = 0; row < rows.size(); ++row)
            m_rowByKey.insert(keyOf(*rows[row]), static_cast<int>(row));
    }
    m_lastUpdate = stats;
}

} // namespace SlurmDeck::Ui
