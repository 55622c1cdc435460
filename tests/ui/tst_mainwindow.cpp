// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "WindowMemory.h"
#include "charts/TimeSeriesChart.h"
#include "common/ApplicationInfo.h"
#include "common/Version.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "inventory/ClusterDocument.h"
#include "views/Area.h"
#include "views/AreaView.h"
#include "views/MetricsView.h"
#include "widgets/EmptyStatePanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    // Without an icon theme (as here) each area shows SlurmDeck's own icon: nine different
    // pictures, none of them a style's generic disk or info sign.
    void areaIconsAreTheirOwn()
    {
        QSet<QByteArray> pictures;
        for (const Area area : allAreas()) {
            const QImage shown = areaIcon(area).pixmap(32, 32).toImage();
            QVERIFY2(!shown.isNull(), qPrintable(areaId(area)));
            if (QIcon::themeName().isEmpty() || !QIcon::hasThemeIcon(QStringLiteral("computer"))) {
                const QImage bundled =
                    QIcon(QStringLiteral(":/icons/areas/%1.svg").arg(areaId(area))).pixmap(32, 32).toImage();
                QVERIFY2(!bundled.isNull(), qPrintable(areaId(area)));
                QCOMPARE(shown, bundled);
            }
            pictures.insert(
                QByteArray(reinterpret_cast<const char *>(shown.constBits()), shown.sizeInBytes()));
        }
        QCOMPARE(pictures.size(), allAreas().size());
    }

    void initTestCase() { applyApplicationInfo(); }

    void hasOneViewPerArea()
    {
        MainWindow window;
        const auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 9);
        const QStringList expected{
            QStringLiteral("Overview"), QStringLiteral("Hosts"),   QStringLiteral("Deploy"),
            QStringLiteral("Services"), QStringLiteral("Nodes"),   QStringLiteral("Jobs"),
            QStringLiteral("GPUs"),     QStringLiteral("Metrics"), QStringLiteral("Problems")};
        for (int row = 0; row < navigation->count(); ++row)
            QCOMPARE(navigation->item(row)->text(), expected.at(row));
        for (Area area : allAreas()) {
            AreaView *view = window.view(area);
            QVERIFY(view);
            QCOMPARE(view->area(), area);
            QCOMPARE(view->objectName(), areaId(area) + QStringLiteral("View"));
        }
    }

    void emptyViewsSayWhatToDo()
    {
        MainWindow window;
        for (Area area : allAreas()) {
            const EmptyStatePanel *empty = window.view(area)->emptyState();
            QVERIFY2(!empty->headline().isEmpty(), qPrintable(areaId(area)));
            QVERIFY2(empty->explanation().size() > 40, qPrintable(areaId(area)));
        }
    }

    void navigationSwitchesViews()
    {
        MainWindow window;
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        auto *views = window.findChild<QStackedWidget *>(QStringLiteral("views"));
        QCOMPARE(window.currentArea(), Area::Hosts);
        navigation->setCurrentRow(5);
        QCOMPARE(window.currentArea(), Area::Jobs);
        QCOMPARE(views->currentWidget(), window.view(Area::Jobs));
        window.showArea(Area::Metrics);
        QCOMPARE(navigation->currentRow(), 7);
        navigation->setCurrentRow(0);
        QCOMPARE(window.currentArea(), Area::Overview);
        QCOMPARE(views->currentWidget(), window.view(Area::Overview));
    }

    void keyboardShortcutsSwitchViews_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Area>("area");
        QTest::newRow("Ctrl+1") << int(Qt::Key_1) << Area::Overview;
        QTest::newRow("Ctrl+2") << int(Qt::Key_2) << Area::Hosts;
        QTest::newRow("Ctrl+3") << int(Qt::Key_3) << Area::Deploy;
        QTest::newRow("Ctrl+4") << int(Qt::Key_4) << Area::Services;
        QTest::newRow("Ctrl+5") << int(Qt::Key_5) << Area::Nodes;
        QTest::newRow("Ctrl+6") << int(Qt::Key_6) << Area::Jobs;
        QTest::newRow("Ctrl+7") << int(Qt::Key_7) << Area::Gpus;
        QTest::newRow("Ctrl+8") << int(Qt::Key_8) << Area::Metrics;
        QTest::newRow("Ctrl+9") << int(Qt::Key_9) << Area::Problems;
    }
    void keyboardShortcutsSwitchViews()
    {
        QFETCH(int, key);
        QFETCH(Area, area);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.showArea(area == Area::Metrics ? Area::Hosts : Area::Metrics);
        QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(window.currentArea(), area);
        auto *action = window.findChild<QAction *>(areaId(area) + QStringLiteral("Action"));
        QVERIFY(action);
        QVERIFY(action->isChecked());
    }

    void statusBarShowsVersionAndHint()
    {
        MainWindow window;
        const auto *version = window.statusBar()->findChild<QLabel *>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QCOMPARE(version->text(), QStringLiteral("SlurmDeck ") + QLatin1String(Version::text));
        const auto *cluster = window.statusBar()->findChild<QLabel *>(QStringLiteral("clusterStatus"));
        QVERIFY(cluster);
        QVERIFY(cluster->text().contains(QStringLiteral("Hosts")));
    }

    void aboutShowsVersionAndLibraries()
    {
        AboutDialog dialog;
        QCOMPARE(dialog.versionText(), QLatin1String(Version::text));
        const auto *heading = dialog.findChild<QLabel *>(QStringLiteral("aboutVersion"));
        QVERIFY(heading);
        QVERIFY(heading->text().contains(QLatin1String(Version::text)));
        const auto *components = dialog.findChild<QPlainTextEdit *>(QStringLiteral("componentVersions"));
        QVERIFY(components);
        QVERIFY(components->toPlainText().contains(QStringLiteral("libssh")));
        QVERIFY(components->toPlainText().contains(QStringLiteral("QtKeychain")));
    }

    void f1OpensAbout()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QCOMPARE(about->shortcut(), QKeySequence(QKeySequence::HelpContents));
        about->trigger();
        AboutDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<AboutDialog *>()) && dialog->isVisible());
        dialog->reject();
    }

    // Help → Keyboard Shortcuts lists every shortcut of the application; none means two
    // things, none takes a key the platform keeps (Cmd+H hides an application on macOS).
    void shortcutTableHasNoConflicts()
    {
        MainWindow window;
        const QList<ShortcutEntry> entries = window.shortcuts();
        QVERIFY2(entries.size() > 30, qPrintable(QString::number(entries.size())));
        const QStringList conflicts = shortcutConflicts(entries);
        QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(u'\n')));
        const QStringList clashes = platformKeyClashes(entries);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        const auto has = [&](const QString &where, const QString &action, const QKeySequence &keys) {
            return std::any_of(entries.cbegin(), entries.cend(), [&](const ShortcutEntry &entry) {
                return entry.where == where && entry.action == action && entry.keys == keys;
            });
        };
        QVERIFY(has(QStringLiteral("Hosts"), QStringLiteral("Discover…"), QKeySequence(QKeySequence::New)));
        QVERIFY(has(QStringLiteral("Nodes"), QStringLiteral("Drain…"), QKeySequence(Qt::CTRL | Qt::Key_D)));
        QVERIFY(has(QStringLiteral("Jobs"), QStringLiteral("Submit job…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)));
        QVERIFY(has(QStringLiteral("Application"), QStringLiteral("Keyboard Shortcuts"),
                    QKeySequence(Qt::CTRL | Qt::Key_Slash)));
        QVERIFY(
            has(QStringLiteral("Application"), QStringLiteral("Nodes"), QKeySequence(Qt::CTRL | Qt::Key_5)));
        QVERIFY(has(QStringLiteral("Application"), QStringLiteral("Overview"),
                    QKeySequence(Qt::CTRL | Qt::Key_1)));

        // The check finds what it is for.
        QList<ShortcutEntry> clashing = entries;
        clashing.append({QStringLiteral("Jobs"), QStringLiteral("Hold"), QKeySequence(Qt::CTRL | Qt::Key_D)});
        clashing.append({QStringLiteral("Jobs"), QStringLiteral("Hide"), QKeySequence(Qt::CTRL | Qt::Key_H)});
        QCOMPARE(shortcutConflicts(clashing).size(), 1);
        QVERIFY(shortcutConflicts(clashing).constFirst().contains(QStringLiteral("Nodes \u203a Drain…")));
        QCOMPARE(platformKeyClashes(clashing).size(), 1);

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *open = window.findChild<QAction *>(QStringLiteral("shortcutsAction"));
        QVERIFY(open);
        open->trigger();
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ShortcutsDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->table()->model()->rowCount(), entries.size());
        QTest::keyClicks(dialog->filter(), QStringLiteral("drain"));
        QCOMPARE(dialog->table()->model()->rowCount(), 2); // Drain…, Drain and stop services…
        dialog->reject();
    }

    // The layout and the cluster files opened last outlive the window; File → Open Recent
    // lists the files (most recent first, gone ones dropped) and opens them.
    void remembersLayoutAndRecentClusters()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-full.yaml");
        const QString a = dir.filePath(QStringLiteral("a.yaml"));
        const QString b = dir.filePath(QStringLiteral("b.yaml"));
        QVERIFY(QFile::copy(source, a) && QFile::copy(source, b));
        auto memory = std::make_shared<WindowMemory>(dir.filePath(QStringLiteral("gui.ini")));
        {
            MainWindow window;
            window.setMemory(memory);
            SLURMDECK_VERIFY_OK(window.openCluster(a));
            SLURMDECK_VERIFY_OK(window.openCluster(b));
            window.resize(900, 600);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.close());
        }
        QCOMPARE(memory->recentClusters(), (QStringList{b, a}));

        MainWindow again;
        again.setMemory(memory);
        QVERIFY(again.restoreRememberedLayout());
        QCOMPARE(again.size(), QSize(900, 600));
        auto *recent = again.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QCOMPARE(recent->actions().at(0)->text(), b);
        QCOMPARE(recent->actions().at(1)->text(), a);
        recent->actions().at(1)->trigger();
        QCOMPARE(again.clusterDocument()->path(), a);
        QCOMPARE(memory->recentClusters(), (QStringList{a, b}));

        QVERIFY(QFile::remove(b));
        QCOMPARE(memory->recentClusters(), QStringList{a});
        MainWindow forgetful; // without a memory: nothing remembered, nothing listed
        QVERIFY(!forgetful.restoreRememberedLayout());
    }

    // Splitter sizes and column layouts (order, hidden columns) outlive the window too.
    void remembersSplittersAndColumns()
    {
        QTemporaryDir dir;
        auto memory = std::make_shared<WindowMemory>(dir.filePath(QStringLiteral("gui.ini")));
        QList<int> sizes;
        {
            MainWindow window;
            window.setMemory(memory);
            window.resize(1000, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("deploySplitter"));
            auto *hosts = window.findChild<QTableView *>(QStringLiteral("deployHosts"));
            QVERIFY(splitter && hosts);
            splitter->setSizes({100, 400, 50});
            sizes = splitter->sizes();
            hosts->horizontalHeader()->moveSection(0, 2); // a column moved, one hidden
            hosts->horizontalHeader()->hideSection(1);
            QVERIFY(window.close());
        }
        MainWindow again;
        again.setMemory(memory);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.restoreRememberedLayout());
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("deploySplitter"))->sizes(), sizes);
        QHeaderView *header =
            again.findChild<QTableView *>(QStringLiteral("deployHosts"))->horizontalHeader();
        QCOMPARE(header->visualIndex(0), 2);
        QVERIFY(header->isSectionHidden(1));
    }

    void metricsRangeDrivesChart()
    {
        MetricsView view;
        auto *range = view.findChild<QComboBox *>(QStringLiteral("timeRange"));
        QVERIFY(range);
        QCOMPARE(range->count(), 5);
        QCOMPARE(view.timeRange(), std::chrono::seconds(15 * 60));
        QSignalSpy changed(&view, &MetricsView::timeRangeChanged);
        range->setCurrentIndex(4);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.timeRange(), std::chrono::seconds(7 * 24 * 3600));

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        view.chart()->setSeries(QStringLiteral("load"), {{double(now - 60000), 1.0}, {double(now), 2.0}});
        QCOMPARE(view.chart()->seriesCount(), 1);
        view.chart()->setSeries(QStringLiteral("load"), {{double(now), 3.0}});
        QCOMPARE(view.chart()->seriesCount(), 1);
        view.chart()->clearSeries();
        QCOMPARE(view.chart()->seriesCount(), 0);
    }

    void screenshotRendersTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path = dir.filePath(QStringLiteral("shot.png"));
        const Result<void> saved = saveScreenshot(window, path);
        SLURMDECK_VERIFY_OK(saved);

        QImage image(path, "PNG");
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
        // Rendered text and chrome, not a blank surface.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
    }

    void screenshotToUnwritablePlaceIsAnError()
    {
        MainWindow window;
        const Result<void> saved = saveScreenshot(window, QStringLiteral("/nonexistent-dir/x/shot.png"));
        QVERIFY(!saved.has_value());
        QCOMPARE(saved.error().code, Error::Code::Io);
        QVERIFY(saved.error().message.contains(QStringLiteral("/nonexistent-dir/x/shot.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
