// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/PrometheusClient.h"

#include "metrics/PrometheusParser.h"
#include "metrics/PrometheusTransport.h"

namespace SlurmDeck {

namespace {

QString unixTime(const QDateTime &time)
{
    return QString::number(static_cast<double>(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

} // namespace

PrometheusClient::PrometheusClient(QUrl baseUrl, QObject *parent)
    : PrometheusClient(new HttpPrometheusTransport(std::move(baseUrl)), parent)
{}

PrometheusClient::PrometheusClient(PrometheusTransport *transport, QObject *parent)
    : QObject(parent), m_transport(transport)
{
    m_transport->setParent(this);
}

PrometheusClient::~PrometheusClient() = default;

QUrl PrometheusClient::baseUrl() const
{
    const auto *http = qobject_cast<const HttpPrometheusTransport *>(m_transport);
    return http ? http->baseUrl() : QUrl();
}

QString PrometheusClient::where() const
{
    return m_transport->where();
}

bool PrometheusClient::isFresh(const QDateTime &now, std::chrono::milliseconds maxAge) const
{
    const qint64 age = m_health.ageMs(now);
    return m_health.ok && age >= 0 && age <= maxAge.count();
}

void PrometheusClient::instantQuery(const QString &promql, const QDateTime &at, Callback callback)
{
    QList<std::pair<QString, QString>> parameters{{QStringLiteral("query"), promql}};
    if (at.isValid())
        parameters.append({QStringLiteral("time"), unixTime(at)});
    send(QStringLiteral("query"), parameters, std::move(callback));
}

void PrometheusClient::rangeQuery(const QString &promql, const QDateTime &start, const QDateTime &end,
                                  std::chrono::seconds step, Callback callback)
{
    if (!start.isValid() || !end.isValid() || end < start) {
        const Result<PromResult> error =
            makeError(Error::Code::InvalidArgument,
                      QStringLiteral("The time range is empty or reversed; choose a start before the end."));
        // Deliver asynchronously like every other answer.
        QMetaObject::invokeMethod(
            this, [callback = std::move(callback), error] { callback(error); }, Qt::QueuedConnection);
        return;
    }
    if (step.count() <= 0)
        step = stepFor(std::chrono::seconds(start.secsTo(end)), defaultPoints);
    else
        step = std::max(step, stepFor(std::chrono::seconds(start.secsTo(end)), prometheusMaxPoints));
    send(QStringLiteral("query_range"),
         {{QStringLiteral("query"), promql},
          {QStringLiteral("start"), unixTime(start)},
          {QStringLiteral("end"), unixTime(end)},
          {QStringLiteral("step"), QString::number(step.count())}},
         std::move(callback));
}

void PrometheusClient::send(const QString &endpoint, const QList<std::pair<QString, QString>> &parameters,
                            Callback callback)
{
    QByteArray form;
    for (const auto &[key, value] : parameters) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    m_health.lastAttempt = QDateTime::currentDateTimeUtc();
    // POST: long PromQL expressions do not hit URL length limits.
    m_transport->post(QStringLiteral("/api/v1/") + endpoint, form, m_timeout,
                      [this, callback = std::move(callback)](Result<HttpAnswer> answer) {
                          finish(std::move(answer), callback);
                      });
}

void PrometheusClient::finish(Result<HttpAnswer> answer, const Callback &callback)
{
    const QString where = m_transport->where();
    Result<PromResult> result = makeError(Error::Code::Unknown, {});
    bool serverAnswered = false;
    if (!answer && answer.error().code == Error::Code::Timeout) {
        result =
            makeError(Error::Code::Timeout,
                      QStringLiteral("Prometheus at %1 did not answer within %2 s; check that it is running "
                                     "and reachable, or query a shorter range.")
                          .arg(where)
                          .arg(static_cast<double>(m_timeout.count()) / 1000.0),
                      answer.error().toString());
    } else if (!answer && answer.error().code == Error::Code::Network) {
        result =
            makeError(Error::Code::Network,
                      QStringLiteral("Prometheus at %1 cannot be reached; check that its container runs on "
                                     "the monitoring host (docker ps) and listens on port 9090.")
                          .arg(where),
                      answer.error().toString());
    } else if (!answer && answer.error().code == Error::Code::Parse) {
        result = makeError(Error::Code::Parse,
                           QStringLiteral("Prometheus at %1: %2").arg(where, answer.error().message));
    } else if (!answer) {
        result = answer.error(); // a refused host key, a login, an oversized answer: as they are
    } else {
        // The API puts its errors (400 bad_data, 422 execution, 503 timeout...) in a JSON body.
        result = parsePrometheusResponse(answer->body);
        // An API error (a refused query, one it gave up on) says nothing about the server being
        // down: its other queries are answered.
        serverAnswered = result || result.error().code != Error::Code::Parse;
        if (!result && result.error().code == Error::Code::Parse && answer->status != 200) {
            result = makeError(
                Error::Code::Network,
                QStringLiteral("%1 answered HTTP %2 instead of a Prometheus API response; check the URL "
                               "(it should be Prometheus itself, e.g. http://host:9090).")
                    .arg(where)
                    .arg(answer->status));
        }
    }
    record(result, serverAnswered);
    callback(std::move(result));
}

void PrometheusClient::record(const Result<PromResult> &result, bool serverAnswered)
{
    const SourceHealth before = m_health;
    if (serverAnswered) {
        m_health.ok = true;
        m_health.error.clear();
        m_health.lastSuccess = QDateTime::currentDateTimeUtc();
    } else {
        m_health.ok = false;
        m_health.error = result.error().message;
    }
    if (!(before == m_health))
        emit healthChanged(m_health);
}

} // namespace SlurmDeck
