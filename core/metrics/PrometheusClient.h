// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/PrometheusTypes.h"
#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace SlurmDeck {

class PrometheusTransport;
struct HttpAnswer;

// Asynchronous client of the Prometheus HTTP API (v1), on the thread that owns it, over a
// transport that never blocks it: plain HTTP to a URL, or through the monitoring host's SSH
// connection (SshPrometheusTransport). Each answer is delivered once to the callback, as a
// PromResult or an Error saying what to do; health() follows the answers like the other
// sources (name "prometheus", last success, last error).
class PrometheusClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusClient)

public:
    using Callback = std::function<void(Result<PromResult>)>;

    // Plain HTTP to baseUrl: http://host:9090 (a path prefix such as /prometheus is kept).
    explicit PrometheusClient(QUrl baseUrl, QObject *parent = nullptr);
    // Queries through `transport`, which becomes this client's child.
    explicit PrometheusClient(PrometheusTransport *transport, QObject *parent = nullptr);
    ~PrometheusClient() override;

    // The URL of a plain HTTP client; empty for another transport.
    [[nodiscard]] QUrl baseUrl() const;
    // Where the queries go, for messages.
    [[nodiscard]] QString where() const;
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    // /api/v1/query; `at` invalid: now.
    void instantQuery(const QString &promql, const QDateTime &at, Callback callback);
    // /api/v1/query_range; step <= 0: chosen with stepFor(end - start, defaultPoints).
    void rangeQuery(const QString &promql, const QDateTime &start, const QDateTime &end,
                    std::chrono::seconds step, Callback callback);

    static constexpr qint64 defaultPoints = 300;

    [[nodiscard]] const SourceHealth &health() const { return m_health; }
    // Healthy and answered within maxAge.
    [[nodiscard]] bool isFresh(const QDateTime &now, std::chrono::milliseconds maxAge) const;

signals:
    void healthChanged(const SlurmDeck::SourceHealth &health);

private:
    void send(const QString &endpoint, const QList<std::pair<QString, QString>> &parameters,
              Callback callback);
    void finish(Result<HttpAnswer> answer, const Callback &callback);
    // `serverAnswered`: Prometheus itself answered, if only with an error about the query.
    void record(const Result<PromResult> &result, bool serverAnswered);

    PrometheusTransport *m_transport = nullptr;
    std::chrono::milliseconds m_timeout{10000};
    SourceHealth m_health{QStringLiteral("prometheus"), false, {}, {}, {}};
};

} // namespace SlurmDeck
