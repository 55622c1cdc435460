#include "views/MetricsView.h"

#include "charts/TimeSeriesChart.h"
#include "widgets/EmptyStatePanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
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

} // namespace

MetricsView::MetricsView(QWidget *parent)
    : AreaView(Area::Metrics, parent), m_range(new QComboBox(this)), m_chart(new TimeSeriesChart(this))
{
    for (const RangeChoice &choice : rangeChoices)
        m_range->addItem(tr(choice.label), static_cast<qlonglong>(choice.range.count()));
    m_range->setObjectName(QStringLiteral("timeRange"));

    auto *rangeRow = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Time range:"), this);
    rangeLabel->setBuddy(m_range);
    rangeRow->addWidget(rangeLabel);
    rangeRow->addWidget(m_range);
    rangeRow->addStretch(1);
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
    });
}

std::chrono::seconds MetricsView::timeRange() const
{
    return std::chrono::seconds(m_range->currentData().toLongLong());
}

} // namespace SlurmDeck::Ui
