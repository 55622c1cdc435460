// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>

namespace SlurmDeck {

struct Cluster;

// What the Metrics view charts. Names follow the exporters SlurmDeck deploys
// (compose-templates): node_exporter, the slurm-exporter textfile script (vpenso names)
// and the GPU exporter (nvidia_gpu_exporter names, DCGM names as an alternative).
enum class ChartMetric {
    CpuUsage,       // % busy (node_cpu_seconds_total)
    MemoryUsage,    // % used (node_memory_MemAvailable_bytes / MemTotal)
    Load,           // node_load1
    SlurmCpus,      // allocated and idle CPUs (slurm_cpus_* / slurm_node_cpu_*)
    SlurmJobs,      // pending and running jobs (slurm_queue_*)
    GpuUtilisation, // % (nvidia_smi_utilization_gpu_ratio or DCGM_FI_DEV_GPU_UTIL)
    GpuMemory,      // GiB used (nvidia_smi_memory_used_bytes or DCGM_FI_DEV_FB_USED)
};

enum class ChartScope {
    Cluster, // one total per quantity
    PerNode  // one series per node (per node and quantity for the Slurm CPUs)
};

[[nodiscard]] QList<ChartMetric> allChartMetrics();

// One range query: every series it returns carries the label `seriesLabel` with the
// series' display name ("cluster", a node name, "allocated", "worker1 idle", ...).
struct MetricQuery
{
    QString promql;
    QString seriesLabel;
    QString unit;         // axis title: "%", "load", "CPUs", "jobs", "GiB"
    bool perNode = false; // false where the scope has no per-node breakdown (jobs)
    friend bool operator==(const MetricQuery &, const MetricQuery &) = default;
};

// The label every MetricQuery names its series by.
inline constexpr char16_t metricSeriesLabel[] = u"series";

// The PromQL for `metric` at `scope`, for a range chart sampled every `step`: rates are
// taken over max(2 min, 2 × step) so a long range does not skip samples.
[[nodiscard]] MetricQuery metricQuery(ChartMetric metric, ChartScope scope, std::chrono::seconds step);

// The deployed cluster's Prometheus as a plain HTTP URL: http://MONITORING-HOST:9090 (the
// first host with the monitoring role, its address as the cluster file writes it); empty
// when no host has that role. For a browser on the same network: SlurmDeck itself queries
// through the monitoring host's SSH connection (prometheusOverSsh).
[[nodiscard]] QUrl prometheusUrl(const Cluster &cluster);

} // namespace SlurmDeck
