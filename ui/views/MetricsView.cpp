// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/MetricsView.h"

#include "charts/TimeSeriesChart.h"
#include "metrics/MetricsCsv.h"
#include "metrics/PrometheusClient.h"
#include "metrics/PrometheusParser.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/StaleBanner.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace SlurmDeck::Ui {

namespace {

struct RangeChoice
{
    const char *label;
    std::chrono::seconds range;
};

constexpr RangeChoice rangeChoices[] = {
    {QT_TRANSLATE_NOOP("MetricsView", "Last 15 minutes"), std::chrono::minutes(15)},
    {QT_TRANSLATE_NOOP("MetricsView", "Last hour"), std::chrono::hours(1)},
    {QT_TRANSLATE_NOOP("MetricsView", "Last 6 hours"), std::chrono::hours(6)},
    {QT_TRANSLATE_NOOP("MetricsView", "Last 24 hours"), std::chrono::hours(24)},
    {QT_TRANSLATE_NOOP("MetricsView", "Last 7 days"), std::chrono::hours(24 * 7)},
};

QString metricTitle(ChartMetric metric)
{
    switch (metric) {
    case ChartMetric::CpuUsage:
        return MetricsView::tr("CPU usage");
    case ChartMetric::MemoryUsage:
        return MetricsView::tr("Memory usage");
    case ChartMetric::Load:
        return MetricsView::tr("Load (1 min)");
    case ChartMetric::SlurmCpus:
        return MetricsView::tr("Allocated / idle CPUs (Slurm)");
    case ChartMetric::SlurmJobs:
        return MetricsView::tr("Pending / running jobs (Slurm)");
    case ChartMetric::GpuUtilisation:
        return MetricsView::tr("GPU utilisation");
    case ChartMetric::GpuMemory:
        return MetricsView::tr("GPU memory used");
    }
    return {};
}

QString unitTitle(const QString &unit)
{
    if (unit == u"%")
        return MetricsView::tr("percent");
    if (unit == u"CPUs")
        return MetricsView::tr("CPUs");
    if (unit == u"jobs")
        return MetricsView::tr("jobs");
    if (unit == u"GiB")
        return MetricsView::tr("GiB");
    return MetricsView::tr("load");
}

} // namespace

