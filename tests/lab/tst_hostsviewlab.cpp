// SPDX-License-Identifier: GPL-3.0-or-later
// The Hosts area against the lab: the real DiscoveryDialog fingerprints the emulated
// hosts, every host key is unknown (an empty known_hosts) and is answered through the
// HostKeyTrustDialog test seam, and "Add selected to cluster" fills the Hosts view with
// default roles. Also writes a screenshot of the Hosts view to the build directory.
#include "LabManifest.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "dialogs/DiscoveryDialog.h"
#include "dialogs/HostKeyTrustDialog.h"
#include "inventory/ClusterDocument.h"
#include "models/ClusterHostsModel.h"
#include "models/DiscoveredHostsModel.h"
#include "views/HostsView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Counts host-key dialogs as they appear, however briefly.
class TrustDialogCounter final : public QObject
{
public:
    int shown = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && qobject_cast<HostKeyTrustDialog *>(watched))
            ++shown;
        return false;
    }
};

} // namespace

class TestHostsViewLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    int m_run = 0;

    // Fresh, empty known_hosts files per run: every lab host key is unknown.
    DiscoveryRequest requestTemplate()
    {
        ++m_run;
        DiscoveryRequest request;
        request.login.user = QStringLiteral("root");
        request.login.identityFile = m_lab.clientKey();
        request.login.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        request.login.userKnownHostsFile = m_temp.filePath(QStringLiteral("empty_known_hosts"));
        request.login.slurmDeckKnownHostsFile =
            m_temp.filePath(QStringLiteral("own_known_hosts_%1").arg(m_run));
        request.login.connectTimeout = std::chrono::seconds(5);
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            request.hosts.append(host.address);
        return request;
    }

    // Opens Discover… in the window's Hosts view and runs it to the end.
    DiscoveryDialog *discoverAll(MainWindow &window)
    {
        window.hostsView()->setDiscoveryRequestTemplate(requestTemplate());
        window.findChild<QAction *>(QStringLiteral("discoverAction"))->trigger();
        DiscoveryDialog *dialog = window.hostsView()->discoveryDialog();
        if (!dialog || !dialog->isVisible())
            return nullptr;
        QSignalSpy finished(dialog, &DiscoveryDialog::discoveryFinished);
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startDiscovery"));
        if (!start->isEnabled())
            return nullptr;
        start->click();
        if (!finished.wait(120000))
            return nullptr;
        return dialog;
    }

    static int rowOf(const DiscoveredHostsModel *model, const QString &address)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->host(row).address == address)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_temp.isValid());
        for (const char *name : {"empty_ssh_config", "empty_known_hosts"}) {
            QFile file(m_temp.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }

    void cleanup() { HostKeyTrustDialog::setNextDecisionForTesting(std::nullopt); }

    void discoverTrustOnceAndAddToTheCluster()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.clusterDocument()->reset(m_temp.filePath(QStringLiteral("lab.yaml")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        TrustDialogCounter counter;
        qApp->installEventFilter(&counter);
        HostKeyTrustDialog::setNextDecisionForTesting(HostKeyDecision::AcceptOnce, int(m_lab.hosts.size()));

        DiscoveryDialog *dialog = discoverAll(window);
        QVERIFY(dialog);
        QCOMPARE(counter.shown, int(m_lab.hosts.size())); // each key was asked about

        const DiscoveredHostsModel *model = dialog->model();
        QCOMPARE(model->rowCount(), int(m_lab.hosts.size()));
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            const int row = rowOf(model, labHost.address);
            QVERIFY2(row >= 0, qPrintable(labHost.address));
            QCOMPARE(model->index(row, DiscoveredHostsModel::StatusColumn).data().toString(),
                     QStringLiteral("OK"));
            // The Mac-looking host says 16 CPUs (its engine has this machine's).
            QCOMPARE(model->index(row, DiscoveredHostsModel::CpusColumn).data().toInt(),
                     labHost.platform == u"macos" ? 16 : QThread::idealThreadCount());
        }

        auto *table = dialog->findChild<QTableView *>(QStringLiteral("discoveredHosts"));
        auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addSelected"));
        QVERIFY(!add->isEnabled());
        table->selectAll();
        QVERIFY(add->isEnabled());
        add->click();

        ClusterDocument *document = window.clusterDocument();
        QCOMPARE(document->hosts().size(), m_lab.hosts.size());
        QTableView *hosts = window.hostsView()->table();
        QCOMPARE(hosts->model()->rowCount(), int(m_lab.hosts.size()));
        QVERIFY(hosts->isVisible());
        const Host &first = document->hosts().first();
        QCOMPARE(first.address, m_lab.hosts.first().address);
        QVERIFY(first.hasRole(HostRole::Controller));
        QCOMPARE(document->cluster().hostsWithRole(HostRole::Controller).size(), 1);
        for (const Host &host : document->hosts()) {
            QVERIFY(host.hasRole(HostRole::Compute));
            QCOMPARE(host.user, QStringLiteral("root"));
            // The Mac-looking host says 16 CPUs; its engine has this machine's, as every other host.
            const bool mac = host.detected.platform == Platform::MacOS;
            QCOMPARE(host.detected.cpus.value_or(-1), mac ? 16 : QThread::idealThreadCount());
            QCOMPARE(host.detected.engineCpus.value_or(-1), QThread::idealThreadCount());
        }
        QCOMPARE(hosts->model()->index(0, ClusterHostsModel::RolesColumn).data().toString(),
                 QStringLiteral("controller, database, compute, monitoring"));
        QVERIFY(window.isWindowModified());

        const QString dialogShot =
            QCoreApplication::applicationDirPath() + QStringLiteral("/discoverydialog.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(*dialog, dialogShot));
        dialog->close();
        QTRY_VERIFY(!window.hostsView()->discoveryDialog());
        QCoreApplication::processEvents();
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/hostsview.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(window, shot));
        qInfo("screenshot: %s", qPrintable(shot));
        QVERIFY(!QImage(shot).isNull());

        // Saving writes a cluster file that loads back.
        window.findChild<QAction *>(QStringLiteral("saveAction"))->trigger();
        QVERIFY(!window.isWindowModified());
        ClusterDocument reloaded;
        SLURMDECK_VERIFY_OK(reloaded.load(document->path()));
        QCOMPARE(reloaded.hosts(), document->hosts());
    }

    void rejectedKeysAreShownAsNotTrusted()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        HostKeyTrustDialog::setNextDecisionForTesting(HostKeyDecision::Reject, int(m_lab.hosts.size()));
        DiscoveryDialog *dialog = discoverAll(window);
        QVERIFY(dialog);
        const DiscoveredHostsModel *model = dialog->model();
        QCOMPARE(model->rowCount(), int(m_lab.hosts.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, DiscoveredHostsModel::StatusColumn).data().toString(),
                     QStringLiteral("Host key not trusted"));
        }
        dialog->findChild<QTableView *>(QStringLiteral("discoveredHosts"))->selectAll();
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("addSelected"))->isEnabled());
    }
};

QTEST_MAIN(TestHostsViewLab)
#include "tst_hostsviewlab.moc"
