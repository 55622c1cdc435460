// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/PrometheusTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// One GPU at one moment. A reading the tool could not give ("[N/A]", "[Not Supported]",
// empty, NaN) is std::nullopt, never 0.
struct GpuReading
{
    QString host; // Prometheus: the "node" label SlurmDeck's prometheus.yml sets, else Hostname (dcgm), else
                  // the instance without port; nvidia-smi: filled by the caller
    int index = -1;
    QString uuid;
    QString name;
    std::optional<double> utilizationPercent; // 0..100
    std::optional<double> memoryUsedMiB;
    std::optional<double> memoryTotalMiB;
    std::optional<double> temperatureC;
    std::optional<double> powerW;

    friend bool operator==(const GpuReading &, const GpuReading &) = default;
};

struct GpuParse
{
    QList<GpuReading> gpus;
    QStringList warnings; // lines or series that were skipped, and why
};

// The query SlurmDeck runs when no GPU exporter is deployed.
[[nodiscard]] QString nvidiaSmiQueryCommand();

// Output of `nvidia-smi --query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total,
// temperature.gpu,power.draw --format=csv[,noheader][,nounits]`. With a header line the
// columns are taken from it (any order, extra columns ignored); without one, the order
// above. Units ("45 %", "1234 MiB", "250.00 W") are accepted. Never fails on odd values;
// fails only when nvidia-smi printed an error instead of a table.
[[nodiscard]] Result<GpuParse> parseNvidiaSmiCsv(const QString &text);

// PromQL selecting every GPU series SlurmDeck understands (nvidia_gpu_exporter names as
// written by the monitoring image's gpu-exporter, and dcgm-exporter names).
[[nodiscard]] QString gpuSeriesQuery();

// A vector result of gpuSeriesQuery() (series carry __name__) -> one reading per GPU, keyed by
// host and UUID (or index), sorted by host then index.
[[nodiscard]] GpuParse parseGpuSeries(const PromResult &result);

} // namespace SlurmDeck
