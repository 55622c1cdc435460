// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

#include <chrono>

namespace SlurmDeck::DurationText {

// "30m", "2h", "7d", "1w", "45s", "1h30m" -> seconds. A number needs its unit; zero,
// negative and more than a year are errors naming what to give.
[[nodiscard]] Result<std::chrono::seconds> parse(const QString &text);

// An age for people: "0 s", "42 s", "5 min", "3 h 12 min", "2 d 4 h"; negative: "-" (never).
[[nodiscard]] QString formatAge(qint64 milliseconds);

// A length of time like Slurm's elapsed column: "1-02:03:04", "02:03:04", "03:04".
[[nodiscard]] QString formatElapsed(qint64 seconds);

} // namespace SlurmDeck::DurationText
