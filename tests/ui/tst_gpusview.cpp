// SPDX-License-Identifier: GPL-3.0-or-later
// The GPUs area on fixture data: nvidia-smi output (tests/data/nvidia-smi/, reconstructed, see
// its README) through a GpuUsageSource with a fake command runner, and the GPU exporter's
// series captured from the monitoring image's Prometheus (tests/data/prometheus/query_gpu.json)
// through a fake Prometheus. GpusModel and its proxy pass QAbstractItemModelTester; rows show
// model, utilisation and memory bars, temperature, power ("—" where not reported) and the
// Slurm job and user from the Slurm snapshot; the selection survives refreshes; a failing
// source keeps the rows under a "stale since" banner and recovers.
#include "metrics/GpuUsageSource.h"
#include "metrics/PrometheusClient.h"
#include "models/GpusModel.h"
#include "models/ModelRoles.h"
#include "views/GpusView.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/StaleBanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

QString fixture(const QString &path)
{
    QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

// gpu1: 4 A100s, job 42 (alice) on GPUs 0 and 2; gpu2: one GTX 1050 without power readings.
ClusterSnapshot slurm()
{
    ClusterSnapshot c;
    SlurmNode gpu1;
    gpu1.name = QStringLiteral("gpu1");
    gpu1.state = QStringLiteral("MIXED");
    gpu1.gresUsed = QStringLiteral("gpu:a100:2(IDX:0,2)");
    SlurmNode gpu2;
    gpu2.name = QStringLiteral("gpu2");
    gpu2.state = QStringLiteral("IDLE");
    gpu2.gresUsed = QStringLiteral("gpu:gtx1050:0(IDX:N/A)");
    c.nodes = {gpu1, gpu2};
    SlurmJob job;
    job.id = QStringLiteral("42");
    job.jobId = 42;
    job.name = QStringLiteral("train");
    job.user = QStringLiteral("alice");
    job.state = QStringLiteral("RUNNING");
    job.nodeList = QStringLiteral("gpu1");
    job.gpus = 2;
    c.jobs = {job};
    c.ssh.ok = c.controller.ok = true;
    c.takenAt = QDateTime::currentDateTimeUtc();
    return c;
}

struct Fixture
{
    std::unique_ptr<GpusView> view = std::make_unique<GpusView>();
    GpuUsageSource *source = new GpuUsageSource;
    bool gpu1Up = true;
    QString gpu1Output = fixture(QStringLiteral("nvidia-smi/a100x4_535_noheader_nounits.csv"));

    Fixture()
    {
        source->setGpuHosts({QStringLiteral("gpu1"), QStringLiteral("gpu2")});
        source->setCommandRunner([this](const QString &host) -> Result<QString> {
            if (host == u"gpu2")
                return fixture(QStringLiteral("nvidia-smi/gtx1050_418_no_power.csv"));
            if (!gpu1Up)
                return makeError(Error::Code::Timeout, QStringLiteral("connection to gpu1 timed out"));
            return gpu1Output;
        });
        view->setSource(source); // taken over
        view->setClusterSnapshot(slurm());
        view->resize(1100, 400);
    }

    void refresh()
    {
        QSignalSpy spy(source, &GpuUsageSource::snapshotUpdated);
        source->refresh();
        QVERIFY(spy.wait(10000));
    }

    // The source row of GPU `index` on `host`.
    [[nodiscard]] int row(const QString &host, int index) const
    {
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const GpuUsage &g = view->model()->gpu(r);
            if (GpusModel::hostOf(g) == host && g.gpu.index == index)
                return r;
        }
        return -1;
    }
    [[nodiscard]] QString cell(const QString &host, int index, int column, int role = Qt::DisplayRole) const
    {
        return view->model()->index(row(host, index), column).data(role).toString();
    }
};

} // namespace

