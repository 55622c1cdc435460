// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/PrometheusTransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace SlurmDeck {

PrometheusTransport::~PrometheusTransport() = default;

HttpPrometheusTransport::HttpPrometheusTransport(QUrl baseUrl, QObject *parent)
    : PrometheusTransport(parent), m_baseUrl(std::move(baseUrl)), m_network(new QNetworkAccessManager(this))
{}

HttpPrometheusTransport::~HttpPrometheusTransport() = default;

QString HttpPrometheusTransport::where() const
{
    return m_baseUrl.toString(QUrl::RemoveUserInfo);
}

void HttpPrometheusTransport::post(const QString &path, const QByteArray &form,
                                   std::chrono::milliseconds timeout, Done done)
{
    QUrl url = m_baseUrl;
    QString prefix = url.path();
    if (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    QNetworkReply *reply = m_network->post(request, form);
    auto tooLarge = std::make_shared<bool>(false);
    const auto checkSize = [reply, tooLarge](qint64 received, qint64 total) {
        if (received > maxAnswerBytes || total > maxAnswerBytes) {
            *tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::downloadProgress, this, checkSize);
    connect(reply, &QNetworkReply::finished, this, [this, reply, tooLarge, timeout, done = std::move(done)] {
        reply->deleteLater();
        if (*tooLarge) {
            done(makeError(Error::Code::RemoteCommandFailed,
                           tr("%1 sent more than %2 MiB; the answer was dropped.")
                               .arg(where())
                               .arg(maxAnswerBytes / (1024 * 1024))));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError) {
            done(makeError(Error::Code::Timeout,
                           tr("%1 did not answer within %2 s.")
                               .arg(where())
                               .arg(static_cast<double>(timeout.count()) / 1000.0),
                           reply->errorString()));
            return;
        }
        if (status == 0) {
            done(makeError(Error::Code::Network, tr("%1 cannot be reached.").arg(where()),
                           reply->errorString()));
            return;
        }
        done(HttpAnswer{status, reply->isOpen() ? reply->readAll() : QByteArray()});
    });
}

} // namespace SlurmDeck
