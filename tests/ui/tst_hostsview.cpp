// SPDX-License-Identifier: GPL-3.0-or-later
// The Hosts area: its models (checked with QAbstractItemModelTester), the view over a
// cluster document, the host editor, removal through the confirmation seam, the load
// diagnostics panel. The host-key dialog and prompt are in tst_hostkeyprompt.
#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "dialogs/DiscoveryDialog.h"
#include "dialogs/HostEditDialog.h"
#include "dialogs/HostKeyTrustDialog.h"
#include "inventory/ClusterDocument.h"
#include "models/ClusterHostsModel.h"
#include "models/DiscoveredHostsModel.h"
#include "views/HostsView.h"
#include "widgets/EmptyStatePanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QColor>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <future>
#include <optional>
#include <thread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/") + QLatin1String(name);
}

// Answers every question with a scripted answer and remembers what was asked.
class ScriptedConfirmation final : public Confirmation
{
public:
    explicit ScriptedConfirmation(bool answer) : m_answer(answer) {}
    void ask(QWidget *, const Question &question, std::function<void(bool)> answer) override
    {
        asked.append(question.text);
        // Later, from the event loop, as a real dialog would.
        QTimer::singleShot(0, qApp, [answer = std::move(answer), yes = m_answer] { answer(yes); });
    }
    QStringList asked;

private:
    bool m_answer;
};

DiscoveredHost discovered(const QString &target, const QString &hostname, int cpus, bool gpu = false)
{
    DiscoveredHost host;
    host.target = target;
    host.address = target;
    host.user = QStringLiteral("root");
    host.status = DiscoveredHost::Status::Fingerprinted;
    HostFingerprint fp;
    fp.platform = Platform::Linux;
    fp.hostname = hostname;
    fp.architecture = QStringLiteral("x86_64");
    fp.logicalCpus = cpus;
    fp.memoryBytes = qint64(8) * 1024 * 1024 * 1024;
    if (gpu)
        fp.gpus.append(GpuInfo{0, QStringLiteral("NVIDIA RTX"), 24000, QStringLiteral("535"), {}});
    host.fingerprint = fp;
    return host;
}

} // namespace