MetricsView::MetricsView(QWidget *parent)
    : AreaView(Area::Metrics, parent)
    , m_range(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_banner(new StaleBanner(this))
    , m_grid(new QWidget(this))
    , m_status(new QLabel(this))
    , m_exportCsv(new QPushButton(this))
    , m_exportPng(new QPushButton(this))
{
    for (const RangeChoice &choice : rangeChoices)
        m_range->addItem(tr(choice.label), static_cast<qlonglong>(choice.range.count()));
    m_range->setObjectName(QStringLiteral("timeRange"));
    for (const ChartMetric metric : allChartMetrics())
        m_metric->addItem(metricTitle(metric), static_cast<int>(metric));
    m_metric->setObjectName(QStringLiteral("metric"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(18);
    m_scope->addItem(tr("Cluster total"), static_cast<int>(ChartScope::Cluster));
    m_scope->addItem(tr("Per node"), static_cast<int>(ChartScope::PerNode));
    m_scope->setObjectName(QStringLiteral("scope"));

    auto *row = new QHBoxLayout;
    const auto addLabelled = [this, row](const QString &text, QComboBox *box) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        row->addWidget(label);
        row->addWidget(box);
    };
    m_metric->setToolTip(tr("The selected chart, whose data Export CSV writes (or click a chart)"));
    addLabelled(tr("C&hart:"), m_metric);
    addLabelled(tr("&Scope:"), m_scope);
    addLabelled(tr("&Time range:"), m_range);
    row->addStretch(1);
    headerLayout()->addLayout(row);
    m_exportPng->setText(tr("Export &PNG…"));
    m_exportPng->setObjectName(QStringLiteral("exportPng"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportCsv->setEnabled(false);
    connect(m_exportCsv, &QPushButton::clicked, this, &MetricsView::chooseCsvFile);
    connect(m_exportPng, &QPushButton::clicked, this, &MetricsView::choosePngFile);
    // The status and the exports on a second line: the view fits a 900-pixel window.
    m_status->setObjectName(QStringLiteral("metricsStatus"));
    m_status->setWordWrap(true);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_exportPng);
    statusRow->addWidget(m_exportCsv);
    headerLayout()->addLayout(statusRow);
    headerLayout()->addWidget(m_banner);

    // The dashboard: every metric at once, two columns, in allChartMetrics' order.
    m_grid->setObjectName(QStringLiteral("metricsGrid"));
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    const QList<ChartMetric> metrics = allChartMetrics();
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        auto *chart = new TimeSeriesChart(m_grid);
        chart->setObjectName(QStringLiteral("chart%1").arg(int(metrics.at(i))));
        chart->setTitle(tr("%1 — waiting for a Prometheus source").arg(metricTitle(metrics.at(i))));
        chart->setValueLabel(unitTitle(queryFor(metrics.at(i)).unit));
        chart->setMinimumSize(260, 180);
        chart->installEventFilter(this);
        for (QWidget *child : chart->findChildren<QWidget *>())
            child->installEventFilter(this); // a click on the chart view selects it
        m_charts.insert(metrics.at(i), chart);
        grid->addWidget(chart, int(i / 2), int(i % 2));
    }
    markSelected();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("metricsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_grid);
    setContent(scroll);
    showContent(true);

    emptyState()->setHeadline(tr("No metrics yet"));
    emptyState()->setExplanation(tr("Charts of CPU, memory, load, Slurm allocation and GPU use "
                                    "appear here once Prometheus runs on the cluster."));

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        emit timeRangeChanged(timeRange());
        selectionChanged();
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        // Another chart selected: its data is there already, nothing to ask.
        markSelected();
        m_exportCsv->setEnabled(!m_last.value(metric()).series.isEmpty());
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &MetricsView::selectionChanged);
    m_poll.setInterval(std::chrono::seconds(30));
    connect(&m_poll, &QTimer::timeout, this, &MetricsView::refresh);
}

MetricsView::~MetricsView() = default;

void MetricsView::setSource(PrometheusClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    if (m_ownClient && m_ownClient != client) {
        m_ownClient->deleteLater();
        m_ownClient = nullptr;
    }
    ++m_generation; // answers of the old source are dropped
    if (m_client) {
        connect(m_client, &PrometheusClient::healthChanged, this, &MetricsView::updateBanner);
        if (m_poll.interval() > 0)
            m_poll.start();
    } else {
        m_poll.stop();
    }
    updateBanner();
    refresh();
}

void MetricsView::setPrometheusUrl(const QUrl &url)
{
    if (url == prometheusUrl())
        return;
    if (url.isEmpty()) {
        setSource(nullptr);
        return;
    }
    adoptSource(new PrometheusClient(url, this));
}

void MetricsView::adoptSource(PrometheusClient *client)
{
    if (client)
        client->setParent(this);
    setSource(client);
    m_ownClient = client;
}

QUrl MetricsView::prometheusUrl() const
{
    return m_client ? m_client->baseUrl() : QUrl();
}

void MetricsView::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_poll.setInterval(interval);
    if (interval.count() <= 0)
        m_poll.stop();
    else if (m_client)
        m_poll.start();
}

MetricQuery MetricsView::currentQuery() const
{
    return queryFor(metric());
}

MetricQuery MetricsView::queryFor(ChartMetric metric) const
{
    return metricQuery(metric, scope(), stepFor(timeRange(), PrometheusClient::defaultPoints));
}

TimeSeriesChart *MetricsView::chartFor(ChartMetric metric) const
{
    return m_charts.value(metric);
}

void MetricsView::markSelected()
{
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it)
        it.value()->setHighlighted(it.key() == metric());
}

bool MetricsView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
            if (watched == it.value() || it.value()->isAncestorOf(qobject_cast<QWidget *>(watched))) {
                setMetric(it.key());
                break;
            }
        }
    }
    return AreaView::eventFilter(watched, event);
}

void MetricsView::selectionChanged()
{
    // Another question (scope or range): the old answers no longer fit the charts.
    m_last.clear();
    for (TimeSeriesChart *chart : std::as_const(m_charts))
        chart->clearSeries();
    m_exportCsv->setEnabled(false);
    refresh();
}

void MetricsView::refresh()
{
    const QDateTime end = QDateTime::currentDateTimeUtc();
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        const MetricQuery query = queryFor(it.key());
        const QString scopeText = query.perNode ? tr("per node") : tr("cluster");
        it.value()->setTitle(tr("%1 — %2").arg(metricTitle(it.key()), scopeText));
        it.value()->setValueLabel(unitTitle(query.unit));
        it.value()->setWindow(timeRange(), end);
    }
    if (!m_client) {
        m_status->setText(tr("No Prometheus source"));
        return;
    }
    const quint64 generation = ++m_generation;
    m_waiting = static_cast<int>(m_charts.size());
    m_roundError.clear();
    m_roundFailed.clear();
    QPointer<MetricsView> self(this);
    for (const ChartMetric chart : allChartMetrics()) {
        m_client->rangeQuery(queryFor(chart).promql, end.addSecs(-timeRange().count()), end,
                             stepFor(timeRange(), PrometheusClient::defaultPoints),
                             [self, generation, chart](Result<PromResult> result) {
                                 if (self)
                                     self->show(chart, result, generation);
                             });
    }
}

