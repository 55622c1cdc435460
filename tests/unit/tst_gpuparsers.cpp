// SPDX-License-Identifier: GPL-3.0-or-later
// nvidia-smi CSV (tests/data/nvidia-smi/, reconstructed from NVIDIA's documented format, see its
// README) and the GPU exporter's series as captured from real Prometheus (tests/data/prometheus/).
#include "ResultTesting.h"
#include "metrics/GpuParsers.h"
#include "metrics/PrometheusParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace SlurmDeck;

namespace {

QByteArray fixture(const QString &path)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// -1: not available (nullopt)
double orMinus(const std::optional<double> &v)
{
    return v ? *v : -1.0;
}

} // namespace

class TestGpuParsers : public QObject
{
    Q_OBJECT

private slots:
    void nvidiaSmi_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        // The checked GPU: its position, then name, util %, mem used, mem total, temp, power (-1: n/a)
        QTest::addColumn<int>("at");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QList<double>>("values");
        QTest::newRow("A100 535") << QStringLiteral("a100x4_535_noheader_nounits.csv") << 4 << 2
                                  << QStringLiteral("NVIDIA A100-SXM4-40GB")
                                  << QList<double>{100, 39012, 40960, 72, 391.02};
        QTest::newRow("V100 470 units")
            << QStringLiteral("v100x2_470_header_units.csv") << 2 << 1
            << QStringLiteral("Tesla V100-SXM2-16GB") << QList<double>{95, 15023, 16160, 67, 255.12};
        QTest::newRow("T4 550 header") << QStringLiteral("t4_550_header_nounits.csv") << 1 << 0
                                       << QStringLiteral("Tesla T4") << QList<double>{0, 0, 15360, 29, 9.86};
        QTest::newRow("GTX1050 no power")
            << QStringLiteral("gtx1050_418_no_power.csv") << 1 << 0 << QStringLiteral("GeForce GTX 1050")
            << QList<double>{-1, 473, 4042, 45, -1};
        QTest::newRow("RTX3090 fallen off")
            << QStringLiteral("rtx3090_525_mixed.csv") << 2 << 1 << QStringLiteral("NVIDIA GeForce RTX 3090")
            << QList<double>{-1, -1, 24576, -1, -1};
        QTest::newRow("H100 spacing 0")
            << QStringLiteral("h100x2_550_odd_spacing.csv") << 2 << 0
            << QStringLiteral("NVIDIA H100 80GB HBM3") << QList<double>{43, 20480, 81559, 55, 312.40};
        QTest::newRow("H100 spacing 1")
            << QStringLiteral("h100x2_550_odd_spacing.csv") << 2 << 1
            << QStringLiteral("NVIDIA H100 80GB HBM3") << QList<double>{-1, 0, 81559, -1, -1};
    }

    void nvidiaSmi()
    {
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(int, at);
        QFETCH(QString, name);
        QFETCH(QList<double>, values);
        const Result<GpuParse> r =
            parseNvidiaSmiCsv(QString::fromUtf8(fixture(QStringLiteral("nvidia-smi/") + file)));
        SLURMDECK_VERIFY_OK(r);
        QCOMPARE(r->gpus.size(), count);
        QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join(u'\n')));
        for (int i = 0; i < count; ++i) {
            QCOMPARE(r->gpus.at(i).index, i);
            QVERIFY(r->gpus.at(i).uuid.startsWith(QStringLiteral("GPU-")));
            QVERIFY(!r->gpus.at(i).uuid.contains(u' '));
        }
        const GpuReading &g = r->gpus.at(at);
        QCOMPARE(g.name, name);
        QCOMPARE(orMinus(g.utilizationPercent), values.at(0));
        QCOMPARE(orMinus(g.memoryUsedMiB), values.at(1));
        QCOMPARE(orMinus(g.memoryTotalMiB), values.at(2));
        QCOMPARE(orMinus(g.temperatureC), values.at(3));
        QCOMPARE(orMinus(g.powerW), values.at(4));
    }

    void nvidiaSmiError()
    {
        const Result<GpuParse> r =
            parseNvidiaSmiCsv(QString::fromUtf8(fixture(QStringLiteral("nvidia-smi/error_no_driver.txt"))));
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::RemoteCommandFailed);
        QVERIFY(r.error().detail.contains(QStringLiteral("NVIDIA-SMI has failed")));
        QVERIFY(r.error().message.contains(QStringLiteral("driver")));
    }

    void nvidiaSmiOddLines()
    {
        const Result<GpuParse> empty = parseNvidiaSmiCsv(QString());
        SLURMDECK_VERIFY_OK(empty);
        QVERIFY(empty->gpus.isEmpty());
        const Result<GpuParse> r = parseNvidiaSmiCsv(
            QStringLiteral("0, GPU-1, A, 1\n,,,,,,,\n1, GPU-2, Name, With, Comma, 5, 6, 7, 8, 9\n"));
        SLURMDECK_VERIFY_OK(r);
        QCOMPARE(r->gpus.size(), 1);
        QCOMPARE(r->gpus.first().name, QStringLiteral("Name, With, Comma"));
        QCOMPARE(orMinus(r->gpus.first().powerW), 9.0);
        QCOMPARE(r->warnings.size(), 2);
    }

    void nvidiaSmiFuzz()
    {
        QStringList seeds;
        for (const QString &f :
             {QStringLiteral("a100x4_535_noheader_nounits.csv"),
              QStringLiteral("v100x2_470_header_units.csv"), QStringLiteral("h100x2_550_odd_spacing.csv")})
            seeds.append(QString::fromUtf8(fixture(QStringLiteral("nvidia-smi/") + f)));
        const QStringList junk{QStringLiteral("[N/A]"), QStringLiteral("[Not Supported]"),
                               QStringLiteral(","),     QStringLiteral("\n"),
                               QStringLiteral(" "),     QStringLiteral("-1e999"),
                               QStringLiteral("nan")};
        QRandomGenerator rng(42);
        for (int i = 0; i < 5000; ++i) {
            QString text = seeds.at(i % seeds.size());
            for (int e = 0, n = 1 + int(rng.bounded(5)); e < n && !text.isEmpty(); ++e) {
                const int at = int(rng.bounded(text.size()));
                if (rng.bounded(2))
                    text.insert(at, junk.at(int(rng.bounded(junk.size()))));
                else
                    text.remove(at, 1 + int(rng.bounded(10)));
            }
            const Result<GpuParse> r = parseNvidiaSmiCsv(text); // must not crash
            if (r) {
                for (const GpuReading &g : r->gpus) {
                    if (g.utilizationPercent)
                        QVERIFY(std::isfinite(*g.utilizationPercent));
                    if (g.powerW)
                        QVERIFY(std::isfinite(*g.powerW));
                }
            }
        }
    }

    void exporterSeries()
    {
        const Result<PromResult> r =
            parsePrometheusResponse(fixture(QStringLiteral("prometheus/query_gpu.json")));
        SLURMDECK_VERIFY_OK(r);
        const GpuParse p = parseGpuSeries(*r);
        QVERIFY(p.warnings.isEmpty());
        QCOMPARE(p.gpus.size(), 2);
        const GpuReading &a = p.gpus.at(0);
        QCOMPARE(a.host, QStringLiteral("sdm-node"));
        QCOMPARE(a.index, 0);
        QCOMPARE(a.uuid, QStringLiteral("GPU-5f2a3b1c-9d4e-4f6a-8b7c-1d2e3f4a5b6c"));
        QCOMPARE(a.name, QStringLiteral("NVIDIA A100-SXM4-40GB"));
        QCOMPARE(orMinus(a.utilizationPercent), 87.0);
        QCOMPARE(orMinus(a.memoryUsedMiB), 30720.0);
        QCOMPARE(orMinus(a.memoryTotalMiB), 40960.0);
        QCOMPARE(orMinus(a.temperatureC), 61.0);
        QCOMPARE(orMinus(a.powerW), 287.5);
        const GpuReading &b = p.gpus.at(1);
        QCOMPARE(b.index, 1);
        QCOMPARE(orMinus(b.utilizationPercent), 0.0);
        QVERIFY(!b.powerW); // NaN in the exporter: not available
    }

    void dcgmSeries()
    {
        // dcgm-exporter's labels: gpu, UUID, modelName, Hostname; FB in MiB, no total.
        const QByteArray json = R"({"status":"success","data":{"resultType":"vector","result":[
 {"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","gpu":"1","UUID":"GPU-x1","modelName":"NVIDIA H100 80GB HBM3","Hostname":"gpu7","instance":"10.0.0.7:9400"},"value":[1,"42"]},
 {"metric":{"__name__":"DCGM_FI_DEV_FB_USED","gpu":"1","UUID":"GPU-x1","modelName":"NVIDIA H100 80GB HBM3","Hostname":"gpu7","instance":"10.0.0.7:9400"},"value":[1,"1000"]},
 {"metric":{"__name__":"DCGM_FI_DEV_FB_FREE","gpu":"1","UUID":"GPU-x1","modelName":"NVIDIA H100 80GB HBM3","Hostname":"gpu7","instance":"10.0.0.7:9400"},"value":[1,"80559"]},
 {"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","gpu":"1","UUID":"GPU-x1","modelName":"NVIDIA H100 80GB HBM3","Hostname":"gpu7","instance":"10.0.0.7:9400"},"value":[1,"51"]},
 {"metric":{"__name__":"DCGM_FI_DEV_POWER_USAGE","gpu":"1","UUID":"GPU-x1","modelName":"NVIDIA H100 80GB HBM3","Hostname":"gpu7","instance":"10.0.0.7:9400"},"value":[1,"123.4"]},
 {"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","instance":"10.0.0.8:9400"},"value":[1,"1"]}
]}})";
        const Result<PromResult> r = parsePrometheusResponse(json);
        SLURMDECK_VERIFY_OK(r);
        const GpuParse p = parseGpuSeries(*r);
        QCOMPARE(p.gpus.size(), 1);
        QCOMPARE(p.warnings.size(), 1);
        const GpuReading &g = p.gpus.first();
        QCOMPARE(g.host, QStringLiteral("gpu7"));
        QCOMPARE(g.index, 1);
        QCOMPARE(g.name, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(orMinus(g.utilizationPercent), 42.0);
        QCOMPARE(orMinus(g.memoryUsedMiB), 1000.0);
        QCOMPARE(orMinus(g.memoryTotalMiB), 81559.0);
        QCOMPARE(orMinus(g.temperatureC), 51.0);
        QCOMPARE(orMinus(g.powerW), 123.4);
    }
};

QTEST_GUILESS_MAIN(TestGpuParsers)
#include "tst_gpuparsers.moc"