class TestHostsView final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { HostKeyTrustDialog::setNextDecisionForTesting(std::nullopt); }

    void clusterHostsModelFollowsTheDocumentByDiffing()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        ClusterHostsModel model(&document);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ClusterHostsModel::ColumnCount));
        QCOMPARE(model.index(0, ClusterHostsModel::NameColumn).data().toString(), QStringLiteral("gpu-box"));
        QCOMPARE(model.index(0, ClusterHostsModel::PlatformColumn).data().toString(),
                 QStringLiteral("Linux (set)"));
        QCOMPARE(model.index(2, ClusterHostsModel::PlatformColumn).data().toString(),
                 QStringLiteral("QNAP QTS (set)"));
        QCOMPARE(model.index(3, ClusterHostsModel::PlatformColumn).data().toString(),
                 QStringLiteral("QNAP QTS"));
        QCOMPARE(model.index(0, ClusterHostsModel::RolesColumn).data().toString(),
                 QStringLiteral("controller, database, compute, monitoring"));
        QCOMPARE(model.index(0, ClusterHostsModel::CpusColumn).data().toInt(), 16);
        QCOMPARE(model.index(0, ClusterHostsModel::MemoryColumn).data().toString(),
                 QStringLiteral("62.5 GiB"));
        QCOMPARE(model.index(1, ClusterHostsModel::LoginColumn).data().toString(),
                 QStringLiteral("(ssh config), port 2222"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex nas2(model.index(3, 0));

        SLURMDECK_VERIFY_OK(document.removeHost(QStringLiteral("macbook")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(nas2.row(), 2); // follows its host
        QCOMPARE(nas2.data().toString(), QStringLiteral("nas2"));

        Host nas1 = *document.cluster().findHost(QStringLiteral("nas1"));
        nas1.port = 2022;
        SLURMDECK_VERIFY_OK(document.setHost(QStringLiteral("nas1"), nas1));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);

        Host extra;
        extra.name = QStringLiteral("w9");
        extra.address = QStringLiteral("10.0.0.9");
        SLURMDECK_VERIFY_OK(document.addHosts({extra}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(reset.count(), 0);

        // A whole new file: still no reset, and the rows match the file.
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        QCOMPARE(model.rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(model.host(row), document.hosts().at(row));
        QCOMPARE(reset.count(), 0);
    }

    void discoveredHostsModelUpsertKeepsRowsStable()
    {
        DiscoveredHostsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        DiscoveredHost pending;
        pending.target = QStringLiteral("10.0.0.2");
        pending.status = DiscoveredHost::Status::HostKeyUnknown;
        pending.message = QStringLiteral("not trusted yet");
        model.upsert(discovered(QStringLiteral("10.0.0.1"), QStringLiteral("one"), 4));
        model.upsert(pending);
        DiscoveredHost down;
        down.target = QStringLiteral("10.0.0.3");
        down.status = DiscoveredHost::Status::Unreachable;
        model.upsert(down);
        QCOMPARE(model.rowCount(), 3);

        QCOMPARE(model.index(0, DiscoveredHostsModel::StatusColumn).data().toString(), QStringLiteral("OK"));
        const auto colour = [&model](int row) {
            return model.index(row, DiscoveredHostsModel::StatusColumn)
                .data(Qt::ForegroundRole)
                .value<QColor>();
        };
        QVERIFY(colour(0).green() > colour(0).red()); // ok: green
        QVERIFY(colour(1).red() > colour(1).blue());  // key unknown: amber
        QVERIFY(colour(2).red() > colour(2).green()); // failure: red
        QVERIFY(colour(1) != colour(2));
        QCOMPARE(model.index(0, DiscoveredHostsModel::CpusColumn).data().toInt(), 4);
        QCOMPARE(model.index(0, DiscoveredHostsModel::MemoryColumn).data().toString(),
                 QStringLiteral("8.0 GiB"));
        QCOMPARE(model.index(1, DiscoveredHostsModel::MessageColumn).data().toString(),
                 QStringLiteral("not trusted yet"));
        // Who logged in, and the engine's share where it has less than the machine (a Mac's VM).
        QCOMPARE(model.index(0, DiscoveredHostsModel::UserColumn).data().toString(), QStringLiteral("root"));
        QVERIFY(model.index(0, DiscoveredHostsModel::EngineColumn).data().isNull());
        DiscoveredHost mac = discovered(QStringLiteral("alice@10.0.0.9"), QStringLiteral("mac"), 16);
        mac.user = QStringLiteral("alice");
        mac.fingerprint->engineCpus = 4;
        mac.fingerprint->engineMemoryBytes = qint64(8) * 1024 * 1024 * 1024;
        model.upsert(mac);
        QCOMPARE(model.index(3, DiscoveredHostsModel::UserColumn).data().toString(), QStringLiteral("alice"));
        QCOMPARE(model.index(3, DiscoveredHostsModel::EngineColumn).data().toString(),
                 QStringLiteral("4 CPUs, 8.0 GiB"));
        model.clear();
        model.upsert(discovered(QStringLiteral("10.0.0.1"), QStringLiteral("one"), 4));
        model.upsert(pending);
        model.upsert(down);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex second(model.index(1, 0));
        model.upsert(discovered(QStringLiteral("10.0.0.2"), QStringLiteral("two"), 8));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(second.row(), 1);
        QCOMPARE(model.index(1, DiscoveredHostsModel::StatusColumn).data().toString(), QStringLiteral("OK"));
        QCOMPARE(model.index(1, DiscoveredHostsModel::CpusColumn).data().toInt(), 8);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void viewShowsTheHostsOfALoadedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        QVERIFY(QFile::copy(dataFile("valid-full.yaml"), path));
        ClusterDocument document;
        HostsView view(&document);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.emptyState()->isVisible());
        QVERIFY(!view.table()->isVisible());

        SLURMDECK_VERIFY_OK(view.openCluster(path));
        QVERIFY(view.table()->isVisible());
        QVERIFY(!view.emptyState()->isVisible());
        QCOMPARE(view.table()->model()->rowCount(), 4);

        auto *filter = view.findChild<QLineEdit *>(QStringLiteral("hostFilter"));
        QVERIFY(filter);
        filter->setText(QStringLiteral("nas"));
        QCOMPARE(view.table()->model()->rowCount(), 2);
        filter->clear();

        // Sorting by CPUs sorts numbers, not text.
        view.table()->sortByColumn(ClusterHostsModel::CpusColumn, Qt::DescendingOrder);
        QCOMPARE(view.table()->model()->index(0, 0).data().toString(), QStringLiteral("gpu-box"));
        QCOMPARE(view.table()->model()->index(1, 0).data().toString(), QStringLiteral("macbook"));
    }

    void editingAHostChangesTheDocument()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        HostsView view(&document);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.table()->selectRow(1);
        auto *edit = view.findChild<QAction *>(QStringLiteral("editAction"));
        QVERIFY(edit && edit->isEnabled());
        QCOMPARE(edit->shortcut(), QKeySequence(Qt::Key_Return));
        edit->trigger();

        HostEditDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<HostEditDialog *>()) && dialog->isVisible());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("hostName"));
        auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("hostPort"));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(name->text(), QStringLiteral("macbook"));
        QVERIFY(ok->isEnabled());

        name->setText(QStringLiteral("nas1")); // taken
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("hostProblem"))
                    ->text()
                    .contains(QStringLiteral("nas1")));
        name->setText(QStringLiteral("mac_book")); // invalid
        QVERIFY(!ok->isEnabled());
        name->setText(QStringLiteral("mac-mini"));
        port->setValue(22);
        QVERIFY(ok->isEnabled());
        ok->click();

        QTRY_VERIFY(document.cluster().findHost(QStringLiteral("mac-mini")));
        QCOMPARE(document.cluster().findHost(QStringLiteral("mac-mini"))->port, 22);
        QVERIFY(!document.cluster().findHost(QStringLiteral("macbook")));
        QVERIFY(document.isModified());
        QCOMPARE(view.table()->model()->index(1, 0).data().toString(), QStringLiteral("mac-mini"));
    }

    void removingAsksFirst()
    {
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(dataFile("valid-full.yaml")));
        HostsView view(&document);
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        view.setConfirmation(refuse);
        view.table()->selectRow(3);
        auto *remove = view.findChild<QAction *>(QStringLiteral("removeAction"));
        QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));
        remove->trigger();
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY(refuse->asked.first().contains(QStringLiteral("nas2")));
        QTest::qWait(20);
        QCOMPARE(document.hosts().size(), 4);

        auto agree = std::make_shared<ScriptedConfirmation>(true);
        view.setConfirmation(agree);
        view.table()->selectRow(3);
        remove->trigger();
        QTRY_COMPARE(document.hosts().size(), 3);
        QVERIFY(!document.cluster().findHost(QStringLiteral("nas2")));
    }

    void badFileListsEveryDiagnostic()
    {
        ClusterDocument document;
        HostsView view(&document);
        view.show();
        const QString bad = dataFile("many-problems.yaml");
        const Result<void> opened = view.openCluster(bad);
        QVERIFY(!opened.has_value());
        const QStringList problems = view.loadProblems();
        QCOMPARE(problems.size(), opened.error().detail.split(u'\n', Qt::SkipEmptyParts).size());
        QVERIFY(problems.size() > 1);
        static const QRegularExpression place(QStringLiteral("^.+:\\d+:\\d+: .+$"));
        for (const QString &problem : problems) {
            QVERIFY2(problem.startsWith(bad), qPrintable(problem));
            QVERIFY2(place.match(problem).hasMatch(), qPrintable(problem));
        }
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("loadProblemsPanel"))->isVisible());

        SLURMDECK_VERIFY_OK(view.openCluster(dataFile("valid-full.yaml")));
        QVERIFY(view.loadProblems().isEmpty());
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("loadProblemsPanel"))->isVisible());
    }

    void addingDiscoveredHostsMergesAndAssignsDefaultRoles()
    {
        ClusterDocument document;
        HostsView view(&document);
        SshTarget login;
        login.user = QStringLiteral("root");
        view.addDiscoveredHosts({discovered(QStringLiteral("10.0.0.1"), QStringLiteral("alpha.lan"), 4),
                                 discovered(QStringLiteral("10.0.0.2"), QStringLiteral("beta"), 8, true)},
                                login);
        QCOMPARE(document.hosts().size(), 2);
        const Host *beta = document.cluster().findHost(QStringLiteral("beta"));
        QVERIFY(beta);
        QVERIFY(beta->hasRole(HostRole::Controller)); // the GPU box
        QVERIFY(document.cluster().findHost(QStringLiteral("alpha"))->hasRole(HostRole::Compute));
        QCOMPARE(beta->user, QStringLiteral("root"));

        // Found again: facts refreshed, nothing duplicated, roles kept.
        DiscoveredHost again = discovered(QStringLiteral("10.0.0.1"), QStringLiteral("alpha"), 6);
        DiscoveredHost another = discovered(QStringLiteral("10.0.0.3"), QStringLiteral("alpha"), 2);
        view.addDiscoveredHosts({again, another}, login);
        QCOMPARE(document.hosts().size(), 3);
        QCOMPARE(document.cluster().findHost(QStringLiteral("alpha"))->detected.cpus.value_or(0), 6);
        QVERIFY(document.cluster().findHost(QStringLiteral("alpha-2")));
        QVERIFY(document.cluster().findHost(QStringLiteral("beta"))->hasRole(HostRole::Controller));
        QCOMPARE(document.cluster().hostsWithRole(HostRole::Controller).size(), 1);
    }

    void discoveryFormIsValidatedInline()
    {
        DiscoveryDialog dialog;
        auto *subnets = dialog.findChild<QLineEdit *>(QStringLiteral("subnets"));
        auto *hosts = dialog.findChild<QPlainTextEdit *>(QStringLiteral("hostList"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("formProblem"));
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startDiscovery"));
        QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));

        subnets->setText(QStringLiteral("10.0.0.0/33"));
        QVERIFY(!start->isEnabled());
        QVERIFY(!problem->text().isEmpty());
        subnets->setText(QStringLiteral("10.0.0.0/24"));
        QVERIFY(start->isEnabled());
        QVERIFY(problem->text().isEmpty());
        QCOMPARE(dialog.request()->subnets.size(), 1);

        hosts->setPlainText(QStringLiteral("a, b\nc"));
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("hostsMode"))->isChecked());
        const Result<DiscoveryRequest> request = dialog.request();
        SLURMDECK_VERIFY_OK(request);
        QCOMPARE(request->hosts,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(request->subnets.isEmpty());
        hosts->clear();
        QVERIFY(!start->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("addSelected"))->isEnabled());
    }

    void windowTitleShowsNameAndUnsavedChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        QVERIFY(QFile::copy(dataFile("valid-full.yaml"), path));
        MainWindow window;
        auto confirmation = std::make_shared<ScriptedConfirmation>(false);
        window.setConfirmation(confirmation);
        window.show();
        SLURMDECK_VERIFY_OK(window.openCluster(path));
        QVERIFY(window.windowTitle().contains(QStringLiteral("seed-lab")));
        QVERIFY(!window.isWindowModified());

        SLURMDECK_VERIFY_OK(window.clusterDocument()->removeHost(QStringLiteral("nas2")));
        QVERIFY(window.isWindowModified());

        QVERIFY(!window.close()); // asks; the scripted answer is "no"
        QCOMPARE(confirmation->asked.size(), 1);
        QTest::qWait(20);
        QVERIFY(window.isVisible());

        window.setConfirmation(std::make_shared<ScriptedConfirmation>(true));
        window.close();
        QTRY_VERIFY(!window.isVisible());
    }

    void saveActionWritesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        QVERIFY(QFile::copy(dataFile("valid-full.yaml"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow window;
        SLURMDECK_VERIFY_OK(window.openCluster(path));
        SLURMDECK_VERIFY_OK(window.clusterDocument()->removeHost(QStringLiteral("nas2")));
        auto *save = window.findChild<QAction *>(QStringLiteral("saveAction"));
        QCOMPARE(save->shortcut(), QKeySequence(QKeySequence::Save));
        save->trigger();
        QVERIFY(!window.clusterDocument()->isModified());
        ClusterDocument reloaded;
        SLURMDECK_VERIFY_OK(reloaded.load(path));
        QCOMPARE(reloaded.hosts().size(), 3);

        // Save As… writes a copy elsewhere and makes it the document's file.
        auto *saveAs = window.findChild<QAction *>(QStringLiteral("saveAsAction"));
        QCOMPARE(saveAs->shortcut(), QKeySequence(QKeySequence::SaveAs));
        saveAs->trigger();
        QFileDialog *chooser = nullptr;
        QTRY_VERIFY((chooser = window.findChild<QFileDialog *>(QStringLiteral("saveClusterDialog"))));
        const QString copy = dir.filePath(QStringLiteral("copy.yaml"));
        emit chooser->fileSelected(copy);
        chooser->close();
        QCOMPARE(window.clusterDocument()->path(), copy);
        ClusterDocument copied;
        SLURMDECK_VERIFY_OK(copied.load(copy));
        QCOMPARE(copied.hosts().size(), 3);
    }
};

QTEST_MAIN(TestHostsView)
#include "tst_hostsview.moc"
