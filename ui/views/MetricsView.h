// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/MetricQueries.h"
#include "metrics/PrometheusTypes.h"
#include "views/AreaView.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QComboBox;
class QLabel;
class QPushButton;

namespace SlurmDeck {
class PrometheusClient;
}

namespace SlurmDeck::Ui {

class StaleBanner;
class TimeSeriesChart;

// Prometheus charts of the cluster as a dashboard: a grid with a chart per metric (CPU,
// memory, load, Slurm CPUs and jobs, GPU use and memory) over one shared time range, each
// as a cluster total or one series per node. One chart is selected (click it, or the Chart
// selector): CSV export writes its data; PNG export draws the whole grid. Polls on a timer;
// while Prometheus fails, the last data stays with a stale banner, and the next answer
// clears it.
class MetricsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsView)

public:
    explicit MetricsView(QWidget *parent = nullptr);
    ~MetricsView() override;

    [[nodiscard]] std::chrono::seconds timeRange() const;
    void setTimeRange(std::chrono::seconds range); // one of the selector's ranges
    // The selected chart.
    [[nodiscard]] SlurmDeck::ChartMetric metric() const;
    void setMetric(SlurmDeck::ChartMetric metric);
    [[nodiscard]] SlurmDeck::ChartScope scope() const;
    void setScope(SlurmDeck::ChartScope scope);
    // The query of the selected chart (its step from stepFor over the range).
    [[nodiscard]] SlurmDeck::MetricQuery currentQuery() const;
    [[nodiscard]] SlurmDeck::MetricQuery queryFor(SlurmDeck::ChartMetric metric) const;
    // The selected chart, and any chart of the grid.
    [[nodiscard]] TimeSeriesChart *chart() const { return chartFor(metric()); }
    [[nodiscard]] TimeSeriesChart *chartFor(SlurmDeck::ChartMetric metric) const;
    [[nodiscard]] StaleBanner *staleBanner() const { return m_banner; }

    // Where the charts come from (not owned; null: none). The client's transport (Qt Network,
    // or an SSH worker thread) answers asynchronously: nothing here blocks the GUI thread.
    void setSource(SlurmDeck::PrometheusClient *client);
    // The same, and the view owns `client` (replacing any earlier one it owned).
    void adoptSource(SlurmDeck::PrometheusClient *client);
    // A Prometheus over plain HTTP that the view owns; empty URL: none.
    void setPrometheusUrl(const QUrl &url);
    [[nodiscard]] QUrl prometheusUrl() const;
    // How often the chart is asked again (default 30 s; 0: never by itself).
    void setRefreshInterval(std::chrono::milliseconds interval);
    // Asks the source again for every chart, over the chosen time range.
    void refresh();
    // The selected chart's last data, as CSV (metricsCsv); empty before its first answer.
    [[nodiscard]] QString csv() const;
    [[nodiscard]] Result<void> exportCsv(const QString &path) const;
    // The grid of charts as drawn now, as a PNG file.
    [[nodiscard]] Result<void> exportPng(const QString &path) const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isStale() const;

signals:
    void timeRangeChanged(std::chrono::seconds range);
    void refreshed(); // every chart's answer (data or error) of a refresh was shown

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectionChanged();
    void markSelected();
    void show(SlurmDeck::ChartMetric metric, const Result<SlurmDeck::PromResult> &result, quint64 generation);
    void updateBanner();
    void chooseCsvFile();
    void choosePngFile();

    QComboBox *m_range;
    QComboBox *m_metric;
    QComboBox *m_scope;
    StaleBanner *m_banner;
    QWidget *m_grid;
    QHash<SlurmDeck::ChartMetric, TimeSeriesChart *> m_charts;
    QLabel *m_status;
    QPushButton *m_exportCsv;
    QPushButton *m_exportPng;
    QTimer m_poll;
    QPointer<SlurmDeck::PrometheusClient> m_client;
    SlurmDeck::PrometheusClient *m_ownClient = nullptr;
    QHash<SlurmDeck::ChartMetric, SlurmDeck::PromResult> m_last;
    quint64 m_generation = 0;  // answers to older requests are dropped
    int m_waiting = 0;         // answers of this refresh still to come
    QString m_roundError;      // the first failure of this refresh
    QStringList m_roundFailed; // the charts of this refresh that got no answer
};

} // namespace SlurmDeck::Ui
