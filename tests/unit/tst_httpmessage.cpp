// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/1.0 framing SlurmDeck speaks to Prometheus over an SSH channel: the request it
// sends, and answers as Prometheus 2.42 wrote them (tests/data/prometheus/http, captured by
// capture-http.sh), chunked ones, and broken or hostile ones, which are Parse errors.
#include "ResultTesting.h"
#include "metrics/HttpMessage.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/prometheus/http/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestHttpMessage : public QObject
{
    Q_OBJECT

private slots:
    void request()
    {
        const QByteArray r = httpFormPost(QStringLiteral("127.0.0.1:9090"), QStringLiteral("/api/v1/query"),
                                          QByteArrayLiteral("query=up"));
        QCOMPARE(r, QByteArrayLiteral("POST /api/v1/query HTTP/1.0\r\n"
                                      "Host: 127.0.0.1:9090\r\n"
                                      "Content-Type: application/x-www-form-urlencoded\r\n"
                                      "Content-Length: 8\r\n"
                                      "Connection: close\r\n\r\n"
                                      "query=up"));
    }

    void capturedAnswers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyStart");
        QTest::newRow("query") << QStringLiteral("query_up.http") << 200
                               << QByteArray("{\"status\":\"success\"");
        QTest::newRow("bad query") << QStringLiteral("bad_data.http") << 400
                                   << QByteArray("{\"status\":\"error\"");
        QTest::newRow("no such path")
            << QStringLiteral("not_found.http") << 404 << QByteArray("404 page not found");
    }

    void capturedAnswers()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyStart);
        const QByteArray raw = fixture(file);
        const Result<HttpAnswer> answer = parseHttpAnswer(raw);
        SLURMDECK_VERIFY_OK(answer);
        QCOMPARE(answer->status, status);
        QVERIFY2(answer->body.startsWith(bodyStart), answer->body.left(80).constData());
        QVERIFY(raw.endsWith(answer->body));
        // Cut anywhere inside the body: an error, never a partial body.
        const Result<HttpAnswer> cut = parseHttpAnswer(raw.first(raw.size() - 1));
        QVERIFY(!cut);
        QVERIFY(cut.error().code == Error::Code::Parse);
    }

    void chunked()
    {
        const Result<HttpAnswer> answer =
            parseHttpAnswer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n");
        SLURMDECK_VERIFY_OK(answer);
        QCOMPARE(answer->body, QByteArrayLiteral("hello, world"));
    }

    void withoutLength()
    {
        const Result<HttpAnswer> answer = parseHttpAnswer("HTTP/1.0 503 Service Unavailable\r\n\r\nbusy");
        SLURMDECK_VERIFY_OK(answer);
        QCOMPARE(answer->status, 503);
        QCOMPARE(answer->body, QByteArrayLiteral("busy"));
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("why");
        QTest::newRow("nothing") << QByteArray() << QStringLiteral("without a word");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n")
                                  << QStringLiteral("status line");
        QTest::newRow("no end of headers")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n") << QStringLiteral("cut short");
        QTest::newRow("headers too long")
            << QByteArray("HTTP/1.0 200 OK\r\nX: " + QByteArray(70000, 'a') + "\r\n\r\n")
            << QStringLiteral("64 KiB");
        QTest::newRow("status not a number")
            << QByteArray("HTTP/1.0 2x0 OK\r\n\r\n") << QStringLiteral("status code");
        QTest::newRow("status out of range")
            << QByteArray("HTTP/1.0 999 OK\r\n\r\n") << QStringLiteral("status code");
        QTest::newRow("negative length") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n")
                                         << QStringLiteral("Content-Length");
        QTest::newRow("huge length") << QByteArray(
                                            "HTTP/1.0 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                     << QStringLiteral("Content-Length");
        QTest::newRow("short body") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nabc")
                                    << QStringLiteral("after 3 of 10 bytes");
        QTest::newRow("header without name")
            << QByteArray("HTTP/1.0 200 OK\r\n: x\r\n\r\n") << QStringLiteral("no name");
        QTest::newRow("chunk size not hex")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << QStringLiteral("hexadecimal");
        QTest::newRow("chunk size too long")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")
            << QStringLiteral("too long");
        QTest::newRow("chunk cut short")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nabc")
            << QStringLiteral("chunk is cut short");
        QTest::newRow("no last chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
            << QStringLiteral("size line is cut short");
        QTest::newRow("control characters shown safely")
            << QByteArray("\x1b]0;pwned\x07 200\r\n\r\n") << QStringLiteral("'?]0;pwned? 200'");
    }

    void broken()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, why);
        const Result<HttpAnswer> answer = parseHttpAnswer(raw);
        QVERIFY(!answer);
        QVERIFY(answer.error().code == Error::Code::Parse);
        QVERIFY2(answer.error().message.contains(why), qPrintable(answer.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHttpMessage)
#include "tst_httpmessage.moc"
