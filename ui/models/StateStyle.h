// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace SlurmDeck {
struct SlurmJob;
struct SlurmNode;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// How node and job states look in the tables: a category per state, a faint row tint that
// works on light and dark bases alike (it is translucent over the palette's base), and a
// stronger text colour for the state cell, picked for the palette's lightness.
namespace StateStyle {

enum class Category {
    Neutral, // unknown, pending, powered down
    Good,    // idle, completed
    Busy,    // allocated, mixed, running
    Warning, // drained or draining, held, cancelled, suspended
    Bad,     // down, failed, not responding, timed out
};

[[nodiscard]] Category nodeCategory(const SlurmNode &node);
[[nodiscard]] Category jobCategory(const SlurmJob &job);

// Whether the application palette is a dark one (its base colour is dark).
[[nodiscard]] bool darkPalette();
// Qt::BackgroundRole for a row: translucent, or invalid for Neutral.
[[nodiscard]] QVariant rowBackground(Category category);
// Qt::ForegroundRole for the state cell: readable on the palette's base.
[[nodiscard]] QVariant stateForeground(Category category, bool dark);
// The same for the application palette now: for the small tables (checks, services, hosts)
// whose state cells are not many enough to cache it.
[[nodiscard]] QVariant foreground(Category category);

} // namespace StateStyle

} // namespace SlurmDeck::Ui
