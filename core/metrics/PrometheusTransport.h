// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/HttpMessage.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace SlurmDeck {

// How PrometheusClient's queries reach Prometheus: one POST of a form, one answer, on the
// thread that owns the transport and without blocking it. `done` is called once, unless the
// transport is destroyed first. Errors are the way's own (Timeout, Network, a refused host
// key...); what the server answered, whatever its status, is an HttpAnswer.
class PrometheusTransport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusTransport)

public:
    using Done = std::function<void(Result<HttpAnswer>)>;

    // An answer longer than this is an error: a hostile or broken server cannot fill memory.
    static constexpr qsizetype maxAnswerBytes = 32 * 1024 * 1024;

    using QObject::QObject;
    ~PrometheusTransport() override;

    // `path` below Prometheus' root, e.g. "/api/v1/query".
    virtual void post(const QString &path, const QByteArray &form, std::chrono::milliseconds timeout,
                      Done done) = 0;
    // Where the queries go, for messages: "http://10.0.0.5:9090", "127.0.0.1:9090 on mon via SSH".
    [[nodiscard]] virtual QString where() const = 0;
};

// Plain HTTP with Qt Network: for a Prometheus the user names by URL (`metrics --url`).
class HttpPrometheusTransport final : public PrometheusTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpPrometheusTransport)

public:
    // baseUrl: http://host:9090 (a path prefix such as /prometheus is kept).
    explicit HttpPrometheusTransport(QUrl baseUrl, QObject *parent = nullptr);
    ~HttpPrometheusTransport() override;

    void post(const QString &path, const QByteArray &form, std::chrono::milliseconds timeout,
              Done done) override;
    [[nodiscard]] QString where() const override;
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }

private:
    QUrl m_baseUrl;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace SlurmDeck
