// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

namespace SlurmDeck::Ui {

// A small line of values over time with no axes: the Overview's last hour of CPU and GPU
// use. Points are (seconds since the epoch, value); the y range is 0..maximum (100 for
// percentages). The latest value is written at the right end; without data it says so.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(const QString &caption, double maximum, QWidget *parent = nullptr);

    void setPoints(QList<QPointF> points);
    // No data (none yet, or the source failed): `why` is drawn instead of the line.
    void clear(const QString &why);

    [[nodiscard]] const QList<QPointF> &points() const { return m_points; }
    [[nodiscard]] QString text() const; // "CPU 42 %" or the caption and why there is none
    [[nodiscard]] QSize sizeHint() const override { return {240, 56}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {120, 40}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_caption;
    double m_maximum;
    QList<QPointF> m_points;
    QString m_why;
};

} // namespace SlurmDeck::Ui
