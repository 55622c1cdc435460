// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/PrometheusTypes.h"

#include <QByteArray>
#include <chrono>

namespace SlurmDeck {

// Pure parsing of Prometheus HTTP API (v1) responses of /api/v1/query and /query_range.
// {"status":"success","data":{"resultType":...,"result":...}} -> PromResult;
// {"status":"error","errorType":...,"error":...} -> Error saying what to change.
[[nodiscard]] Result<PromResult> parsePrometheusResponse(const QByteArray &json);

// "NaN", "+Inf", "-Inf", "1.5e+10" -> double; false when the text is not a number.
[[nodiscard]] bool parsePrometheusValue(const QString &text, double *value);

// The API refuses range queries that would return more than this many points per series.
inline constexpr qint64 prometheusMaxPoints = 11000;

// The step (whole seconds, at least 1) for a range query over `range` that gives about
// `wantedPoints` points and never more than prometheusMaxPoints (range/step + 1 points).
[[nodiscard]] std::chrono::seconds stepFor(std::chrono::seconds range, qint64 wantedPoints);

// "15m", "1h30m", "7d", "90s", "2w", "500ms" (rounded up to 1s), or plain seconds "300".
[[nodiscard]] Result<std::chrono::seconds> parsePrometheusDuration(const QString &text);

} // namespace SlurmDeck
