// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsCsv.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <cmath>
#include <map>

namespace SlurmDeck {

namespace {

QString csvCell(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString valueText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(v, 'g', 15);
}

} // namespace

QString seriesDisplayName(const PromSeries &series, const QString &nameLabel)
{
    if (!nameLabel.isEmpty() && series.labels.contains(nameLabel))
        return series.labels.value(nameLabel);
    QStringList parts;
    for (auto it = series.labels.begin(); it != series.labels.end(); ++it) {
        if (it.key() != u"__name__")
            parts.append(it.key() + QStringLiteral("=\"") + it.value() + u'"');
    }
    const QString name = series.labels.value(QStringLiteral("__name__"));
    if (parts.isEmpty())
        return name.isEmpty() ? QStringLiteral("value") : name;
    return name + u'{' + parts.join(u',') + u'}';
}

QString metricsCsv(const PromResult &result, const QString &nameLabel)
{
    // timestamp (ms) -> one cell per series
    std::map<qint64, QStringList> rows;
    const qsizetype columns = result.series.size();
    QStringList header{QStringLiteral("time")};
    for (qsizetype c = 0; c < columns; ++c) {
        const PromSeries &series = result.series.at(c);
        header.append(csvCell(seriesDisplayName(series, nameLabel)));
        for (const PromSample &sample : series.samples) {
            const auto key = static_cast<qint64>(std::llround(sample.timestamp * 1000.0));
            QStringList &row = rows[key];
            if (row.isEmpty())
                row.resize(columns);
            row[c] = valueText(sample.value);
        }
    }
    QString csv = header.join(u',') + QStringLiteral("\r\n");
    for (const auto &[ms, cells] : rows) {
        csv += QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) + u',' +
               cells.join(u',') + QStringLiteral("\r\n");
    }
    return csv;
}

} // namespace SlurmDeck
