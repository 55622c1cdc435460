// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of every area of the main window on a real cluster: the lab's hosts deployed
// by SlurmDeck's engine (images transferred from here: the lab is offline), three jobs
// submitted so the Jobs view has rows, the window opened offscreen on the cluster file; each
// area is shown, given its data (nodes, jobs, services, plan, Prometheus series) and written
// as <area>.png into $SLURMDECK_SCREENSHOT_DIR (default: the build directory). Every file
// must be a real, non-blank PNG. The cluster (own name, the deploy tests' ports: hold the lab
// lock) is removed at the end, pass or fail.
#include "FakeOperations.h"
#include "LabCluster.h"
#include "LiveCluster.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "charts/TimeSeriesChart.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "models/JobsModel.h"
#include "models/NodesModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/DeployView.h"
#include "views/JobsView.h"
#include "views/MetricsView.h"
#include "views/NodesView.h"
#include "views/OverviewView.h"
#include "views/ServicesView.h"
#include "widgets/Sparkline.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProgressBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace std::chrono_literals;

class TestScreenshotsLab final : public QObject
{
    Q_OBJECT

private:
    Lab::LabCluster m_lab;
    QByteArray m_mungeKey = ClusterSecrets::generateMungeKey();
    QByteArray m_password = ClusterSecrets::generatePassword();
    std::unique_ptr<MainWindow> m_window;

    QString clusterFile() const { return m_lab.clusterFile(); }
    SshTarget shared() const { return m_lab.shared(); }
    QString slurm(const QString &command) const { return m_lab.slurm(command); }

    static QString outputDir()
    {
        const QString dir = qEnvironmentVariable("SLURMDECK_SCREENSHOT_DIR");
        return dir.isEmpty() ? QStringLiteral(SLURMDECK_BUILD_DIR) : dir;
    }

    // Shows `area`, lets it paint, writes <id>.png and checks it is a real, non-blank PNG.
    void capture(Area area)
    {
        m_window->showArea(area);
        QTest::qWait(500);
        const QString path = QDir(outputDir()).filePath(areaId(area) + QStringLiteral(".png"));
        SLURMDECK_VERIFY_OK(saveScreenshot(*m_window, path));
        QVERIFY2(QFileInfo(path).size() > 10000, qPrintable(path));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(path + QStringLiteral(" looks blank")));
        qInfo("screenshot: %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab.manifest = *manifest;
        QVERIFY2(m_lab.hosts().size() >= 2, "the screenshots need a primary and a worker");
        QVERIFY(m_lab.home.isValid());
        QVERIFY2(QDir().mkpath(outputDir()), qPrintable(outputDir()));
        QVERIFY(m_lab.writeSshConfig());

        SLURMDECK_VERIFY_OK(m_lab.prepare(QStringLiteral("demo"), QStringLiteral("screenshots.yaml"), false,
                                          m_mungeKey, m_password));
        m_lab.tearDown(); // leftovers of a killed run
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_lab.tearDown();
    }

    void deployAndSubmit()
    {
        const std::optional<DeployReport> report = m_lab.deploy();
        QVERIFY(report);
        QVERIFY2(report->ok(), "the lab deploy failed");
        QVERIFY2(QTest::qWaitFor([this] { return m_lab.allNodesIdle(); }, 120000),
                 qPrintable(slurm(QStringLiteral("sinfo -N"))));
        // A running job and a pending one (it may start in an hour).
        const QString running =
            slurm(QStringLiteral("sbatch --parsable -J train-resnet -N1 -n1 --wrap 'sleep 600' 2>&1"));
        QVERIFY2(running.toInt() > 0, qPrintable(running));
        const QString pending =
            slurm(QStringLiteral("sbatch --parsable -J sweep --begin=now+1hour --wrap 'sleep 60' 2>&1"));
        QVERIFY2(pending.toInt() > 0, qPrintable(pending));
        // A short one, so the Metrics chart shows the allocation change when it ends.
        const QString shortJob =
            slurm(QStringLiteral("sbatch --parsable -J preprocess -n2 --wrap 'sleep 60' 2>&1"));
        QVERIFY2(shortJob.toInt() > 0, qPrintable(shortJob));
        QVERIFY(QTest::qWaitFor(
            [&] { return slurm(QStringLiteral("squeue -h -j %1 -o %T").arg(running)) == u"RUNNING"; },
            60000));
    }

    void everyArea()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setSshDefaults(shared());
        m_window->liveCluster()->setInterval(2s);
        m_window->setConfirmation(std::make_shared<Testing::ScriptedConfirmation>(true));
        m_window->deployView()->session()->setSecrets(m_mungeKey, m_password);
        m_window->deployView()->session()->setHostKeyPrompt(
            std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        m_window->servicesView()->session()->setSshDefaults(shared());
        m_window->servicesView()->session()->setHostKeyPrompt(
            std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject));
        m_window->resize(1200, 720);
        SLURMDECK_VERIFY_OK(m_window->openCluster(clusterFile()));
        m_window->show();
        m_window->startMonitoring(); // the status bar shows the sources in every shot

        capture(Area::Hosts);

        m_window->showArea(Area::Deploy);
        m_window->deployView()->plan();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->deployView()->hasPlan(), 120000);
        capture(Area::Deploy);

        m_window->showArea(Area::Services);
        QSignalSpy listed(m_window->servicesView(), &ServicesView::refreshed);
        m_window->servicesView()->refresh();
        QVERIFY(listed.wait(120000));
        capture(Area::Services);

        m_window->showArea(Area::Nodes);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->nodesView()->model()->rowCount() == m_lab.hosts().size(), 60000);
        capture(Area::Nodes);

        m_window->showArea(Area::Jobs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->jobsView()->queueModel()->rowCount() >= 3, 60000);
        capture(Area::Jobs);

        if (m_window->view(Area::Gpus))
            capture(Area::Gpus);

        // Slurm's allocated and idle CPUs, once three minutes of samples (15 min / 300 points:
        // one row every 3 s) are in.
        m_window->showArea(Area::Metrics);
        MetricsView *metrics = m_window->metricsView();
        metrics->setMetric(ChartMetric::SlurmCpus);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QSignalSpy refreshed(metrics, &MetricsView::refreshed);
                         metrics->refresh();
                         return refreshed.wait(15000) && metrics->chart()->seriesCount() == 2 &&
                                metrics->csv().count(u'\n') >= 60;
                     },
                     300000),
                 qPrintable(metrics->statusText()));
        QVERIFY(!metrics->isStale());
        capture(Area::Metrics);

        // The Overview: every node counted, the running job, the last hour's CPU use from
        // the same real Prometheus.
        m_window->showArea(Area::Overview);
        OverviewView *overview = m_window->overviewView();
        QTRY_VERIFY_WITH_TIMEOUT(overview->overview().all.nodes == m_lab.hosts().size(), 60000);
        QVERIFY(overview->overview().jobsRunning >= 1);
        QVERIFY(overview->overview().jobsPending >= 1);
        QVERIFY(overview->cpuGauge()->value() >= 1);
        QVERIFY2(QTest::qWaitFor(
                     [overview] {
                         overview->refreshUtilisation();
                         QTest::qWait(2000);
                         return overview->cpuSparkline()->points().size() >= 2;
                     },
                     60000),
                 qPrintable(overview->cpuSparkline()->text()));
        capture(Area::Overview);
    }
};

QTEST_MAIN(TestScreenshotsLab)
#include "tst_screenshotslab.moc"