void MetricsView::show(ChartMetric metric, const Result<PromResult> &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!result) {
        // Keep the last data on screen, marked stale.
        if (m_roundError.isEmpty()) {
            m_roundError = result.error().message;
            m_status->setToolTip(result.error().detail);
        }
        m_roundFailed << metricTitle(metric);
        chartFor(metric)->setTitle(
            tr("%1 — not updated: %2").arg(metricTitle(metric), result.error().message));
    } else {
        m_last.insert(metric, *result);
        TimeSeriesChart *chart = chartFor(metric);
        const QString label = queryFor(metric).seriesLabel;
        chart->clearSeries();
        for (const PromSeries &series : std::as_const(result->series)) {
            QList<QPointF> points;
            points.reserve(series.samples.size());
            for (const PromSample &sample : series.samples) {
                if (std::isfinite(sample.value))
                    points.append({sample.timestamp * 1000.0, sample.value});
            }
            chart->setSeries(seriesDisplayName(series, label), points);
        }
        if (result->series.isEmpty())
            chart->setTitle(tr("%1 — no data (is its exporter deployed?)").arg(metricTitle(metric)));
    }
    if (--m_waiting > 0)
        return;
    // Every chart answered: one status line and one signal for the whole grid.
    updateBanner();
    const QString now = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    if (m_roundFailed.size() == m_charts.size()) {
        m_status->setText(tr("Stale: %1").arg(m_roundError));
    } else if (!m_roundFailed.isEmpty()) {
        // Prometheus answered the others: one refused or slow query is that chart's problem.
        m_status->setText(
            tr("Updated %1, except %2: %3").arg(now, m_roundFailed.join(QStringLiteral(", ")), m_roundError));
    } else {
        m_status->setText(m_last.value(this->metric()).series.isEmpty()
                              ? tr("No data for the selected chart (is its exporter deployed?)")
                              : tr("Updated %1").arg(now));
        m_status->setToolTip({});
    }
    m_exportCsv->setEnabled(!m_last.value(this->metric()).series.isEmpty());
    emit refreshed();
}

void MetricsView::updateBanner()
{
    if (!m_client) {
        m_banner->clear();
        return;
    }
    // Shown like the monitor's sources: since when, how long ago, what failed.
    ClusterSnapshot snapshot;
    snapshot.ssh = m_client->health();
    snapshot.ssh.name = tr("Prometheus at %1").arg(m_client->where());
    snapshot.controller.ok = true;
    snapshot.takenAt = m_client->health().lastSuccess;
    // Before the first answer, nothing is stale yet.
    snapshot.ssh.ok = m_client->health().ok || !m_client->health().lastAttempt.isValid();
    m_banner->setSnapshot(snapshot);
}

bool MetricsView::isStale() const
{
    return m_client && !m_client->health().ok && m_client->health().lastAttempt.isValid();
}

QString MetricsView::csv() const
{
    const PromResult last = m_last.value(metric());
    return last.series.isEmpty() ? QString() : metricsCsv(last, currentQuery().seriesLabel);
}

QString MetricsView::statusText() const
{
    return m_status->text();
}

Result<void> MetricsView::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(Error::Code::Io, tr("Cannot write %1; choose another place.").arg(path),
                         file.errorString());
    file.write(csv().toUtf8());
    if (!file.flush())
        return makeError(Error::Code::Io, tr("Writing %1 failed; check the free space.").arg(path),
                         file.errorString());
    return {};
}

Result<void> MetricsView::exportPng(const QString &path) const
{
    const QPixmap pixmap = m_grid->grab();
    if (pixmap.isNull())
        return makeError(Error::Code::Unsupported, tr("The chart could not be drawn into an image."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Io, tr("Cannot write %1; choose another place.").arg(path),
                         file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(pixmap.toImage())) {
        file.cancelWriting();
        return makeError(Error::Code::Io, tr("Cannot encode the chart as PNG."), writer.errorString());
    }
    if (!file.commit())
        return makeError(Error::Code::Io, tr("Writing %1 failed; check the free space.").arg(path),
                         file.errorString());
    return {};
}

void MetricsView::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart data"),
                                                      QStringLiteral("metrics.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<void> saved = exportCsv(path); !saved)
        m_status->setText(saved.error().message);
}

void MetricsView::choosePngFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("metrics.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const Result<void> saved = exportPng(path); !saved)
        m_status->setText(saved.error().message);
}

std::chrono::seconds MetricsView::timeRange() const
{
    return std::chrono::seconds(m_range->currentData().toLongLong());
}

void MetricsView::setTimeRange(std::chrono::seconds range)
{
    const int index = m_range->findData(static_cast<qlonglong>(range.count()));
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

ChartMetric MetricsView::metric() const
{
    return static_cast<ChartMetric>(m_metric->currentData().toInt());
}

void MetricsView::setMetric(ChartMetric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(static_cast<int>(metric)));
}

ChartScope MetricsView::scope() const
{
    return static_cast<ChartScope>(m_scope->currentData().toInt());
}

void MetricsView::setScope(ChartScope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(static_cast<int>(scope)));
}

} // namespace SlurmDeck::Ui
