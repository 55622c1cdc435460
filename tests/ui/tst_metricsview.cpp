// MetricsView on a PrometheusClient: a range answer (captured from Prometheus 2.42) fills the
// chart and the CSV export; a source that stops answering marks the view stale and keeps the
// data; it recovers when the source answers again.
#include "ResultTesting.h"
#include "charts/TimeSeriesChart.h"
#include "metrics/PrometheusClient.h"
#include "views/MetricsView.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Answers each request (whole, once its headers arrived) with `body`, unless `down`.
class FakePrometheus : public QObject
{
public:
    FakePrometheus()
    {
        server.listen(QHostAddress::LocalHost);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                if (down) {
                    socket->abort();
                    socket->deleteLater();
                    continue;
                }
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    buffer += socket->readAll();
                    if (!buffer.contains("\r\n\r\n") || !buffer.contains("step="))
                        return;
                    buffer.clear();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QTcpServer server;
    QByteArray buffer, body;
    bool down = false;
};

} // namespace

class TestMetricsView : public QObject
{
    Q_OBJECT

private slots:
    void chartsCsvStaleAndRecovery()
    {
        FakePrometheus fake;
        QFile fixture(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/prometheus/query_range_load1.json"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        fake.body = fixture.readAll();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        client.setTimeout(std::chrono::seconds(3));

        MetricsView view;
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(view.chart()->seriesCount(), 1);
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Updated")), qPrintable(view.statusText()));
        QVERIFY(view.csv().startsWith(QStringLiteral("time,")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.csv"));
        SLURMDECK_VERIFY_OK(view.exportCsv(path));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()), view.csv());

        fake.down = true;
        view.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Stale:")), qPrintable(view.statusText()));
        QCOMPARE(view.chart()->seriesCount(), 1); // the last data stays
        QVERIFY(!client.health().ok);

        fake.down = false;
        view.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.statusText().startsWith(QStringLiteral("Updated")));
        QVERIFY(client.health().ok);
    }
};

QTEST_MAIN(TestMetricsView)
#include "tst_metricsview.moc"
