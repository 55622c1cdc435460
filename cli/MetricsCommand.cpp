// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/MetricsCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "metrics/PrometheusClient.h"
#include "metrics/PrometheusParser.h"
#include "session/ClusterSession.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace SlurmDeck {

namespace {

QString valueText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(v, 'g', 15);
}

QString timeText(double t)
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(t * 1000.0), Qt::UTC).toString(Qt::ISODate);
}

QString labelsText(const QMap<QString, QString> &labels)
{
    QString name = labels.value(QStringLiteral("__name__"));
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != u"__name__")
            parts.append(it.key() + QStringLiteral("=\"") + it.value() + u'"');
    }
    return name + u'{' + parts.join(u',') + u'}';
}

const char *typeName(PromResult::Type type)
{
    switch (type) {
    case PromResult::Type::Vector:
        return "vector";
    case PromResult::Type::Matrix:
        return "matrix";
    case PromResult::Type::Scalar:
        return "scalar";
    case PromResult::Type::String:
        return "string";
    }
    return "vector";
}

} // namespace

MetricsCommand::MetricsCommand(QObject *parent) : ClusterCommand(parent)
{}

MetricsCommand::~MetricsCommand() = default;

void MetricsCommand::start(const CliContext &context)
{
    const QString usage =
        QStringLiteral("slurmdeck-cli metrics QUERY [--range DURATION] [--step S] [--json] [--url URL]");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a PromQL query against the cluster's Prometheus, through the monitoring host's SSH "
           "connection (its host key checked like every other). --timeout also bounds the query."));
    const QCommandLineOption range(
        QStringLiteral("range"),
        tr("Query the last DURATION (e.g. 15m, 6h, 7d) instead of the current value."),
        QStringLiteral("DURATION"));
    const QCommandLineOption step(
        QStringLiteral("step"),
        tr("Seconds (or a duration) between points of a range; default: about 300 points."),
        QStringLiteral("S"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    const QCommandLineOption url(
        QStringLiteral("url"),
        tr("Ask this Prometheus over plain HTTP instead (no cluster file needed), e.g. "
           "http://10.0.0.5:9090."),
        QStringLiteral("URL"));
    parser.addOptions({range, step, json, url});
    parser.addPositionalArgument(QStringLiteral("QUERY"),
                                 tr("The PromQL expression, e.g. 'up' or 'node_load1'."));
    if (!parse(context, parser, QStringLiteral("metrics"), usage))
        return;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("metrics takes one QUERY (quote it). Usage: %1\n").arg(usage);
        done(CliUsage);
        return;
    }
    Request request;
    request.query = parser.positionalArguments().first();
    request.json = parser.isSet(json);
    if (parser.isSet(range)) {
        const Result<std::chrono::seconds> d = parsePrometheusDuration(parser.value(range));
        if (!d) {
            err() << tr("--range: %1\n").arg(d.error().message);
            done(CliUsage);
            return;
        }
        request.range = *d;
    }
    if (parser.isSet(step)) {
        const Result<std::chrono::seconds> d = parsePrometheusDuration(parser.value(step));
        if (!d || !parser.isSet(range)) {
            err() << (d ? tr("--step needs --range.\n") : tr("--step: %1\n").arg(d.error().message));
            done(CliUsage);
            return;
        }
        request.step = *d;
    }
    if (parser.isSet(QStringLiteral("timeout")))
        request.timeout = std::chrono::seconds(parser.value(QStringLiteral("timeout")).toInt());

    if (parser.isSet(url)) {
        const QUrl base = QUrl::fromUserInput(parser.value(url));
        if (!base.isValid() || base.host().isEmpty()) {
            err() << tr("'%1' is not a URL; use e.g. http://10.0.0.5:9090.\n").arg(parser.value(url));
            done(CliUsage);
            return;
        }
        m_client = new PrometheusClient(base, this);
        ask(request);
        return;
    }
    // The plan says which host runs Prometheus and how to log in there; no secret is needed.
    prepareCluster(
        [this, request] {
            m_client = session().metrics(plan(), targets(), this);
            if (!m_client) {
                err() << tr("No host of the cluster in %1 has the monitoring role; give one that role "
                            "(roles: [monitoring]) or use --url http://HOST:9090.\n")
                             .arg(clusterPath());
                done(CliFailure);
                return;
            }
            ask(request);
        },
        false);
}

void MetricsCommand::ask(const Request &request)
{
    m_client->setTimeout(request.timeout);
    auto answer = [this, json = request.json](Result<PromResult> result) {
        if (!result) {
            err() << result.error().message << u'\n';
            if (!result.error().detail.isEmpty())
                err() << QStringLiteral("  ") << result.error().detail << u'\n';
            hintAboutHostKeys();
            done(CliFailure);
            return;
        }
        print(*result, json);
        done(CliOk);
    };
    if (request.range.count() > 0) {
        const QDateTime end = QDateTime::currentDateTimeUtc();
        m_client->rangeQuery(request.query, end.addSecs(-request.range.count()), end, request.step, answer);
    } else {
        m_client->instantQuery(request.query, {}, answer);
    }
}

void MetricsCommand::print(const PromResult &result, bool json)
{
    QTextStream &out = this->out();
    for (const QString &w : result.warnings)
        err() << tr("Prometheus warning: %1\n").arg(w);
    if (json) {
        QJsonArray series;
        for (const PromSeries &s : result.series) {
            QJsonObject labels;
            for (auto it = s.labels.begin(); it != s.labels.end(); ++it)
                labels.insert(it.key(), it.value());
            QJsonArray samples;
            for (const PromSample &p : s.samples)
                samples.append(QJsonArray{p.timestamp, valueText(p.value)});
            series.append(
                QJsonObject{{QStringLiteral("labels"), labels}, {QStringLiteral("samples"), samples}});
        }
        QJsonObject root{{QStringLiteral("resultType"), QString::fromLatin1(typeName(result.type))},
                         {QStringLiteral("series"), series}};
        if (result.type == PromResult::Type::String)
            root.insert(QStringLiteral("string"), result.stringValue);
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return;
    }
    if (result.type == PromResult::Type::String) {
        out << result.stringValue << u'\n';
        return;
    }
    if (result.series.isEmpty()) {
        out << tr("(no series)\n");
        return;
    }
    for (const PromSeries &s : result.series) {
        if (result.type == PromResult::Type::Matrix) {
            out << labelsText(s.labels) << u'\n';
            for (const PromSample &p : s.samples)
                out << QStringLiteral("  ") << timeText(p.timestamp) << u' ' << valueText(p.value) << u'\n';
        } else if (result.type == PromResult::Type::Scalar) {
            out << valueText(s.samples.first().value) << u'\n';
        } else {
            out << labelsText(s.labels) << u' ' << valueText(s.samples.first().value) << u'\n';
        }
    }
}

} // namespace SlurmDeck
