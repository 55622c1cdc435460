// SPDX-License-Identifier: GPL-3.0-or-later
// A Prometheus HTTP API response, then what the GPU view and the CSV export make of it.
#include "FuzzInput.h"
#include "metrics/GpuParsers.h"
#include "metrics/MetricsCsv.h"
#include "metrics/PrometheusParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const Result<PromResult> result = parsePrometheusResponse(Fuzz::bytes(data, size));
    if (result) {
        (void)parseGpuSeries(*result);
        (void)metricsCsv(*result, QStringLiteral("instance"));
    }
    return 0;
}
