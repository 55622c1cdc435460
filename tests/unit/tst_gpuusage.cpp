// SPDX-License-Identifier: GPL-3.0-or-later
// GPU -> Slurm job mapping (GpuUsage) and the GPU source's two paths (GpuUsageSource): the
// exporter's series from a (fake) Prometheus, nvidia-smi through a fake command runner.
// nvidia-smi output: tests/data/nvidia-smi/ (reconstructed, see its README).
#include "ResultTesting.h"
#include "metrics/GpuUsage.h"
#include "metrics/GpuUsageSource.h"
#include "metrics/PrometheusClient.h"
#include "slurm/SlurmEndpoint.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
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

// Answers every request with 200 and `body`.
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
                    if (request.indexOf("\r\n\r\n") < 0)
                        return;
                    request.clear();
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())); }

    QTcpServer server;
    QByteArray request, body;
    int requests = 0;
};

GpuReading reading(const QString &host, int index, const QString &uuid = {})
{
    GpuReading g;
    g.host = host;
    g.index = index;
    g.uuid = uuid.isEmpty() ? QStringLiteral("GPU-%1-%2").arg(host).arg(index) : uuid;
    g.name = QStringLiteral("NVIDIA A100-SXM4-40GB");
    return g;
}

SlurmNode node(const QString &name, const QString &gresUsed, const QString &address = {})
{
    SlurmNode n;
    n.name = name;
    n.address = address.isEmpty() ? name : address;
    n.state = QStringLiteral("MIXED");
    n.gres = QStringLiteral("gpu:a100:4");
    n.gresUsed = gresUsed;
    return n;
}

SlurmJob job(const QString &id, const QString &user, const QString &nodes, int gpus,
             const QString &state = QStringLiteral("RUNNING"))
{
    SlurmJob j;
    j.id = id;
    j.jobId = id.toLongLong();
    j.name = QStringLiteral("train-") + id;
    j.user = user;
    j.nodeList = nodes;
    j.gpus = gpus;
    j.state = state;
    return j;
}

// A cluster: gpu1 with job 42 (alice, 2 GPUs on gpu1 and gpu2) on GPUs 0 and 2; gpu2 with
// 42 and 43 (bob) on GPUs 0-1; job 44 pending; gpu3 reached by address only.
ClusterSnapshot cluster()
{
    ClusterSnapshot c;
    c.nodes = {
        node(QStringLiteral("gpu1"), QStringLiteral("gpu:a100:2(IDX:0,2)")),
        node(QStringLiteral("gpu2"), QStringLiteral("gpu:a100:2(IDX:0-1),mps:0(IDX:N/A)")),
        node(QStringLiteral("gpu3"), QStringLiteral("gpu:a100:0(IDX:N/A)"), QStringLiteral("10.0.0.3"))};
    c.jobs = {job(QStringLiteral("42"), QStringLiteral("alice"), QStringLiteral("gpu[1-2]"), 3),
              job(QStringLiteral("43"), QStringLiteral("bob"), QStringLiteral("gpu2"), 1),
              job(QStringLiteral("44"), QStringLiteral("carol"), QStringLiteral("gpu1"), 1,
                  QStringLiteral("PENDING"))};
    return c;
}

GpuSnapshot waitForSnapshot(GpuUsageSource &source)
{
    QSignalSpy spy(&source, &GpuUsageSource::snapshotUpdated);
    source.refresh();
    if (!spy.wait(20000))
        qFatal("the GPU source never answered");
    return spy.takeLast().at(0).value<GpuSnapshot>();
}

} // namespace

