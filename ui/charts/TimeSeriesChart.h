// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QPointF>
#include <QWidget>

#include <chrono>

// Every Qt Charts include lives in charts/TimeSeriesChart.cpp: Qt Charts is deprecated
// from Qt 6.10 in favour of Qt Graphs, and swapping it must touch one file.
namespace SlurmDeck::Ui {

// A line chart of one or more time series over a time window ending now. Hovering a line
// shows the value under the pointer; the chart's theme follows the palette (light or dark).
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
    // Follows the palette: Qt Charts' dark theme on a dark palette, the light one otherwise.
    [[nodiscard]] bool isDarkTheme() const;
    // A frame in the palette's highlight colour: the selected chart of a grid.
    void setHighlighted(bool highlighted);
    [[nodiscard]] bool isHighlighted() const;
    // The tooltip over a point: "cluster: 42.5 at 14:03:00".
    [[nodiscard]] static QString valueText(const QString &series, const QPointF &point);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPaletteTheme();

    class Private;
    Private *d;
};

} // namespace SlurmDeck::Ui
