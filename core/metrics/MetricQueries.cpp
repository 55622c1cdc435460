// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricQueries.h"

#include "inventory/Cluster.h"

#include <algorithm>

namespace SlurmDeck {

namespace {

const QString series = QString::fromUtf16(metricSeriesLabel);

// `expression` (already aggregated to no labels) with series="name".
QString named(const QString &expression, const QString &name)
{
    return QStringLiteral("label_replace(%1, \"%2\", \"%3\", \"\", \"\")").arg(expression, series, name);
}

// `expression` (aggregated by `label`) with series="<label's value><suffix>".
QString byLabel(const QString &expression, const QString &label, const QString &suffix = {})
{
    return QStringLiteral("label_replace(%1, \"%2\", \"$1%3\", \"%4\", \"(.+)\")")
        .arg(expression, series, suffix, label);
}

// aggregation of `inner` to the cluster total (named "cluster") or one series per node.
QString aggregate(const QString &aggregation, const QString &inner, ChartScope scope)
{
    if (scope == ChartScope::Cluster)
        return named(QStringLiteral("%1(%2)").arg(aggregation, inner), QStringLiteral("cluster"));
    return byLabel(QStringLiteral("%1 by (node) (%2)").arg(aggregation, inner), QStringLiteral("node"));
}

} // namespace

QList<ChartMetric> allChartMetrics()
{
    return {ChartMetric::CpuUsage,  ChartMetric::MemoryUsage, ChartMetric::Load,
            ChartMetric::SlurmCpus, ChartMetric::SlurmJobs,   ChartMetric::GpuUtilisation,
            ChartMetric::GpuMemory};
}

MetricQuery metricQuery(ChartMetric metric, ChartScope scope, std::chrono::seconds step)
{
    const qint64 window = std::max<qint64>(120, 2 * step.count());
    const bool perNode = scope == ChartScope::PerNode;
    switch (metric) {
    case ChartMetric::CpuUsage: {
        const QString idle = QStringLiteral("rate(node_cpu_seconds_total{mode=\"idle\"}[%1s])").arg(window);
        const QString busy = perNode ? QStringLiteral("100 * (1 - avg by (node) (%1))").arg(idle)
                                     : QStringLiteral("100 * (1 - avg(%1))").arg(idle);
        return {perNode ? byLabel(busy, QStringLiteral("node")) : named(busy, QStringLiteral("cluster")),
                series, QStringLiteral("%"), perNode};
    }
    case ChartMetric::MemoryUsage: {
        const QString by = perNode ? QStringLiteral(" by (node) ") : QString();
        const QString used = QStringLiteral("100 * (1 - sum%1(node_memory_MemAvailable_bytes) / "
                                            "sum%1(node_memory_MemTotal_bytes))")
                                 .arg(by);
        return {perNode ? byLabel(used, QStringLiteral("node")) : named(used, QStringLiteral("cluster")),
                series, QStringLiteral("%"), perNode};
    }
    case ChartMetric::Load:
        return {aggregate(QStringLiteral("sum"), QStringLiteral("node_load1"), scope), series,
                QStringLiteral("load"), perNode};
    case ChartMetric::SlurmCpus:
        // slurm_node_cpu_*{node} comes through the controller's node_exporter, whose scrape
        // label `node` wins: Prometheus keeps the exporter's one as exported_node.
        if (perNode) {
            return {byLabel(QStringLiteral("sum by (exported_node) (slurm_node_cpu_alloc)"),
                            QStringLiteral("exported_node"), QStringLiteral(" allocated")) +
                        QStringLiteral(" or ") +
                        byLabel(QStringLiteral("sum by (exported_node) (slurm_node_cpu_idle)"),
                                QStringLiteral("exported_node"), QStringLiteral(" idle")),
                    series, QStringLiteral("CPUs"), true};
        }
        return {named(QStringLiteral("sum(slurm_cpus_alloc)"), QStringLiteral("allocated")) +
                    QStringLiteral(" or ") +
                    named(QStringLiteral("sum(slurm_cpus_idle)"), QStringLiteral("idle")),
                series, QStringLiteral("CPUs"), false};
    case ChartMetric::SlurmJobs:
        // The queue has no per-node breakdown: the same totals at either scope.
        return {named(QStringLiteral("sum(slurm_queue_pending)"), QStringLiteral("pending")) +
                    QStringLiteral(" or ") +
                    named(QStringLiteral("sum(slurm_queue_running)"), QStringLiteral("running")),
                series, QStringLiteral("jobs"), false};
    case ChartMetric::GpuUtilisation:
        return {aggregate(QStringLiteral("avg"),
                          QStringLiteral("nvidia_smi_utilization_gpu_ratio * 100 or DCGM_FI_DEV_GPU_UTIL"),
                          scope),
                series, QStringLiteral("%"), perNode};
    case ChartMetric::GpuMemory:
        // DCGM reports MiB, nvidia_gpu_exporter bytes.
        return {aggregate(QStringLiteral("sum"),
                          QStringLiteral("nvidia_smi_memory_used_bytes / 1073741824 or "
                                         "DCGM_FI_DEV_FB_USED / 1024"),
                          scope),
                series, QStringLiteral("GiB"), perNode};
    }
    return {};
}

QUrl prometheusUrl(const Cluster &cluster)
{
    const QList<Host> monitoring = cluster.hostsWithRole(HostRole::Monitoring);
    if (monitoring.isEmpty() || monitoring.first().address.isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(monitoring.first().address);
    url.setPort(9090);
    return url;
}

} // namespace SlurmDeck
