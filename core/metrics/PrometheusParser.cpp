// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/PrometheusParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace SlurmDeck {

namespace {

Error parseError(const QString &what)
{
    return makeError(Error::Code::Parse,
                     QStringLiteral("The Prometheus answer could not be read; check that the URL points at "
                                    "Prometheus (port 9090), not at an exporter or a proxy page."),
                     what);
}

// [ <unix time>, "<value>" ]
bool parseSample(const QJsonValue &value, PromSample *sample)
{
    if (!value.isArray())
        return false;
    const QJsonArray pair = value.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    sample->timestamp = pair.at(0).toDouble();
    return parsePrometheusValue(pair.at(1).toString(), &sample->value);
}

bool parseLabels(const QJsonValue &value, QMap<QString, QString> *labels)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return false;
        labels->insert(it.key(), it.value().toString());
    }
    return true;
}

QString errorAdvice(const QString &errorType)
{
    if (errorType == u"bad_data")
        return QStringLiteral(
            "Prometheus refused the query; correct the PromQL expression or the range/step.");
    if (errorType == u"timeout")
        return QStringLiteral("Prometheus gave up on the query; query a shorter range or a larger step.");
    if (errorType == u"canceled")
        return QStringLiteral("Prometheus cancelled the query; try again.");
    if (errorType == u"execution")
        return QStringLiteral("Prometheus could not evaluate the query; simplify it or query fewer series.");
    if (errorType == u"unavailable")
        return QStringLiteral("Prometheus is not ready yet; wait a moment and retry.");
    return QStringLiteral("Prometheus reported an error; check the query and the server's log.");
}

} // namespace

bool parsePrometheusValue(const QString &text, double *value)
{
    const QString t = text.trimmed();
    if (t.compare(u"NaN", Qt::CaseInsensitive) == 0) {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (t == u"+Inf" || t == u"Inf" || t == u"inf" || t == u"+inf") {
        *value = std::numeric_limits<double>::infinity();
        return true;
    }
    if (t == u"-Inf" || t == u"-inf") {
        *value = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok)
        return false;
    *value = v;
    return true;
}

Result<PromResult> parsePrometheusResponse(const QByteArray &json)
{
    QJsonParseError jsonError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return parseError(QStringLiteral("malformed JSON at offset %1: %2")
                              .arg(jsonError.offset)
                              .arg(jsonError.errorString()));
    if (!document.isObject())
        return parseError(QStringLiteral("the answer is not a JSON object"));
    const QJsonObject root = document.object();
    const QString status = root.value(u"status").toString();
    if (status == u"error") {
        const QString errorType = root.value(u"errorType").toString();
        const QString error = root.value(u"error").toString();
        const Error::Code code = errorType == u"timeout"    ? Error::Code::Timeout
                                 : errorType == u"bad_data" ? Error::Code::InvalidArgument
                                                            : Error::Code::RemoteCommandFailed;
        return makeError(code, errorAdvice(errorType), errorType + QStringLiteral(": ") + error);
    }
    if (status != u"success")
        return parseError(QStringLiteral("unknown status '%1'").arg(status));

    PromResult result;
    for (const QJsonValue &w : root.value(u"warnings").toArray())
        result.warnings.append(w.toString());

    const QJsonObject data = root.value(u"data").toObject();
    const QString type = data.value(u"resultType").toString();
    const QJsonValue payload = data.value(u"result");
    if (type == u"scalar" || type == u"string") {
        const QJsonArray pair = payload.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return parseError(QStringLiteral("a %1 result is not [time, \"value\"]").arg(type));
        if (type == u"string") {
            result.type = PromResult::Type::String;
            result.stringValue = pair.at(1).toString();
            return result;
        }
        PromSample sample;
        if (!parseSample(payload, &sample))
            return parseError(
                QStringLiteral("the scalar value '%1' is not a number").arg(pair.at(1).toString()));
        result.type = PromResult::Type::Scalar;
        result.series.append(PromSeries{{}, {sample}});
        return result;
    }
    if (type != u"vector" && type != u"matrix")
        return parseError(QStringLiteral("unknown resultType '%1'").arg(type));
    if (!payload.isArray())
        return parseError(QStringLiteral("the %1 result is not an array").arg(type));

    const bool matrix = type == u"matrix";
    result.type = matrix ? PromResult::Type::Matrix : PromResult::Type::Vector;
    const QJsonArray items = payload.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        PromSeries series;
        if (!parseLabels(item.value(u"metric"), &series.labels))
            return parseError(QStringLiteral("series %1 has malformed labels").arg(i));
        if (matrix) {
            const QJsonArray values = item.value(u"values").toArray();
            series.samples.reserve(values.size());
            for (const QJsonValue &v : values) {
                PromSample sample;
                if (!parseSample(v, &sample))
                    return parseError(QStringLiteral("series %1 has a malformed sample").arg(i));
                series.samples.append(sample);
            }
        } else {
            PromSample sample;
            if (!parseSample(item.value(u"value"), &sample))
                return parseError(QStringLiteral("series %1 has a malformed sample").arg(i));
            series.samples.append(sample);
        }
        result.series.append(std::move(series));
    }
    return result;
}

std::chrono::seconds stepFor(std::chrono::seconds range, qint64 wantedPoints)
{
    const qint64 seconds = std::max<qint64>(range.count(), 0);
    const qint64 points = std::clamp<qint64>(wantedPoints, 2, prometheusMaxPoints);
    // range/step + 1 points: step = ceil(range / (points - 1)).
    qint64 step = (seconds + points - 2) / (points - 1);
    step = std::max<qint64>(step, 1);
    while (seconds / step + 1 > prometheusMaxPoints)
        ++step;
    return std::chrono::seconds(step);
}

Result<std::chrono::seconds> parsePrometheusDuration(const QString &text)
{
    const QString t = text.trimmed();
    bool plain = false;
    const qint64 plainSeconds = t.toLongLong(&plain);
    if (plain && plainSeconds > 0)
        return std::chrono::seconds(plainSeconds);
    static const QRegularExpression whole(QStringLiteral("^(?:\\d+(?:ms|[smhdwy]))+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|[smhdwy])"));
    if (t.isEmpty() || !whole.match(t).hasMatch())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("'%1' is not a duration; use e.g. 90s, 15m, 1h30m, 7d.").arg(text));
    double total = 0;
    for (auto it = part.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double factor = unit == u"ms"  ? 0.001
                              : unit == u"s" ? 1
                              : unit == u"m" ? 60
                              : unit == u"h" ? 3600
                              : unit == u"d" ? 86400
                              : unit == u"w" ? 604800
                                             : 31536000;
        total += n * factor;
    }
    if (total <= 0)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("'%1' is zero; use a positive duration such as 15m.").arg(text));
    return std::chrono::seconds(static_cast<qint64>(std::ceil(total)));
}

} // namespace SlurmDeck
