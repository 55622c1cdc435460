// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace SlurmDeck {

// The candidate closest to `word` when it is close enough to be a typo ("adress" ->
// "address", "prot" -> "port"); empty when none is. Case-insensitive.
[[nodiscard]] QString closestSpelling(const QString &word, const QStringList &candidates);

// Optimal string alignment distance: Levenshtein plus adjacent transpositions.
[[nodiscard]] int editDistance(const QString &a, const QString &b);

} // namespace SlurmDeck