class TestGpuUsage : public QObject
{
    Q_OBJECT

private slots:
    void indices_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("range and list") << QStringLiteral("0-1,3") << QList<int>{0, 1, 3};
        QTest::newRow("single") << QStringLiteral("2") << QList<int>{2};
        QTest::newRow("empty") << QString() << QList<int>{};
        QTest::newRow("N/A") << QStringLiteral("N/A") << QList<int>{};
        QTest::newRow("reversed") << QStringLiteral("5-2") << QList<int>{};
        QTest::newRow("huge range") << QStringLiteral("0-999999999") << QList<int>{};
        QTest::newRow("garbage mixed") << QStringLiteral("a,1,,2-x, 4 ,-3") << QList<int>{1, 4};
        QTest::newRow("repeated") << QStringLiteral("1,0-1") << QList<int>{0, 1};
    }

    void indices()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, expected);
        QCOMPARE(expandGpuIndices(text), expected);
    }

    void allocated_data()
    {
        QTest::addColumn<QString>("gresUsed");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("typed") << QStringLiteral("gpu:a100:2(IDX:0-1)") << QList<int>{0, 1};
        QTest::newRow("two types") << QStringLiteral("gpu:a:1(IDX:0),gpu:b:1(IDX:2)") << QList<int>{0, 2};
        QTest::newRow("untyped") << QStringLiteral("gpu:1(IDX:3)") << QList<int>{3};
        QTest::newRow("none used") << QStringLiteral("gpu:a100:0(IDX:N/A)") << QList<int>{};
        QTest::newRow("null") << QStringLiteral("(null)") << QList<int>{};
        QTest::newRow("other gres") << QStringLiteral("mps:100(IDX:0),shard:2(IDX:1)") << QList<int>{};
        QTest::newRow("socket not idx") << QStringLiteral("gpu:tesla:2(S:0-1)") << QList<int>{};
        QTest::newRow("unclosed") << QStringLiteral("gpu:a:2(IDX:0-1") << QList<int>{0, 1};
    }

    void allocated()
    {
        QFETCH(QString, gresUsed);
        QFETCH(QList<int>, expected);
        QCOMPARE(allocatedGpuIndices(node(QStringLiteral("n"), gresUsed)), expected);
    }

    void hostMatching()
    {
        const QList<SlurmNode> nodes{node(QStringLiteral("gpu1"), {}),
                                     node(QStringLiteral("Gpu2"), {}, QStringLiteral("10.0.0.2")),
                                     node(QStringLiteral("10"), {})};
        QCOMPARE(nodeForHost(QStringLiteral("gpu1"), nodes)->name, QStringLiteral("gpu1"));
        QCOMPARE(nodeForHost(QStringLiteral("GPU1"), nodes)->name, QStringLiteral("gpu1"));
        QCOMPARE(nodeForHost(QStringLiteral("gpu1.lab.example"), nodes)->name, QStringLiteral("gpu1"));
        QCOMPARE(nodeForHost(QStringLiteral("10.0.0.2"), nodes)->name, QStringLiteral("Gpu2"));
        QVERIFY(!nodeForHost(QStringLiteral("10.0.0.9"), nodes)); // not the node named "10"
        QVERIFY(!nodeForHost(QString(), nodes));
        QVERIFY(!nodeForHost(QStringLiteral("gpu7"), nodes));
    }

    void jobsFromGresUsed()
    {
        const QList<GpuReading> gpus{
            reading(QStringLiteral("gpu1"), 0), reading(QStringLiteral("gpu1"), 1),
            reading(QStringLiteral("gpu1"), 2), reading(QStringLiteral("gpu2"), 0),
            reading(QStringLiteral("gpu2"), 1), reading(QStringLiteral("10.0.0.3"), 0),
            reading(QStringLiteral("gpu9"), 0)};
        const QList<GpuUsage> u = assignGpuJobs(gpus, cluster());
        QCOMPARE(u.size(), gpus.size());
        // gpu1: one GPU job there (44 is pending): GPUs 0 and 2 are 42's, 1 is free.
        QCOMPARE(u.at(0).jobIds, QStringList{QStringLiteral("42")});
        QCOMPARE(u.at(0).users, QStringList{QStringLiteral("alice")});
        QCOMPARE(u.at(0).jobNames, QStringList{QStringLiteral("train-42")});
        QVERIFY(!u.at(0).ambiguous);
        QVERIFY(u.at(1).jobIds.isEmpty());
        QCOMPARE(u.at(2).jobIds, QStringList{QStringLiteral("42")});
        // gpu2: two GPU jobs, GresUsed does not say which GPU is whose.
        QCOMPARE(u.at(3).jobIds, (QStringList{QStringLiteral("42"), QStringLiteral("43")}));
        QCOMPARE(u.at(3).users, (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QVERIFY(u.at(3).ambiguous);
        // By NodeAddr; nothing used there.
        QCOMPARE(u.at(5).node, QStringLiteral("gpu3"));
        QVERIFY(u.at(5).jobIds.isEmpty());
        // A host Slurm does not know.
        QVERIFY(u.at(6).node.isEmpty());
        QVERIFY(u.at(6).jobIds.isEmpty());
    }

    void jobsFromDetails()
    {
        SlurmJobDetails d42;
        d42.job = cluster().jobs.at(0);
        d42.gpuIndices = {QStringLiteral("gpu1: 0,2"), QStringLiteral("gpu2: 0")};
        SlurmJobDetails d43;
        d43.job = cluster().jobs.at(1);
        d43.gpuIndices = {QStringLiteral("gpu2: 1")};
        const QList<GpuUsage> u = assignGpuJobs(
            {reading(QStringLiteral("gpu2"), 0), reading(QStringLiteral("gpu2"), 1)}, cluster(), {d42, d43});
        QCOMPARE(u.at(0).jobIds, QStringList{QStringLiteral("42")});
        QVERIFY(!u.at(0).ambiguous);
        QCOMPARE(u.at(1).jobIds, QStringList{QStringLiteral("43")});
        QCOMPARE(u.at(1).users, QStringList{QStringLiteral("bob")});
    }

    void jobWithoutGpuCount()
    {
        // squeue's line had no GPU count: the node's only running job holds the used GPUs.
        ClusterSnapshot c;
        c.nodes = {node(QStringLiteral("gpu1"), QStringLiteral("gpu:1(IDX:0)"))};
        c.jobs = {job(QStringLiteral("7"), QStringLiteral("dave"), QStringLiteral("gpu1"), 0)};
        const QList<GpuUsage> u = assignGpuJobs({reading(QStringLiteral("gpu1"), 0)}, c);
        QCOMPARE(u.first().jobIds, QStringList{QStringLiteral("7")});
    }

    void mappingFuzz()
    {
        QRandomGenerator rng(7);
        const QStringList pieces{QStringLiteral("gpu"),   QStringLiteral(":"),     QStringLiteral("(IDX:"),
                                 QStringLiteral(")"),     QStringLiteral(","),     QStringLiteral("-"),
                                 QStringLiteral("0"),     QStringLiteral("99999"), QStringLiteral("N/A"),
                                 QStringLiteral("[1-3]"), QStringLiteral("node"),  QStringLiteral(" ")};
        const auto garbage = [&] {
            QString s;
            for (int n = int(rng.bounded(12)); n > 0; --n)
                s += pieces.at(int(rng.bounded(pieces.size())));
            return s;
        };
        for (int i = 0; i < 2000; ++i) {
            ClusterSnapshot c;
            c.nodes = {node(garbage(), garbage()), node(QStringLiteral("node0"), garbage())};
            c.jobs = {job(garbage(), garbage(), garbage(), int(rng.bounded(3))),
                      job(QStringLiteral("1"), QStringLiteral("u"), garbage(), 1)};
            SlurmJobDetails d;
            d.job = c.jobs.first();
            d.gpuIndices = {garbage() + QStringLiteral(": ") + garbage(), garbage()};
            const QList<GpuUsage> u = assignGpuJobs(
                {reading(garbage(), int(rng.bounded(5)) - 1), reading(QStringLiteral("node0"), 0)}, c, {d});
            QCOMPARE(u.size(), 2);
        }
    }

    void sourceReadsExporterSeries()
    {
        FakePrometheus prometheus;
        prometheus.body = fixture(QStringLiteral("prometheus/query_gpu.json"));
        PrometheusClient client(prometheus.url());
        GpuUsageSource source;
        source.setPrometheus(&client);
        source.setHostAliases({{QStringLiteral("sdm-node"), QStringLiteral("gpu1")}});
        int runs = 0;
        source.setGpuHosts({QStringLiteral("gpu1")});
        source.setCommandRunner([&runs](const QString &) -> Result<QString> {
            ++runs;
            return QString();
        });
        const GpuSnapshot s = waitForSnapshot(source);
        QVERIFY(s.health.ok);
        QVERIFY(s.source == GpuSnapshot::Source::Prometheus);
        QCOMPARE(s.gpus.size(), 2);
        QCOMPARE(s.gpus.at(0).host, QStringLiteral("gpu1")); // the alias of the series' instance
        QCOMPARE(s.gpus.at(0).utilizationPercent.value_or(-1), 87.0);
        QCOMPARE(runs, 0); // no nvidia-smi while the exporter answers
        QCOMPARE(prometheus.requests, 1);
    }

    void sourceFallsBackToNvidiaSmi()
    {
        FakePrometheus prometheus;
        prometheus.body = fixture(QStringLiteral("prometheus/query_empty.json")); // no GPU series
        PrometheusClient client(prometheus.url());
        GpuUsageSource source;
        source.setPrometheus(&client);
        source.setGpuHosts({QStringLiteral("gpu1"), QStringLiteral("gpu2")});
        bool gpu2Answers = false;
        source.setCommandRunner([&gpu2Answers](const QString &host) -> Result<QString> {
            if (host == u"gpu1")
                return QString::fromUtf8(
                    fixture(QStringLiteral("nvidia-smi/a100x4_535_noheader_nounits.csv")));
            if (gpu2Answers)
                return QString::fromUtf8(fixture(QStringLiteral("nvidia-smi/gtx1050_418_no_power.csv")));
            return makeError(Error::Code::Network, QStringLiteral("gpu2 does not answer"));
        });
        GpuSnapshot s = waitForSnapshot(source);
        QVERIFY(s.health.ok);
        QVERIFY(s.source == GpuSnapshot::Source::NvidiaSmi);
        QCOMPARE(s.gpus.size(), 4);
        QCOMPARE(s.gpus.at(2).host, QStringLiteral("gpu1"));
        QCOMPARE(s.gpus.at(2).memoryUsedMiB.value_or(-1), 39012.0);
        QVERIFY(s.warnings.join(u'\n').contains(QStringLiteral("gpu2 does not answer")));
        QVERIFY(s.warnings.join(u'\n').contains(QStringLiteral("no GPU series")));

        gpu2Answers = true;
        s = waitForSnapshot(source);
        QCOMPARE(s.gpus.size(), 5);
        QCOMPARE(s.gpus.at(4).host, QStringLiteral("gpu2"));
        QVERIFY(!s.gpus.at(4).powerW);             // [N/A]
        QVERIFY(!s.gpus.at(4).utilizationPercent); // [Not Supported]
    }

    void sourceGoesStaleAndRecovers()
    {
        GpuUsageSource source; // no Prometheus at all
        source.setGpuHosts({QStringLiteral("gpu1")});
        bool up = true;
        source.setCommandRunner([&up](const QString &) -> Result<QString> {
            if (!up)
                return makeError(Error::Code::Timeout, QStringLiteral("ssh timed out"));
            return QString::fromUtf8(fixture(QStringLiteral("nvidia-smi/t4_550_header_nounits.csv")));
        });
        GpuSnapshot s = waitForSnapshot(source);
        QVERIFY(!s.isStale());
        const QDateTime first = s.takenAt;
        up = false;
        s = waitForSnapshot(source);
        QVERIFY(s.isStale());
        QVERIFY(s.health.error.contains(QStringLiteral("ssh timed out")));
        QCOMPARE(s.gpus.size(), 1); // the last known GPUs stay
        QCOMPARE(s.takenAt, first);
        up = true;
        s = waitForSnapshot(source);
        QVERIFY(!s.isStale());
        QVERIFY(s.health.error.isEmpty());
    }

    void sourceForEndpoint()
    {
        // Prometheus on the monitoring host, nvidia-smi on the GPU hosts, addresses -> names.
        SlurmEndpoint endpoint;
        HostPlan primary;
        primary.hostName = QStringLiteral("primary");
        primary.address = QStringLiteral("primary.lan");
        primary.networkAddress = QStringLiteral("10.0.0.1");
        primary.services = {QStringLiteral("slurmctld"), QStringLiteral("prometheus"),
                            QStringLiteral("node-exporter")};
        HostPlan gpu;
        gpu.hostName = QStringLiteral("gpu1");
        gpu.address = QStringLiteral("gpu-alias");
        gpu.networkAddress = QStringLiteral("10.0.0.7");
        gpu.profiles = {QStringLiteral("compute"), QStringLiteral("gpu")};
        gpu.services = {QStringLiteral("slurmd"), QStringLiteral("gpu-exporter")};
        HostPlan plain;
        plain.hostName = QStringLiteral("cpu1");
        plain.networkAddress = QStringLiteral("10.0.0.8");
        plain.services = {QStringLiteral("slurmd")};
        endpoint.hosts = {primary, gpu, plain};
        // Without the monitoring host's SSH target there is no way to Prometheus: no plain HTTP.
        std::unique_ptr<GpuUsageSource> untargeted(
            GpuUsageSource::forEndpoint(endpoint, nullptr, nullptr, nullptr));
        QVERIFY(!untargeted->prometheus());
        SshTarget primaryTarget;
        primaryTarget.host = QStringLiteral("primary.lan");
        endpoint.targets.insert(QStringLiteral("primary"), primaryTarget);
        std::unique_ptr<GpuUsageSource> source(
            GpuUsageSource::forEndpoint(endpoint, nullptr, nullptr, nullptr));
        QVERIFY(source->prometheus());
        // Through the monitoring host's verified SSH connection, to its loopback.
        QVERIFY(source->prometheus()->baseUrl().isEmpty());
        QCOMPARE(source->prometheus()->where(), QStringLiteral("127.0.0.1:9090 on primary (through SSH)"));
        QCOMPARE(source->gpuHosts(), QStringList{QStringLiteral("gpu1")});
        QCOMPARE(source->hostAliases().value(QStringLiteral("10.0.0.7")), QStringLiteral("gpu1"));
        QCOMPARE(source->hostAliases().value(QStringLiteral("gpu-alias")), QStringLiteral("gpu1"));

        // A host without an SSH target is a clear error, not a crash.
        const GpuUsageSource::CommandRunner runner = GpuUsageSource::sshRunner({}, nullptr, nullptr);
        const Result<QString> r = runner(QStringLiteral("gpu1"));
        QVERIFY(!r);
        QVERIFY(r.error().code == Error::Code::NotFound);
    }

    void sourcePrometheusDownNoGpuHosts()
    {
        QTcpServer probe; // a port where nothing listens
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        GpuUsageSource source;
        source.setPrometheus(&client);
        const GpuSnapshot s = waitForSnapshot(source);
        QVERIFY(s.isStale());
        QVERIFY(s.health.error.contains(QStringLiteral("Prometheus")));
    }
};

QTEST_GUILESS_MAIN(TestGpuUsage)
#include "tst_gpuusage.moc"
