// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/PrometheusTypes.h"

#include <QString>

namespace SlurmDeck {

// A series' display name: `nameLabel`'s value when it has one (e.g. "node"), else the
// __name__{labels} form.
[[nodiscard]] QString seriesDisplayName(const PromSeries &series, const QString &nameLabel = {});

// A range result as CSV (RFC 4180): a "time" column (ISO 8601 UTC) and one column per series,
// one row per timestamp any series has; a missing sample is an empty cell, NaN/±Inf as
// Prometheus writes them.
[[nodiscard]] QString metricsCsv(const PromResult &result, const QString &nameLabel = {});

} // namespace SlurmDeck
