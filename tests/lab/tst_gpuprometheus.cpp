// SPDX-License-Identifier: GPL-3.0-or-later
// The GPUs view on a REAL Prometheus with GPU series, on this machine's own dockerd (no lab
// hosts, no lab lock): the monitoring image's gpu-exporter (this checkout's script, with a stand-in
// nvidia-smi that prints fixed `--query-gpu` CSV, since there is no GPU here) writes gpu.prom into a textfile
// directory, the image's node-exporter serves it, and the image's Prometheus scrapes it with the
// prometheus.yml SlurmDeck renders (renderPrometheusConfig: a "node" label per target). GpuUsageSource reads
// the GPUs through PrometheusClient; the view shows them with the job that holds each; stopping Prometheus
// marks the view stale, starting it recovers. Needs docker and the image slurmdeck/monitoring:2.42
// (compose-templates/build-images.sh); fails when either is missing. Starts and removes its own containers
// and network.
#include "metrics/GpuUsageSource.h"
#include "metrics/PrometheusClient.h"
#include "models/GpusModel.h"
#include "plan/MonitoringConfig.h"
#include "views/GpusView.h"
#include "widgets/StaleBanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

const QString image = QStringLiteral("slurmdeck/monitoring:2.42");

// What nvidia-smi prints for the exporter's query (index, uuid, name, utilization.gpu,
// utilization.memory, memory.used, memory.total, temperature.gpu, power.draw;
// csv,noheader,nounits): two A100s, one without a power reading, and a GTX 1050 that
// supports neither utilisation nor power.
const char *const fakeNvidiaSmi = R"(#!/bin/sh
cat <<'CSV'
0, GPU-5f2a3b1c-9d4e-4f6a-8b7c-1d2e3f4a5b6c, NVIDIA A100-SXM4-40GB, 87, 41, 32768, 40960, 61, 287.54
1, GPU-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, NVIDIA A100-SXM4-40GB, 0, 0, 4, 40960, 34, [N/A]
2, GPU-b4d2f8e6-1a3c-5e7f-9a2b-4c6d8e0f2a4b, GeForce GTX 1050, [Not Supported], [Not Supported], 473, 4042, 45, [N/A]
CSV
)";

struct Docker
{
    int exitCode = -1;
    QString output;
};

Docker docker(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("docker"), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("docker %1: timed out").arg(arguments.join(u' '))};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll()).trimmed()};
}

} // namespace

class TestGpuPrometheus final : public QObject
{
    Q_OBJECT

private:
    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    const QString m_network = QStringLiteral("sdm-gpu-net-") + m_suffix;
    const QStringList m_containers{QStringLiteral("sdm-gpu-exporter-") + m_suffix,
                                   QStringLiteral("sdm-gpu-node-") + m_suffix,
                                   QStringLiteral("sdm-gpu-prom-") + m_suffix};
    QTemporaryDir m_temp;
    QUrl m_prometheus;

