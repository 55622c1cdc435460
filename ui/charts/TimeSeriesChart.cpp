// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/TimeSeriesChart.h"

#include "models/StateStyle.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QPen>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace SlurmDeck::Ui {

class TimeSeriesChart::Private final
{
public:
    QChart *chart = new QChart;
    QChartView *view = nullptr;
    QDateTimeAxis *timeAxis = new QDateTimeAxis;
    QValueAxis *valueAxis = new QValueAxis;
    QList<QLineSeries *> series;
    bool highlighted = false;
    QPen themePen; // the theme's own frame, for when the chart is not highlighted

    void fitValueAxis()
    {
        qreal maximum = 1.0;
        for (const QLineSeries *line : series) {
            const auto points = line->points();
            for (const QPointF &point : points)
                maximum = std::max(maximum, point.y());
        }
        valueAxis->setRange(0.0, maximum * 1.1);
        valueAxis->applyNiceNumbers();
    }
};

TimeSeriesChart::TimeSeriesChart(QWidget *parent) : QWidget(parent), d(new Private)
{
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->addAxis(d->timeAxis, Qt::AlignBottom);
    d->chart->addAxis(d->valueAxis, Qt::AlignLeft);
    d->valueAxis->setRange(0.0, 1.0);
    d->valueAxis->setLabelFormat(QStringLiteral("%.4g"));

    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setObjectName(QStringLiteral("chartView"));
    d->themePen = d->chart->backgroundPen();
    applyPaletteTheme();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    setWindow(std::chrono::minutes(15));
}

TimeSeriesChart::~TimeSeriesChart()
{
    delete d;
}

void TimeSeriesChart::setTitle(const QString &title)
{
    d->chart->setTitle(title);
}

QString TimeSeriesChart::title() const
{
    return d->chart->title();
}

void TimeSeriesChart::setWindow(std::chrono::seconds window, const QDateTime &end)
{
    d->timeAxis->setRange(end.addSecs(-window.count()), end);
    const bool spansDays = window > std::chrono::hours(24);
    d->timeAxis->setFormat(spansDays ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm"));
}

void TimeSeriesChart::setValueLabel(const QString &label)
{
    d->valueAxis->setTitleText(label);
}

void TimeSeriesChart::setSeries(const QString &name, const QList<QPointF> &points)
{
    auto found = std::find_if(d->series.begin(), d->series.end(),
                              [&name](const QLineSeries *line) { return line->name() == name; });
    QLineSeries *line = found != d->series.end() ? *found : nullptr;
    if (!line) {
        line = new QLineSeries;
        line->setName(name);
        // The value under the pointer, with its series and time.
        connect(line, &QLineSeries::hovered, this, [this, line](const QPointF &point, bool entered) {
            if (!entered) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(), valueText(line->name(), point), this);
        });
        d->chart->addSeries(line);
        line->attachAxis(d->timeAxis);
        line->attachAxis(d->valueAxis);
        d->series.append(line);
    }
    line->replace(points);
    d->fitValueAxis();
}

void TimeSeriesChart::clearSeries()
{
    d->chart->removeAllSeries();
    d->series.clear();
    d->fitValueAxis();
}

int TimeSeriesChart::seriesCount() const
{
    return static_cast<int>(d->series.size());
}

QString TimeSeriesChart::valueText(const QString &series, const QPointF &point)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toLocalTime();
    return tr("%1: %2 at %3")
        .arg(series, QString::number(point.y(), 'g', 4), at.toString(QStringLiteral("HH:mm:ss")));
}

bool TimeSeriesChart::isDarkTheme() const
{
    return d->chart->theme() == QChart::ChartThemeDark;
}

void TimeSeriesChart::applyPaletteTheme()
{
    // Qt Charts draws with its own theme, not the palette: pick the one that matches.
    const QChart::ChartTheme theme =
        StateStyle::darkPalette() ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (d->chart->theme() == theme)
        return;
    d->chart->setTheme(theme);
    // A theme resets the axes' fonts and colours, not their titles or ranges.
    d->valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    d->themePen = d->chart->backgroundPen();
    setHighlighted(d->highlighted);
}

void TimeSeriesChart::setHighlighted(bool highlighted)
{
    d->highlighted = highlighted;
    d->chart->setBackgroundPen(highlighted ? QPen(palette().color(QPalette::Highlight), 3) : d->themePen);
    setProperty("selected", highlighted);
}

bool TimeSeriesChart::isHighlighted() const
{
    return d->highlighted;
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPaletteTheme();
}

} // namespace SlurmDeck::Ui
