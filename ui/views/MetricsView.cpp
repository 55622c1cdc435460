#include "views/MetricsView.h"

#include "charts/TimeSeriesChart.h"
#include "metrics/MetricsCsv.h"
#include "metrics/PrometheusClient.h"
#include "widgets/EmptyStatePanel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

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

// Busy CPU cores per node (node_exporter).
const QString cpuQuery = QStringLiteral("sum by (node) (rate(node_cpu_seconds_total{mode!=\"idle\"}[2m]))");

} // namespace

MetricsView::MetricsView(QWidget *parent)
    : AreaView(Area::Metrics, parent)
    , m_range(new QComboBox(this))
    , m_chart(new TimeSeriesChart(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(this))
{
    for (const RangeChoice &choice : rangeChoices)
        m_range->addItem(tr(choice.label), static_cast<qlonglong>(choice.range.count()));
    m_range->setObjectName(QStringLiteral("timeRange"));

    auto *rangeRow = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Time range:"), this);
    rangeLabel->setBuddy(m_range);
    rangeRow->addWidget(rangeLabel);
    rangeRow->addWidget(m_range);
    m_status->setObjectName(QStringLiteral("metricsStatus"));
    rangeRow->addWidget(m_status);
    rangeRow->addStretch(1);
    m_export->setText(tr("Export &CSV…"));
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setEnabled(false);
    rangeRow->addWidget(m_export);
    connect(m_export, &QPushButton::clicked, this, &MetricsView::chooseCsvFile);
    headerLayout()->addLayout(rangeRow);

    m_chart->setTitle(tr("CPU usage — waiting for a Prometheus source"));
    m_chart->setValueLabel(tr("CPU cores busy"));
    setContent(m_chart);
    showContent(true);

    emptyState()->setHeadline(tr("No metrics yet"));
    emptyState()->setExplanation(tr("Charts of CPU, memory, load, Slurm allocation and GPU use "
                                    "appear here once Prometheus runs on the cluster."));

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_chart->setWindow(timeRange());
        emit timeRangeChanged(timeRange());
        refresh();
    });
}

void MetricsView::setSource(PrometheusClient *client)
{
    m_client = client;
    refresh();
}

void MetricsView::refresh()
{
    if (!m_client) {
        m_status->setText(tr("No Prometheus source"));
        return;
    }
    const quint64 generation = ++m_generation;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    m_chart->setWindow(timeRange(), end);
    m_chart->setTitle(tr("CPU cores busy per node"));
    QPointer<MetricsView> self(this);
    m_client->rangeQuery(cpuQuery, end.addSecs(-timeRange().count()), end, std::chrono::seconds(0),
                         [self, generation](Result<PromResult> result) {
                             if (self)
                                 self->show(result, generation);
                         });
}

void MetricsView::show(const Result<PromResult> &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!result) {
        // Keep the last data on screen, marked stale.
        m_status->setText(tr("Stale: %1").arg(result.error().message));
        m_status->setToolTip(result.error().detail);
        emit refreshed();
        return;
    }
    m_last = *result;
    m_chart->clearSeries();
    for (const PromSeries &series : m_last.series) {
        QList<QPointF> points;
        points.reserve(series.samples.size());
        for (const PromSample &sample : series.samples)
            points.append({sample.timestamp * 1000.0, sample.value});
        m_chart->setSeries(seriesDisplayName(series, QStringLiteral("node")), points);
    }
    m_status->setText(
        tr("Updated %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    m_status->setToolTip({});
    m_export->setEnabled(!m_last.series.isEmpty());
    emit refreshed();
}

QString MetricsView::csv() const
{
    return m_last.series.isEmpty() ? QString() : metricsCsv(m_last, QStringLiteral("node"));
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

void MetricsView::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart data"),
                                                      QStringLiteral("metrics.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<void> saved = exportCsv(path); !saved)
        m_status->setText(saved.error().message);
}

std::chrono::seconds MetricsView::timeRange() const
{
    return std::chrono::seconds(m_range->currentData().toLongLong());
}

} // namespace SlurmDeck::Ui
