#include "cli/MetricsCommand.h"

#include "inventory/ClusterFile.h"
#include "metrics/MetricQueries.h"
#include "metrics/PrometheusClient.h"
#include "metrics/PrometheusParser.h"

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

MetricsCommand::MetricsCommand(QObject *parent) : CliCommand(parent)
{}

MetricsCommand::~MetricsCommand() = default;

void MetricsCommand::start(const CliContext &context)
{
    m_context = context;
    QTextStream &err = *context.err;
    const QString usage =
        QStringLiteral("slurmdeck-cli metrics QUERY [--range DURATION] [--step S] [--json] [--url URL]");
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a PromQL query against the cluster's Prometheus."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
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
        tr("Prometheus to ask (default: http://MONITORING-HOST:9090 from the cluster file)."),
        QStringLiteral("URL"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     tr("Seconds to wait for the answer (default 10)."),
                                     QStringLiteral("SECONDS"));
    parser.addOptions({help, range, step, json, url, timeout});
    parser.addPositionalArgument(QStringLiteral("QUERY"),
                                 tr("The PromQL expression, e.g. 'up' or 'node_load1'."));
    if (!parser.parse(QStringList{QStringLiteral("metrics")} + context.arguments)) {
        err << parser.errorText() << u'\n';
        emit finished(CliUsage);
        return;
    }
    if (parser.isSet(help)) {
        *context.out << commandHelp(parser, usage);
        emit finished(CliOk);
        return;
    }
    if (parser.positionalArguments().size() != 1) {
        err << tr("metrics takes one QUERY (quote it). Usage: %1\n").arg(usage);
        emit finished(CliUsage);
        return;
    }
    const QString query = parser.positionalArguments().first();

    std::chrono::seconds rangeSeconds{0};
    if (parser.isSet(range)) {
        const Result<std::chrono::seconds> d = parsePrometheusDuration(parser.value(range));
        if (!d) {
            err << tr("--range: %1\n").arg(d.error().message);
            emit finished(CliUsage);
            return;
        }
        rangeSeconds = *d;
    }
    std::chrono::seconds stepSeconds{0};
    if (parser.isSet(step)) {
        const Result<std::chrono::seconds> d = parsePrometheusDuration(parser.value(step));
        if (!d || !parser.isSet(range)) {
            err << (d ? tr("--step needs --range.\n") : tr("--step: %1\n").arg(d.error().message));
            emit finished(CliUsage);
            return;
        }
        stepSeconds = *d;
    }

    QUrl base;
    if (parser.isSet(url)) {
        base = QUrl::fromUserInput(parser.value(url));
    } else {
        const QString path = ClusterFile::resolvePath(context.clusterFile);
        const Result<Cluster> cluster = ClusterFile::load(path);
        if (!cluster) {
            err << (cluster.error().code == Error::Code::NotFound
                        ? tr("There is no cluster file at %1. Name one with --cluster FILE, or give "
                             "Prometheus "
                             "with --url http://HOST:9090.\n")
                              .arg(path)
                        : cluster.error().toString() + u'\n');
            emit finished(CliFailure);
            return;
        }
        base = prometheusUrl(*cluster); // the GUI's Metrics view asks the same one
        if (base.isEmpty()) {
            err << tr("No host of the cluster in %1 has the monitoring role; give one that role (roles: "
                      "[monitoring]) or use --url http://HOST:9090.\n")
                       .arg(path);
            emit finished(CliFailure);
            return;
        }
    }
    if (!base.isValid() || base.host().isEmpty()) {
        err << tr("'%1' is not a URL; use e.g. http://10.0.0.5:9090.\n").arg(parser.value(url));
        emit finished(CliUsage);
        return;
    }

    m_client = new PrometheusClient(base, this);
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int s = parser.value(timeout).toInt(&ok);
        if (!ok || s <= 0) {
            err << tr("--timeout takes a positive number of seconds.\n");
            emit finished(CliUsage);
            return;
        }
        m_client->setTimeout(std::chrono::seconds(s));
    }
    const bool asJson = parser.isSet(json);
    auto answer = [this, asJson](Result<PromResult> result) {
        if (!result) {
            *m_context.err << result.error().message << u'\n';
            if (!result.error().detail.isEmpty())
                *m_context.err << QStringLiteral("  ") << result.error().detail << u'\n';
            emit finished(CliFailure);
            return;
        }
        print(*result, asJson);
        emit finished(CliOk);
    };
    if (rangeSeconds.count() > 0) {
        const QDateTime end = QDateTime::currentDateTimeUtc();
        m_client->rangeQuery(query, end.addSecs(-rangeSeconds.count()), end, stepSeconds, answer);
    } else {
        m_client->instantQuery(query, {}, answer);
    }
}

void MetricsCommand::print(const PromResult &result, bool json)
{
    QTextStream &out = *m_context.out;
    for (const QString &w : result.warnings)
        *m_context.err << tr("Prometheus warning: %1\n").arg(w);
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
