// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/SpellingSuggestion.h"

#include <algorithm>
#include <vector>

namespace SlurmDeck {

int editDistance(const QString &a, const QString &b)
{
    const qsizetype rows = a.size() + 1;
    const qsizetype columns = b.size() + 1;
    std::vector<int> d(static_cast<size_t>(rows * columns));
    const auto at = [columns, &d](qsizetype i, qsizetype j) -> int & {
        return d[static_cast<size_t>(i * columns + j)];
    };
    for (qsizetype i = 0; i < rows; ++i)
        at(i, 0) = static_cast<int>(i);
    for (qsizetype j = 0; j < columns; ++j)
        at(0, j) = static_cast<int>(j);
    for (qsizetype i = 1; i < rows; ++i) {
        for (qsizetype j = 1; j < columns; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, columns - 1);
}

QString closestSpelling(const QString &word, const QStringList &candidates)
{
    const QString needle = word.toLower();
    QString best;
    int bestDistance = 0;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(needle, candidate.toLower());
        // Short words tolerate one slip, longer ones two: more would suggest unrelated keys.
        const int tolerance = candidate.size() <= 4 ? 1 : 2;
        if (distance > tolerance || distance >= candidate.size())
            continue;
        if (best.isEmpty() || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace SlurmDeck
