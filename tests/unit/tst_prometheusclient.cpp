// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient over real HTTP against a tiny in-process server that answers with responses
// captured from Prometheus 2.42 (tests/data/prometheus/): results, API errors, non-Prometheus
// pages, silence (timeout), a closed port; health follows and recovers.
#include "ResultTesting.h"
#include "metrics/PrometheusClient.h"
#include "metrics/PrometheusTransport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace SlurmDeck;
using namespace std::chrono_literals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/prometheus/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Answers every request with `status` and `body` (or not at all when `silent`); remembers
// the last request.
class FakePrometheus : public QObject
{
public:
    FakePrometheus()
    {
        server.listen(QHostAddress::LocalHost);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    request += socket->readAll();
                    const qsizetype headerEnd = request.indexOf("\r\n\r\n");
                    if (headerEnd < 0 || silent)
                        return;
                    const QByteArray head = request.left(headerEnd).toLower();
                    const qsizetype cl = head.indexOf("content-length:");
                    const qsizetype length =
                        cl < 0 ? 0
                               : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
                    if (request.size() < headerEnd + 4 + length)
                        return;
                    lastRequest = request;
                    request.clear();
                    socket->write("HTTP/1.1 " + QByteArray::number(status) +
                                  " X\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())); }

    QTcpServer server;
    QByteArray request, lastRequest, body;
    int status = 200;
    bool silent = false;
};

Result<PromResult> wait(const std::function<void(PrometheusClient::Callback)> &ask)
{
    std::optional<Result<PromResult>> got;
    ask([&got](Result<PromResult> r) { got = std::move(r); });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, 20000))
        return makeError(Error::Code::Unknown, QStringLiteral("no answer from the client at all"));
    return *got;
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private slots:
    void instantQuery()
    {
        FakePrometheus fake;
        fake.body = fixture(QStringLiteral("query_up.json"));
        PrometheusClient client(fake.url());
        QVERIFY(!client.health().ok);
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up{job=\"node\"}"), {}, cb); });
        SLURMDECK_VERIFY_OK(r);
        QCOMPARE(r->series.size(), 3);
        QVERIFY(fake.lastRequest.startsWith("POST /api/v1/query HTTP"));
        QVERIFY(fake.lastRequest.endsWith("query=up%7Bjob%3D%22node%22%7D"));
        QVERIFY(client.health().ok);
        QVERIFY(client.isFresh(QDateTime::currentDateTimeUtc(), 5s));
        QCOMPARE(client.health().name, QStringLiteral("prometheus"));
    }

    void rangeQueryStep()
    {
        FakePrometheus fake;
        fake.body = fixture(QStringLiteral("query_range_load1.json"));
        PrometheusClient client(QUrl(fake.url().toString() + QStringLiteral("/prom/")));
        const QDateTime end = QDateTime::fromSecsSinceEpoch(1795648630, Qt::UTC);
        // 7 days with 1 s steps would be 604801 points: the client raises the step to 55.
        const Result<PromResult> r = wait(
            [&](auto cb) { client.rangeQuery(QStringLiteral("node_load1"), end.addDays(-7), end, 1s, cb); });
        SLURMDECK_VERIFY_OK(r);
        QVERIFY(r->type == PromResult::Type::Matrix);
        QVERIFY(fake.lastRequest.startsWith("POST /prom/api/v1/query_range HTTP"));
        QVERIFY2(fake.lastRequest.contains("start=1795043830.000&end=1795648630.000&step=55"),
                 fake.lastRequest.constData());
        // No step: about 300 points.
        const Result<PromResult> d =
            wait([&](auto cb) { client.rangeQuery(QStringLiteral("x"), end.addSecs(-3600), end, 0s, cb); });
        SLURMDECK_VERIFY_OK(d);
        QVERIFY(fake.lastRequest.endsWith("&step=13"));
    }

    void apiErrorKeepsHealth()
    {
        FakePrometheus fake;
        fake.status = 400;
        fake.body = fixture(QStringLiteral("error_bad_data.json"));
        PrometheusClient client(fake.url());
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up{"), {}, cb); });
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::InvalidArgument);
        QVERIFY(r.error().detail.contains(QStringLiteral("parse error")));
        QVERIFY(client.health().ok); // the server answered: a bad query is not an outage
        fake.status = 422;
        fake.body = fixture(QStringLiteral("error_execution.json"));
        const Result<PromResult> e = wait([&](auto cb) { client.instantQuery(QStringLiteral("x"), {}, cb); });
        QVERIFY(!e);
        QVERIFY(e.error().detail.startsWith(QStringLiteral("execution:")));
        QVERIFY(client.health().ok); // nor is a query it gave up on
    }

    void notPrometheus()
    {
        FakePrometheus fake;
        fake.status = 502;
        fake.body = "<html>Bad Gateway</html>";
        PrometheusClient client(fake.url());
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("HTTP 502")));
        QVERIFY(!client.health().ok);
    }

    void timeoutThenRecovery()
    {
        FakePrometheus fake;
        fake.silent = true;
        PrometheusClient client(fake.url());
        client.setTimeout(300ms);
        QSignalSpy health(&client, &PrometheusClient::healthChanged);
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::Timeout);
        QVERIFY(r.error().message.contains(QStringLiteral("did not answer within 0.3 s")));
        QVERIFY(!client.health().ok);
        QCOMPARE(client.health().error, r.error().message);
        fake.silent = false;
        fake.request.clear();
        fake.body = fixture(QStringLiteral("query_up.json"));
        const Result<PromResult> ok =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        SLURMDECK_VERIFY_OK(ok);
        QVERIFY(client.health().ok);
        QVERIFY(client.health().error.isEmpty());
        QVERIFY(health.count() >= 2);
    }

    // A server that sends more than the transport's cap: an error, the answer dropped.
    void oversizedAnswerIsDropped()
    {
        FakePrometheus fake;
        fake.body = QByteArray(PrometheusTransport::maxAnswerBytes + 1024, ' ');
        PrometheusClient client(fake.url());
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("more than 32 MiB")),
                 qPrintable(r.error().toString()));
        QVERIFY(!client.health().ok);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost);
            port = probe.serverPort();
        }
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const Result<PromResult> r =
            wait([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::Network);
        QVERIFY(r.error().message.contains(QStringLiteral("cannot be reached")));
        QVERIFY(!client.health().ok);
        QCOMPARE(client.health().ageMs(QDateTime::currentDateTimeUtc()), -1);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
