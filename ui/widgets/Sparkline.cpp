// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace SlurmDeck::Ui {

Sparkline::Sparkline(const QString &caption, double maximum, QWidget *parent)
    : QWidget(parent), m_caption(caption), m_maximum(maximum), m_why(tr("no data yet"))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(caption);
}

void Sparkline::setPoints(QList<QPointF> points)
{
    points.erase(std::remove_if(points.begin(), points.end(),
                                [](const QPointF &point) { return !std::isfinite(point.y()); }),
                 points.end());
    m_points = std::move(points);
    m_why = m_points.isEmpty() ? tr("no data in the last hour") : QString();
    setToolTip(text());
    update();
}

void Sparkline::clear(const QString &why)
{
    m_points.clear();
    m_why = why;
    setToolTip(text());
    update();
}

QString Sparkline::text() const
{
    if (m_points.isEmpty())
        return tr("%1: %2").arg(m_caption, m_why);
    return tr("%1 %2 %").arg(m_caption).arg(m_points.constLast().y(), 0, 'f', 0);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    const QPalette &colours = palette();
    painter.setPen(colours.color(QPalette::Text));
    const int textWidth = fontMetrics().horizontalAdvance(QStringLiteral("GPU 100 %")) + 8;
    const QRectF textArea(area.right() - textWidth, area.top(), textWidth, area.height());
    if (m_points.isEmpty()) {
        painter.setPen(colours.color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignVCenter | Qt::AlignLeft, text());
        return;
    }
    painter.drawText(textArea, Qt::AlignVCenter | Qt::AlignRight, text());

    const QRectF plot = area.adjusted(0, 0, -textWidth, 0);
    const double first = m_points.constFirst().x();
    const double span = std::max(1.0, m_points.constLast().x() - first);
    const auto place = [&](const QPointF &point) {
        const double y = std::clamp(point.y() / m_maximum, 0.0, 1.0);
        return QPointF(plot.left() + (point.x() - first) / span * plot.width(),
                       plot.bottom() - y * plot.height());
    };
    QPainterPath line(place(m_points.constFirst()));
    for (qsizetype i = 1; i < m_points.size(); ++i)
        line.lineTo(place(m_points.at(i)));
    QPainterPath fill = line;
    fill.lineTo(plot.right(), plot.bottom());
    fill.lineTo(place(m_points.constFirst()).x(), plot.bottom());
    fill.closeSubpath();
    QColor tint = colours.color(QPalette::Highlight);
    tint.setAlpha(60);
    painter.fillPath(fill, tint);
    painter.setPen(QPen(colours.color(QPalette::Highlight), 1.5));
    painter.drawPath(line);
}

} // namespace SlurmDeck::Ui