    void removeContainers()
    {
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + m_containers);
        docker({QStringLiteral("network"), QStringLiteral("rm"), m_network});
    }

    static void write(const QString &path, const QByteArray &content, QFile::Permissions permissions)
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
        file.write(content);
        file.close();
        QVERIFY(file.setPermissions(permissions));
    }

    static QFile::Permissions readable()
    {
        return QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    }
    static QFile::Permissions executable()
    {
        return readable() | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    }

    static void run(const QStringList &arguments)
    {
        const Docker result = docker(arguments);
        QVERIFY2(result.exitCode == 0,
                 qPrintable(QStringLiteral("docker %1 failed: %2").arg(arguments.join(u' '), result.output)));
    }

    // Refreshes until the source has `count` GPUs from Prometheus (Prometheus has scraped).
    static bool waitForGpus(GpuUsageSource &source, int count)
    {
        QDeadlineTimer deadline(90000);
        while (!deadline.hasExpired()) {
            QSignalSpy spy(&source, &GpuUsageSource::snapshotUpdated);
            source.refresh();
            if (!spy.wait(15000))
                return false;
            const GpuSnapshot &s = source.snapshot();
            if (s.health.ok && s.source == GpuSnapshot::Source::Prometheus && s.gpus.size() == count)
                return true;
            QTest::qWait(1000);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            !QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty(),
            "docker is not installed: this test needs this machine's dockerd (apt-get install docker.io)");
        const Docker info = docker(
            {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.ServerVersion}}")});
        QVERIFY2(info.exitCode == 0,
                 qPrintable(QStringLiteral("dockerd does not answer: %1").arg(info.output)));
        const Docker inspect = docker({QStringLiteral("image"), QStringLiteral("inspect"), image});
        QVERIFY2(inspect.exitCode == 0,
                 qPrintable(QStringLiteral(
                                "the image %1 is missing; build it with compose-templates/build-images.sh")
                                .arg(image)));
        QVERIFY(m_temp.isValid());
        removeContainers(); // leftovers of a killed run

        // The directories are bind-mounted: Prometheus runs as prometheus, node-exporter as nobody.
        const QString dir = m_temp.path();
        QVERIFY(QFile::setPermissions(dir, executable()));
        QVERIFY(QDir(dir).mkdir(QStringLiteral("textfile")));
        QVERIFY(QFile::setPermissions(dir + QStringLiteral("/textfile"), executable() | QFile::WriteOther));
        write(dir + QStringLiteral("/nvidia-smi"), fakeNvidiaSmi, executable());

        // prometheus.yml as SlurmDeck renders it for one GPU host "gpu1", whose exporter this
        // network reaches as sdm-gpu1 (so the series' instance is not the host name), scraped
        // every 2 s instead of 15 s to keep the test short.
        Cluster cluster;
        cluster.name = QStringLiteral("gpulab");
        Host gpu1;
        gpu1.name = QStringLiteral("gpu1");
        gpu1.address = QStringLiteral("sdm-gpu1");
        gpu1.roles = HostRoles(HostRole::Monitoring) | HostRole::Compute;
        cluster.hosts = {gpu1};
        PlanInputs inputs;
        inputs.networkAddresses.insert(QStringLiteral("gpu1"), QStringLiteral("sdm-gpu1"));
        QByteArray config = renderPrometheusConfig(cluster, inputs, false);
        config.replace("scrape_interval: 15s", "scrape_interval: 2s");
        QVERIFY2(config.contains("node: 'gpu1'"), config.constData());
        write(dir + QStringLiteral("/prometheus.yml"), config, readable());

        run({QStringLiteral("network"), QStringLiteral("create"), m_network});
        run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), m_containers.at(0),
             QStringLiteral("--network"), m_network, QStringLiteral("-e"),
             QStringLiteral("GPU_EXPORTER_INTERVAL=1"), QStringLiteral("-v"),
             dir + QStringLiteral("/textfile:/textfile"), QStringLiteral("-v"),
             dir + QStringLiteral("/nvidia-smi:/usr/local/bin/nvidia-smi:ro"), QStringLiteral("-v"),
             QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates/images/monitoring/gpu-exporter.sh:"
                                                 "/usr/local/bin/gpu-exporter:ro"),
             image, QStringLiteral("gpu-exporter")});
        run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), m_containers.at(1),
             QStringLiteral("--network"), m_network, QStringLiteral("--network-alias"),
             QStringLiteral("sdm-gpu1"), QStringLiteral("-v"), dir + QStringLiteral("/textfile:/textfile:ro"),
             image, QStringLiteral("node-exporter")});
        run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), m_containers.at(2),
             QStringLiteral("--network"), m_network, QStringLiteral("-p"), QStringLiteral("127.0.0.1::9090"),
             QStringLiteral("-v"), dir + QStringLiteral("/prometheus.yml:/etc/prometheus/prometheus.yml:ro"),
             image, QStringLiteral("prometheus")});
        const Docker port = docker({QStringLiteral("port"), m_containers.at(2), QStringLiteral("9090")});
        QVERIFY2(port.exitCode == 0 && port.output.contains(u':'), qPrintable(port.output));
        m_prometheus = QUrl(QStringLiteral("http://") + port.output.section(u'\n', 0, 0));
    }

    void cleanupTestCase() { removeContainers(); }

    void gpusFromRealPrometheus()
    {
        GpusView view;
        auto *source = new GpuUsageSource;
        source->setPrometheus(new PrometheusClient(m_prometheus, source));
        view.setSource(source);

        // Slurm: job 42 of alice holds GPU 1 of gpu1.
        ClusterSnapshot slurm;
        SlurmNode node;
        node.name = QStringLiteral("gpu1");
        node.address = QStringLiteral("sdm-gpu1");
        node.state = QStringLiteral("MIXED");
        node.gresUsed = QStringLiteral("gpu:a100:1(IDX:1)");
        slurm.nodes = {node};
        SlurmJob job;
        job.id = QStringLiteral("42");
        job.name = QStringLiteral("train");
        job.user = QStringLiteral("alice");
        job.state = QStringLiteral("RUNNING");
        job.nodeList = QStringLiteral("gpu1");
        job.gpus = 1;
        slurm.jobs = {job};
        view.setClusterSnapshot(slurm);

        const bool seen = waitForGpus(*source, 3);
        QVERIFY2(seen, qPrintable(QStringLiteral("Prometheus at %1 never had the 3 GPUs: %2 (%3 GPUs)")
                                      .arg(m_prometheus.toString(), source->snapshot().health.error)
                                      .arg(source->snapshot().gpus.size())));
        const GpuSnapshot &s = source->snapshot();
        QVERIFY(s.warnings.isEmpty());
        // Host from the "node" label SlurmDeck's prometheus.yml sets, not the instance.
        for (const GpuReading &gpu : s.gpus)
            QCOMPARE(gpu.host, QStringLiteral("gpu1"));
        const GpuReading &a = s.gpus.at(0);
        QCOMPARE(a.index, 0);
        QCOMPARE(a.uuid, QStringLiteral("GPU-5f2a3b1c-9d4e-4f6a-8b7c-1d2e3f4a5b6c"));
        QCOMPARE(a.name, QStringLiteral("NVIDIA A100-SXM4-40GB"));
        QCOMPARE(a.utilizationPercent.value_or(-1), 87.0);
        QCOMPARE(a.memoryUsedMiB.value_or(-1), 32768.0);
        QCOMPARE(a.memoryTotalMiB.value_or(-1), 40960.0);
        QCOMPARE(a.temperatureC.value_or(-1), 61.0);
        QCOMPARE(a.powerW.value_or(-1), 287.54);
        QVERIFY(!s.gpus.at(1).powerW);             // [N/A] -> NaN in the exporter -> not reported
        QVERIFY(!s.gpus.at(2).utilizationPercent); // [Not Supported]
        QCOMPARE(s.gpus.at(2).memoryTotalMiB.value_or(-1), 4042.0);

        // The view: three rows, GPU 1 held by job 42 of alice.
        GpusModel *model = view.model();
        QCOMPARE(model->rowCount(), 3);
        int held = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->gpu(row).gpu.index == 1)
                held = row;
        }
        QVERIFY(held >= 0);
        QCOMPARE(model->index(held, GpusModel::JobColumn).data().toString(), QStringLiteral("42 (train)"));
        QCOMPARE(model->index(held, GpusModel::UserColumn).data().toString(), QStringLiteral("alice"));
        QCOMPARE(model->index(held, GpusModel::PowerColumn).data().toString(), QStringLiteral("—"));
        QVERIFY(view.summary().contains(QStringLiteral("from the GPU exporter (Prometheus)")));
        QVERIFY(view.staleBanner()->isHidden());

        // Prometheus stops: stale, rows kept; it starts again: fresh.
        run({QStringLiteral("stop"), m_containers.at(2)});
        QSignalSpy spy(source, &GpuUsageSource::snapshotUpdated);
        source->refresh();
        QVERIFY(spy.wait(30000));
        QVERIFY(source->snapshot().isStale());
        QVERIFY(!view.staleBanner()->isHidden());
        QVERIFY2(view.staleBanner()->text().contains(QStringLiteral("Stale since")),
                 qPrintable(view.staleBanner()->text()));
        QCOMPARE(model->rowCount(), 3);
        run({QStringLiteral("start"), m_containers.at(2)});
        const Docker port = docker({QStringLiteral("port"), m_containers.at(2), QStringLiteral("9090")});
        QVERIFY2(port.exitCode == 0, qPrintable(port.output));
        source->setPrometheus(
            new PrometheusClient(QUrl(QStringLiteral("http://") + port.output.section(u'\n', 0, 0)), source));
        QVERIFY(waitForGpus(*source, 3));
        QVERIFY(view.staleBanner()->isHidden());
    }
};

QTEST_MAIN(TestGpuPrometheus)
#include "tst_gpuprometheus.moc"
