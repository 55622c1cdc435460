// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsView on a PrometheusClient: a range answer (captured from Prometheus 2.42) fills the
// chart and the CSV export; a source that stops answering marks the view stale (banner with
// the age) and keeps the data; it recovers when the source answers again. The selectors ask
// metricQuery()'s PromQL with stepFor()'s step; the PNG export writes a real image.
#include "ResultTesting.h"
#include "charts/TimeSeriesChart.h"
#include "metrics/MetricQueries.h"
#include "metrics/PrometheusClient.h"
#include "metrics/PrometheusParser.h"
#include "views/MetricsView.h"
#include "widgets/StaleBanner.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Answers each request (whole, once its headers arrived) with `body`, unless `down`; a query
// containing `failing` gets HTTP 422 with `failure` (Prometheus's answer to a query it gave up on).
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
                // The grid asks every chart at once: each connection has its own buffer.
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!buffer->contains("\r\n\r\n") || !buffer->contains("step="))
                        return;
                    const QByteArray request = buffer->mid(buffer->indexOf("\r\n\r\n") + 4);
                    const QUrlQuery form(QString::fromUtf8(request));
                    requests.append(form);
                    buffer->clear();
                    const bool fails =
                        !failing.isEmpty() &&
                        form.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).contains(failing);
                    const QByteArray &answer = fails ? failure : body;
                    socket->write((fails ? QByteArray("HTTP/1.1 422 Unprocessable Entity\r\n")
                                         : QByteArray("HTTP/1.1 200 OK\r\n")) +
                                  "Content-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(answer.size()) + "\r\n\r\n" + answer);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QTcpServer server;
    QByteArray body;
    QString failing;
    QByteArray failure;
    QList<QUrlQuery> requests; // the form of each answered request
    bool down = false;
};

} // namespace

class TestMetricsView : public QObject
{
    Q_OBJECT

private slots:
    static QByteArray fixture()
    {
        QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/prometheus/query_range_load1.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void selectorsAskTheirQueries()
    {
        FakePrometheus fake;
        fake.body = fixture();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        MetricsView view;
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(refreshed.wait(10000));
        // Default: every chart of the grid, as cluster totals over the last 15 minutes; CPU
        // usage selected.
        QVERIFY(view.metric() == ChartMetric::CpuUsage);
        QVERIFY(view.scope() == ChartScope::Cluster);
        QCOMPARE(fake.requests.size(), allChartMetrics().size());
        QStringList queries;
        for (const QUrlQuery &request : std::as_const(fake.requests))
            queries << request.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        for (const ChartMetric metric : allChartMetrics()) {
            const QString promql =
                metricQuery(metric, ChartScope::Cluster, stepFor(std::chrono::minutes(15), 300)).promql;
            QVERIFY2(queries.contains(promql), qPrintable(promql));
            QCOMPARE(view.chartFor(metric)->seriesCount(), 1); // the fixture's one series in each
        }

        const auto check = [&](ChartMetric metric, ChartScope scope, std::chrono::seconds range) {
            refreshed.clear();
            view.setMetric(metric);
            view.setScope(scope);
            view.setTimeRange(range);
            QVERIFY(refreshed.wait(10000)); // only the latest request's answer is shown
            const std::chrono::seconds step = stepFor(range, PrometheusClient::defaultPoints);
            const QString promql = metricQuery(metric, scope, step).promql;
            // Each selector asks at once; the last selection's request is among the latest.
            const auto asked =
                std::find_if(fake.requests.crbegin(), fake.requests.crend(), [&](const QUrlQuery &q) {
                    return q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded) == promql;
                });
            QVERIFY2(asked != fake.requests.crend(), qPrintable(promql));
            const QUrlQuery &last = *asked;
            QCOMPARE(last.queryItemValue(QStringLiteral("step")).toLongLong(), qint64(step.count()));
            const double span = last.queryItemValue(QStringLiteral("end")).toDouble() -
                                last.queryItemValue(QStringLiteral("start")).toDouble();
            QCOMPARE(qRound64(span), qint64(range.count()));
            QCOMPARE(view.currentQuery(), metricQuery(metric, scope, step));
        };
        check(ChartMetric::Load, ChartScope::PerNode, std::chrono::hours(1));
        check(ChartMetric::SlurmCpus, ChartScope::Cluster, std::chrono::hours(6));
        check(ChartMetric::SlurmJobs, ChartScope::Cluster, std::chrono::hours(24));
        check(ChartMetric::GpuUtilisation, ChartScope::PerNode, std::chrono::hours(24 * 7));
        check(ChartMetric::GpuMemory, ChartScope::Cluster, std::chrono::minutes(15));
        check(ChartMetric::MemoryUsage, ChartScope::PerNode, std::chrono::hours(6));
        QVERIFY(view.chart()->title().contains(QStringLiteral("Memory")));

        // Selecting another chart asks nothing: its data is there.
        const qsizetype before = fake.requests.size();
        view.setMetric(ChartMetric::Load);
        QTest::qWait(100);
        QCOMPARE(fake.requests.size(), before);
        QCOMPARE(view.chart(), view.chartFor(ChartMetric::Load));
        QVERIFY(view.chart()->property("selected").toBool());
        QVERIFY(!view.chartFor(ChartMetric::MemoryUsage)->property("selected").toBool());
        QVERIFY(view.csv().startsWith(QStringLiteral("time,")));
        // A click on a chart selects it.
        QTest::mouseClick(view.chartFor(ChartMetric::SlurmJobs), Qt::LeftButton);
        QCOMPARE(view.metric(), ChartMetric::SlurmJobs);
    }