class TestGpusView : public QObject
{
    Q_OBJECT

private slots:
    void modelsPassTester()
    {
        Fixture f;
        QAbstractItemModelTester sourceTester(f.view->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(f.view->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.refresh();
        QCOMPARE(f.view->model()->rowCount(), 5);
        f.gpu1Output = fixture(QStringLiteral("nvidia-smi/h100x2_550_odd_spacing.csv")); // other GPUs
        f.refresh();
        QCOMPARE(f.view->model()->rowCount(), 3);
        f.view->filterEdit()->setText(QStringLiteral("H100"));
        QCOMPARE(f.view->proxy()->rowCount(), 2);
        f.view->filterEdit()->setText(QStringLiteral("gtx"));
        QCOMPARE(f.view->proxy()->rowCount(), 1);
        f.view->filterEdit()->clear();
        f.view->clearCluster();
        QCOMPARE(f.view->model()->rowCount(), 0);
    }

    void rowsShowReadingsAndJobs()
    {
        Fixture f;
        f.refresh();
        QCOMPARE(f.view->model()->rowCount(), 5);
        // gpu1 GPU 2: 100 %, 39012 of 40960 MiB, 72 °C, 391 W, job 42 of alice.
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::ModelColumn),
                 QStringLiteral("NVIDIA A100-SXM4-40GB"));
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::UtilizationColumn), QStringLiteral("100 %"));
        QCOMPARE(f.view->model()
                     ->index(f.row(QStringLiteral("gpu1"), 2), GpusModel::UtilizationColumn)
                     .data(GpusModel::PercentRole)
                     .toInt(),
                 100);
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::MemoryColumn),
                 QStringLiteral("38.1 GiB / 40.0 GiB"));
        QCOMPARE(f.view->model()
                     ->index(f.row(QStringLiteral("gpu1"), 2), GpusModel::MemoryColumn)
                     .data(GpusModel::PercentRole)
                     .toInt(),
                 95);
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::TemperatureColumn), QStringLiteral("72 °C"));
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::PowerColumn), QStringLiteral("391 W"));
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::JobColumn), QStringLiteral("42 (train)"));
        QCOMPARE(f.cell(QStringLiteral("gpu1"), 2, GpusModel::UserColumn), QStringLiteral("alice"));
        // GPU 1 is not allocated.
        QVERIFY(f.cell(QStringLiteral("gpu1"), 1, GpusModel::JobColumn).isEmpty());
        QVERIFY(f.cell(QStringLiteral("gpu1"), 1, GpusModel::JobColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("No Slurm job")));
        // The GTX 1050 reports neither power nor utilisation: "—", no bar, a tooltip.
        QCOMPARE(f.cell(QStringLiteral("gpu2"), 0, GpusModel::PowerColumn), QStringLiteral("—"));
        QCOMPARE(f.cell(QStringLiteral("gpu2"), 0, GpusModel::UtilizationColumn), QStringLiteral("—"));
        QVERIFY(!f.view->model()
                     ->index(f.row(QStringLiteral("gpu2"), 0), GpusModel::UtilizationColumn)
                     .data(GpusModel::PercentRole)
                     .isValid());
        QVERIFY(f.cell(QStringLiteral("gpu2"), 0, GpusModel::PowerColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("Not Supported")));
        QCOMPARE(f.view->summary(),
                 QStringLiteral("5 GPUs on 2 hosts, 2 held by Slurm jobs · from nvidia-smi over SSH"));

        // Sorting by utilisation puts the missing reading first, 100 % last.
        f.view->table()->sortByColumn(GpusModel::UtilizationColumn, Qt::AscendingOrder);
        const QAbstractItemModel *proxy = f.view->proxy();
        QCOMPARE(proxy->index(0, GpusModel::HostColumn).data().toString(), QStringLiteral("gpu2"));
        QCOMPARE(proxy->index(4, GpusModel::UtilizationColumn).data().toString(), QStringLiteral("100 %"));

        // A new Slurm snapshot (the job ended) updates the job column without a refresh.
        ClusterSnapshot ended = slurm();
        ended.jobs.clear();
        ended.nodes[0].gresUsed = QStringLiteral("gpu:a100:0(IDX:N/A)");
        f.view->setClusterSnapshot(ended);
        QVERIFY(f.cell(QStringLiteral("gpu1"), 2, GpusModel::JobColumn).isEmpty());
    }

    void selectionSurvivesRefresh()
    {
        Fixture f;
        f.view->show();
        f.refresh();
        const int source = f.row(QStringLiteral("gpu1"), 3);
        const QModelIndex shown = f.view->proxy()->mapFromSource(f.view->model()->index(source, 0));
        f.view->table()->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        QSignalSpy resets(f.view->model(), &QAbstractItemModel::modelReset);
        f.gpu1Output.replace(QStringLiteral(", 12, 1536,"), QStringLiteral(", 55, 2048,")); // GPU 3 busier
        f.refresh();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(f.view->model()->lastUpdate().changed, 1);
        const QModelIndexList selected = f.view->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        const GpuUsage &g = f.view->model()->gpu(f.view->proxy()->mapToSource(selected.first()).row());
        QCOMPARE(g.gpu.index, 3);
        QCOMPARE(g.gpu.utilizationPercent.value_or(-1), 55.0);
    }

    void staleBannerAndRecovery()
    {
        Fixture f;
        f.view->show();
        f.refresh();
        QVERIFY(f.view->staleBanner()->isHidden());
        f.gpu1Up = false;
        f.source->setGpuHosts({QStringLiteral("gpu1")});
        f.refresh();
        QVERIFY(f.source->snapshot().isStale());
        QVERIFY(!f.view->staleBanner()->isHidden());
        QVERIFY(f.view->staleBanner()->text().contains(QStringLiteral("Stale since")));
        QVERIFY(f.view->staleBanner()->text().contains(QStringLiteral("connection to gpu1 timed out")));
        QCOMPARE(f.view->model()->rowCount(), 5); // the last known GPUs stay
        f.gpu1Up = true;
        f.refresh();
        QVERIFY(f.view->staleBanner()->isHidden());
        QCOMPARE(f.view->model()->rowCount(), 4);
    }

    void emptyStates()
    {
        const auto shows = [](const GpusView &view, const QString &headline) {
            for (const QLabel *label : view.emptyState()->findChildren<QLabel *>()) {
                if (label->text() == headline)
                    return true;
            }
            return false;
        };
        GpusView view;
        view.show();
        QVERIFY(!view.table()->isVisible());
        QVERIFY(shows(view, QStringLiteral("No cluster running")));
        auto *source = new GpuUsageSource; // no Prometheus, no GPU host
        view.setSource(source);            // started because the view is shown
        QVERIFY(source->isRunning());
        QTRY_VERIFY(shows(view, QStringLiteral("No GPUs seen")));
        QVERIFY(!view.table()->isVisible());
        view.hide();
        QVERIFY(!source->isRunning()); // polls only while shown
    }

    void exporterSeriesThroughPrometheus()
    {
        // A fake Prometheus answering with the series captured from the real one.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QByteArray body = fixture(QStringLiteral("prometheus/query_gpu.json")).toUtf8();
        connect(&server, &QTcpServer::newConnection, &server, [&server, body] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, body] {
                    socket->readAll();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        GpusView view;
        auto *source = new GpuUsageSource;
        source->setPrometheus(new PrometheusClient(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), source));
        source->setHostAliases({{QStringLiteral("sdm-node"), QStringLiteral("gpu1")}});
        view.setSource(source);
        view.setClusterSnapshot(slurm());
        QSignalSpy spy(source, &GpuUsageSource::snapshotUpdated);
        source->refresh();
        QVERIFY(spy.wait(10000));
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->index(0, GpusModel::HostColumn).data().toString(), QStringLiteral("gpu1"));
        QCOMPARE(view.model()->index(0, GpusModel::UtilizationColumn).data().toString(),
                 QStringLiteral("87 %"));
        QCOMPARE(view.model()->index(0, GpusModel::JobColumn).data().toString(),
                 QStringLiteral("42 (train)"));
        QCOMPARE(view.model()->index(1, GpusModel::PowerColumn).data().toString(),
                 QStringLiteral("—")); // NaN
        QVERIFY(view.summary().contains(QStringLiteral("from the GPU exporter (Prometheus)")));
    }
};

QTEST_MAIN(TestGpusView)
#include "tst_gpusview.moc"
