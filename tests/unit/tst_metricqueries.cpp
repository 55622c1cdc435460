// SPDX-License-Identifier: GPL-3.0-or-later
// metricQuery(): the PromQL behind each chart of the Metrics view, per scope, with the
// exporters' real metric names and a rate window that grows with the step.
#include "inventory/Cluster.h"
#include "metrics/MetricQueries.h"

#include <QTest>

using namespace SlurmDeck;
using namespace std::chrono_literals;

class TestMetricQueries : public QObject
{
    Q_OBJECT

private slots:
    void cpuClusterAndPerNode()
    {
        const MetricQuery cluster = metricQuery(ChartMetric::CpuUsage, ChartScope::Cluster, 15s);
        QCOMPARE(cluster.promql,
                 QStringLiteral(
                     "label_replace(100 * (1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[120s]))), "
                     "\"series\", \"cluster\", \"\", \"\")"));
        QCOMPARE(cluster.seriesLabel, QStringLiteral("series"));
        QCOMPARE(cluster.unit, QStringLiteral("%"));
        QVERIFY(!cluster.perNode);

        const MetricQuery node = metricQuery(ChartMetric::CpuUsage, ChartScope::PerNode, 15s);
        QCOMPARE(node.promql, QStringLiteral("label_replace(100 * (1 - avg by (node) "
                                             "(rate(node_cpu_seconds_total{mode=\"idle\"}[120s]))), "
                                             "\"series\", \"$1\", \"node\", \"(.+)\")"));
        QVERIFY(node.perNode);
    }

    void rateWindowFollowsStep()
    {
        // 7 days in 300 points: a step of 2016 s, a window of two steps.
        QVERIFY(metricQuery(ChartMetric::CpuUsage, ChartScope::Cluster, 2016s).promql.contains(u"[4032s]"));
        QVERIFY(metricQuery(ChartMetric::CpuUsage, ChartScope::Cluster, 3s).promql.contains(u"[120s]"));
    }

    void memoryAndLoad()
    {
        QCOMPARE(metricQuery(ChartMetric::MemoryUsage, ChartScope::Cluster, 15s).promql,
                 QStringLiteral("label_replace(100 * (1 - sum(node_memory_MemAvailable_bytes) / "
                                "sum(node_memory_MemTotal_bytes)), \"series\", \"cluster\", \"\", \"\")"));
        QVERIFY(metricQuery(ChartMetric::MemoryUsage, ChartScope::PerNode, 15s)
                    .promql.contains(u"sum by (node) (node_memory_MemAvailable_bytes)"));
        QCOMPARE(metricQuery(ChartMetric::Load, ChartScope::Cluster, 15s).promql,
                 QStringLiteral("label_replace(sum(node_load1), \"series\", \"cluster\", \"\", \"\")"));
        QCOMPARE(metricQuery(ChartMetric::Load, ChartScope::PerNode, 15s).promql,
                 QStringLiteral(
                     "label_replace(sum by (node) (node_load1), \"series\", \"$1\", \"node\", \"(.+)\")"));
        QCOMPARE(metricQuery(ChartMetric::Load, ChartScope::PerNode, 15s).unit, QStringLiteral("load"));
    }

    void slurmMetrics()
    {
        const MetricQuery cpus = metricQuery(ChartMetric::SlurmCpus, ChartScope::Cluster, 15s);
        QCOMPARE(
            cpus.promql,
            QStringLiteral("label_replace(sum(slurm_cpus_alloc), \"series\", \"allocated\", \"\", \"\") or "
                           "label_replace(sum(slurm_cpus_idle), \"series\", \"idle\", \"\", \"\")"));
        QCOMPARE(cpus.unit, QStringLiteral("CPUs"));
        const MetricQuery perNode = metricQuery(ChartMetric::SlurmCpus, ChartScope::PerNode, 15s);
        QVERIFY(perNode.promql.contains(u"sum by (exported_node) (slurm_node_cpu_alloc)"));
        QVERIFY(perNode.promql.contains(u"\"$1 idle\", \"exported_node\""));
        QVERIFY(perNode.perNode);

        const MetricQuery jobs = metricQuery(ChartMetric::SlurmJobs, ChartScope::Cluster, 15s);
        QCOMPARE(
            jobs.promql,
            QStringLiteral("label_replace(sum(slurm_queue_pending), \"series\", \"pending\", \"\", \"\") or "
                           "label_replace(sum(slurm_queue_running), \"series\", \"running\", \"\", \"\")"));
        // No per-node breakdown of the queue: the same totals.
        QCOMPARE(metricQuery(ChartMetric::SlurmJobs, ChartScope::PerNode, 15s), jobs);
    }

    void gpuMetrics()
    {
        QCOMPARE(metricQuery(ChartMetric::GpuUtilisation, ChartScope::PerNode, 15s).promql,
                 QStringLiteral("label_replace(avg by (node) (nvidia_smi_utilization_gpu_ratio * 100 or "
                                "DCGM_FI_DEV_GPU_UTIL), \"series\", \"$1\", \"node\", \"(.+)\")"));
        const MetricQuery memory = metricQuery(ChartMetric::GpuMemory, ChartScope::Cluster, 15s);
        QVERIFY(memory.promql.contains(
            u"sum(nvidia_smi_memory_used_bytes / 1073741824 or DCGM_FI_DEV_FB_USED / 1024)"));
        QCOMPARE(memory.unit, QStringLiteral("GiB"));
    }

    void prometheusOfTheMonitoringHost()
    {
        Cluster cluster;
        QVERIFY(prometheusUrl(cluster).isEmpty());
        Host worker;
        worker.name = QStringLiteral("w1");
        worker.address = QStringLiteral("10.0.0.2");
        worker.roles = HostRole::Compute;
        cluster.hosts << worker;
        QVERIFY(prometheusUrl(cluster).isEmpty());
        Host primary;
        primary.name = QStringLiteral("p");
        primary.address = QStringLiteral("10.0.0.1");
        primary.roles = HostRoles(HostRole::Controller) | HostRole::Monitoring;
        cluster.hosts << primary;
        QCOMPARE(prometheusUrl(cluster), QUrl(QStringLiteral("http://10.0.0.1:9090")));
    }

    void everyMetricHasAQuery()
    {
        QCOMPARE(allChartMetrics().size(), 7);
        for (const ChartMetric metric : allChartMetrics()) {
            for (const ChartScope scope : {ChartScope::Cluster, ChartScope::PerNode}) {
                const MetricQuery q = metricQuery(metric, scope, 60s);
                QVERIFY(!q.promql.isEmpty());
                QVERIFY(q.promql.contains(u"\"series\""));
                QVERIFY(!q.unit.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricQueries)
#include "tst_metricqueries.moc"