    // The charts follow the palette: Qt Charts' dark theme on a dark palette; hovering a
    // line names the series, the value and the time.
    void chartsFollowThePaletteAndNameValues()
    {
        MetricsView view;
        QVERIFY(!view.chart()->isDarkTheme());
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::WindowText, Qt::white);
        QApplication::setPalette(dark);
        QCoreApplication::processEvents();
        for (const ChartMetric metric : allChartMetrics())
            QVERIFY2(view.chartFor(metric)->isDarkTheme(), qPrintable(view.chartFor(metric)->title()));
        QApplication::setPalette(light);
        QCoreApplication::processEvents();
        QVERIFY(!view.chart()->isDarkTheme());

        const QDateTime at(QDate(2026, 12, 7), QTime(14, 3, 0));
        QCOMPARE(TimeSeriesChart::valueText(QStringLiteral("cluster"),
                                            QPointF(double(at.toMSecsSinceEpoch()), 42.5)),
                 QStringLiteral("cluster: 42.5 at 14:03:00"));
    }

    void pngExport()
    {
        FakePrometheus fake;
        fake.body = fixture();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        MetricsView view;
        view.resize(900, 600);
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(refreshed.wait(10000));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        SLURMDECK_VERIFY_OK(view.exportPng(path));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 520 && image.height() >= 4 * 180); // the whole grid: 2 columns, 4 rows
        // Not blank: the axes, labels and line differ from the background.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
        QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/dir/chart.png"))));
    }

    void pollsOnATimer()
    {
        FakePrometheus fake;
        fake.body = fixture();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        MetricsView view;
        view.setRefreshInterval(std::chrono::milliseconds(200));
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(QTest::qWaitFor([&] { return refreshed.size() >= 3; }, 10000));
        QVERIFY(fake.requests.size() >= 3 * allChartMetrics().size());
    }

    void chartsCsvStaleAndRecovery()
    {
        FakePrometheus fake;
        fake.body = fixture();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        client.setTimeout(std::chrono::seconds(3));

        MetricsView view;
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(view.chart()->seriesCount(), 1);
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Updated")), qPrintable(view.statusText()));
        QVERIFY(view.csv().startsWith(QStringLiteral("time,")));
        QVERIFY(!view.isStale());
        QVERIFY(view.staleBanner()->isHidden());

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
        QVERIFY(view.isStale());
        QVERIFY(!view.staleBanner()->isHidden());
        const QString banner = view.staleBanner()->text();
        QVERIFY2(banner.startsWith(QStringLiteral("Stale since")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("Prometheus at http://127.0.0.1")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("cannot be reached")), qPrintable(banner));

        fake.down = false;
        view.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.statusText().startsWith(QStringLiteral("Updated")));
        QVERIFY(client.health().ok);
        QVERIFY(!view.isStale());
        QVERIFY(view.staleBanner()->isHidden());
        QVERIFY(view.staleBanner()->text().isEmpty());
    }

    // One query Prometheus gives up on (HTTP 422) while it answers the others: that chart says
    // so; the grid is not stale.
    void oneFailedChartIsNotAStaleGrid()
    {
        FakePrometheus fake;
        fake.body = fixture();
        fake.failing = QStringLiteral("node_memory_MemAvailable_bytes");
        QFile failure(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/prometheus/error_execution.json"));
        QVERIFY(failure.open(QIODevice::ReadOnly));
        fake.failure = failure.readAll();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.server.serverPort())));
        client.setTimeout(std::chrono::seconds(3));

        MetricsView view;
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.setSource(&client);
        QVERIFY(refreshed.wait(10000));
        const QString status = view.statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Updated")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("except Memory usage: ")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("CPU usage")), qPrintable(status));
        QVERIFY(!view.isStale());
        QVERIFY(view.staleBanner()->isHidden());
        const QString failedTitle = view.chartFor(ChartMetric::MemoryUsage)->title();
        QVERIFY2(failedTitle.contains(QStringLiteral("not updated")), qPrintable(failedTitle));
        QVERIFY(!view.chartFor(ChartMetric::CpuUsage)->title().contains(QStringLiteral("not updated")));
        QCOMPARE(view.chartFor(ChartMetric::CpuUsage)->seriesCount(), 1);
    }
};

QTEST_MAIN(TestMetricsView)
#include "tst_metricsview.moc"
