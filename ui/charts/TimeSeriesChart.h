// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QPointF>
#include <QWidget>

#include <chrono>

// Every Qt Charts include lives in charts/TimeSeriesChart.cpp: Qt Charts is deprecated
// from Qt 6.10 in favour of Qt Graphs, and swapping it must touch one file.
namespace SlurmDeck::Ui {

// A line chart of one or more time series over a time window ending now.
class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)

public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    void setWindow(std::chrono::seconds window, const QDateTime &end = QDateTime::currentDateTimeUtc());
    void setValueLabel(const QString &label);

    // Replaces the named series' points (x: msecs since epoch, y: value), adding the
    // series on first use.
    void setSeries(const QString &name, const QList<QPointF> &points);
    void clearSeries();
    [[nodiscard]] int seriesCount() const;

private:
    class Private;
    Private *d;
};

} // namespace SlurmDeck::Ui
