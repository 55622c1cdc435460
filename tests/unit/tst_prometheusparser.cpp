// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus API parser on responses captured from the monitoring image's real Prometheus
// (tests/data/prometheus/, capture.sh), stepFor() against the API's point limit, durations.
#include "ResultTesting.h"
#include "metrics/MetricsCsv.h"
#include "metrics/PrometheusParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

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

const PromSeries *byInstance(const PromResult &result, const QString &instance)
{
    for (const PromSeries &s : result.series) {
        if (s.label(QStringLiteral("instance")) == instance)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestPrometheusParser : public QObject
{
    Q_OBJECT

private slots:
    void vectorUp()
    {
        const Result<PromResult> r = parsePrometheusResponse(fixture(QStringLiteral("query_up.json")));
        SLURMDECK_VERIFY_OK(r);
        QVERIFY(r->type == PromResult::Type::Vector);
        QCOMPARE(r->series.size(), 3);
        const PromSeries *node = byInstance(*r, QStringLiteral("sdm-node:9100"));
        QVERIFY(node);
        QCOMPARE(node->label(QStringLiteral("__name__")), QStringLiteral("up"));
        QCOMPARE(node->label(QStringLiteral("job")), QStringLiteral("node"));
        QCOMPARE(node->samples.size(), 1);
        QCOMPARE(node->samples.first().value, 1.0);
        QVERIFY(node->samples.first().timestamp > 1.7e9);
        QCOMPARE(byInstance(*r, QStringLiteral("sdm-missing:9100"))->samples.first().value, 0.0);
    }

    void matrixLoad()
    {
        const Result<PromResult> r =
            parsePrometheusResponse(fixture(QStringLiteral("query_range_load1.json")));
        SLURMDECK_VERIFY_OK(r);
        QVERIFY(r->type == PromResult::Type::Matrix);
        QCOMPARE(r->series.size(), 1);
        const QList<PromSample> &samples = r->series.first().samples;
        QVERIFY(samples.size() >= 5);
        for (qsizetype i = 1; i < samples.size(); ++i)
            QCOMPARE(samples.at(i).timestamp - samples.at(i - 1).timestamp, 5.0);
        QVERIFY(samples.first().value >= 0);
    }

    void scalarAndString()
    {
        const Result<PromResult> s = parsePrometheusResponse(fixture(QStringLiteral("query_scalar.json")));
        SLURMDECK_VERIFY_OK(s);
        QVERIFY(s->type == PromResult::Type::Scalar);
        QCOMPARE(s->series.size(), 1);
        QCOMPARE(s->series.first().samples.first().value, 3.0);
        const Result<PromResult> t = parsePrometheusResponse(fixture(QStringLiteral("query_string.json")));
        SLURMDECK_VERIFY_OK(t);
        QVERIFY(t->type == PromResult::Type::String);
        QCOMPARE(t->stringValue, QStringLiteral("slurmdeck"));
    }

    void specialValues()
    {
        const Result<PromResult> r = parsePrometheusResponse(fixture(QStringLiteral("query_nan_inf.json")));
        SLURMDECK_VERIFY_OK(r);
        QVERIFY(std::isnan(byInstance(*r, QStringLiteral("sdm-missing:9100"))->samples.first().value));
        const double inf = byInstance(*r, QStringLiteral("sdm-node:9100"))->samples.first().value;
        QVERIFY(std::isinf(inf) && inf > 0);
        const Result<PromResult> n = parsePrometheusResponse(fixture(QStringLiteral("query_neg_inf.json")));
        SLURMDECK_VERIFY_OK(n);
        const double neg = byInstance(*n, QStringLiteral("sdm-missing:9100"))->samples.first().value;
        QVERIFY(std::isinf(neg) && neg < 0);
    }

    void emptyVector()
    {
        const Result<PromResult> r = parsePrometheusResponse(fixture(QStringLiteral("query_empty.json")));
        SLURMDECK_VERIFY_OK(r);
        QVERIFY(r->series.isEmpty());
    }

    void apiErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::newRow("bad_data") << QStringLiteral("error_bad_data.json")
                                  << int(Error::Code::InvalidArgument)
                                  << QStringLiteral("bad_data: invalid parameter");
        QTest::newRow("too many points")
            << QStringLiteral("error_too_many_points.json") << int(Error::Code::InvalidArgument)
            << QStringLiteral("11,000 points");
        QTest::newRow("execution") << QStringLiteral("error_execution.json")
                                   << int(Error::Code::RemoteCommandFailed)
                                   << QStringLiteral("execution: vector");
    }

    void apiErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, detail);
        const Result<PromResult> r = parsePrometheusResponse(fixture(file));
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(r.error().detail.contains(detail), qPrintable(r.error().detail));
        QVERIFY(!r.error().message.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html><body>404 page not found</body></html>");
        QTest::newRow("truncated") << fixture(QStringLiteral("query_up.json")).left(80);
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no status") << QByteArray(R"({"data":{}})");
        QTest::newRow("bad type") << QByteArray(
            R"({"status":"success","data":{"resultType":"x","result":[]}})");
        QTest::newRow("value not string") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})");
        QTest::newRow("value not number") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"x"]}]}})");
        QTest::newRow("label not string") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}})");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        const Result<PromResult> r = parsePrometheusResponse(json);
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::Parse);
        QVERIFY(r.error().message.contains(QStringLiteral("9090")));
    }

    void fuzz()
    {
        const QList<QByteArray> seeds{fixture(QStringLiteral("query_up.json")),
                                      fixture(QStringLiteral("query_range_load1.json")),
                                      fixture(QStringLiteral("query_gpu.json"))};
        QRandomGenerator rng(6);
        for (int i = 0; i < 3000; ++i) {
            QByteArray data = seeds.at(i % seeds.size());
            const int edits = 1 + int(rng.bounded(6));
            for (int e = 0; e < edits && !data.isEmpty(); ++e) {
                const int at = int(rng.bounded(data.size()));
                switch (rng.bounded(3)) {
                case 0:
                    data[at] = char(rng.bounded(256));
                    break;
                case 1:
                    data.remove(at, 1 + int(rng.bounded(8)));
                    break;
                default:
                    data.insert(at, "\"NaN\",[{");
                    break;
                }
            }
            const Result<PromResult> r = parsePrometheusResponse(data); // must not crash
            if (!r)
                QVERIFY(!r.error().message.isEmpty());
        }
    }

    void csvExport()
    {
        const Result<PromResult> r =
            parsePrometheusResponse(fixture(QStringLiteral("query_range_load1.json")));
        SLURMDECK_VERIFY_OK(r);
        const QStringList lines = metricsCsv(*r).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), r->series.first().samples.size() + 1);
        QCOMPARE(lines.first(),
                 QStringLiteral("time,\"node_load1{instance=\"\"sdm-node:9100\"\",job=\"\"node\"\"}\""));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("20")));
        QVERIFY(lines.at(1).contains(QStringLiteral(".000Z,")));

        PromResult two;
        two.type = PromResult::Type::Matrix;
        two.series = {
            PromSeries{{{QStringLiteral("node"), QStringLiteral("a")}}, {{10, 1}, {20, 2}}},
            PromSeries{{{QStringLiteral("node"), QStringLiteral("b")}}, {{20, std::nan("")}, {30, 3}}}};
        QCOMPARE(
            metricsCsv(two, QStringLiteral("node")),
            QStringLiteral("time,a,b\r\n1970-01-01T00:00:10.000Z,1,\r\n1970-01-01T00:00:20.000Z,2,NaN\r\n"
                           "1970-01-01T00:00:30.000Z,,3\r\n"));
    }

    void stepForLimit_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<qint64>("wanted");
        QTest::addColumn<qint64>("step");
        QTest::newRow("15m, 300 points") << qint64(900) << qint64(300) << qint64(4);
        QTest::newRow("1h, 300 points") << qint64(3600) << qint64(300) << qint64(13);
        QTest::newRow("7d, 300 points") << qint64(7 * 86400) << qint64(300) << qint64(2023);
        QTest::newRow("7d, a million wanted") << qint64(7 * 86400) << qint64(1000000) << qint64(55);
        QTest::newRow("3h, 1 s steps wanted") << qint64(10800) << qint64(20000) << qint64(1);
        QTest::newRow("11000 s at most points") << qint64(11000) << qint64(11000) << qint64(2);
        QTest::newRow("10999 s at most points") << qint64(10999) << qint64(11000) << qint64(1);
        QTest::newRow("zero range") << qint64(0) << qint64(300) << qint64(1);
        QTest::newRow("negative wanted") << qint64(600) << qint64(-5) << qint64(600);
        QTest::newRow("a year") << qint64(365 * 86400) << qint64(11000) << qint64(2868);
    }

    void stepForLimit()
    {
        QFETCH(qint64, range);
        QFETCH(qint64, wanted);
        QFETCH(qint64, step);
        const qint64 got = stepFor(std::chrono::seconds(range), wanted).count();
        QCOMPARE(got, step);
        QVERIFY(range / got + 1 <= prometheusMaxPoints);
    }

    void stepForNeverExceeds()
    {
        QRandomGenerator rng(11000);
        for (int i = 0; i < 20000; ++i) {
            const qint64 range = qint64(rng.bounded(100000000));
            const qint64 wanted = qint64(rng.bounded(50000)) - 100;
            const qint64 step = stepFor(std::chrono::seconds(range), wanted).count();
            QVERIFY(step >= 1);
            QVERIFY(range / step + 1 <= prometheusMaxPoints);
        }
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("15m") << QStringLiteral("15m") << qint64(900);
        QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400);
        QTest::newRow("7d") << QStringLiteral("7d") << qint64(604800);
        QTest::newRow("2w") << QStringLiteral("2w") << qint64(1209600);
        QTest::newRow("plain") << QStringLiteral("300") << qint64(300);
        QTest::newRow("500ms") << QStringLiteral("500ms") << qint64(1);
        QTest::newRow("bad") << QStringLiteral("15 minutes") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("zero") << QStringLiteral("0s") << qint64(-1);
        QTest::newRow("unit only") << QStringLiteral("h") << qint64(-1);
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const Result<std::chrono::seconds> d = parsePrometheusDuration(text);
        if (seconds < 0) {
            QVERIFY(!d);
            QVERIFY(d.error().message.contains(QStringLiteral("15m")));
        } else {
            SLURMDECK_VERIFY_OK(d);
            QCOMPARE(d->count(), seconds);
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)
#include "tst_prometheusparser.moc"
