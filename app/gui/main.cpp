// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck: the GUI front. Wiring only: options, application identity, main window.
#include "GuiOptions.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "common/AppPaths.h"
#include "common/ApplicationInfo.h"
#include "common/Executor.h"
#include "common/Translations.h"
#include "dialogs/SandboxDialog.h"
#include "inventory/ClusterDocument.h"
#include "inventory/ClusterFile.h"
#include "sandbox/SandboxSetup.h"
#include "wizard/FirstRunWizard.h"

#include <QApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    SlurmDeck::applyApplicationInfo();
    for (const QString &moved : SlurmDeck::AppPaths::migrateDoubledDirectories())
        std::fprintf(stderr, "slurmdeck: moved to %s\n", qPrintable(moved));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.slurmdeck.SlurmDeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/slurmdeck.svg")));
    // The user's language where a translation exists, and English plurals (translations/*.ts).
    SlurmDeck::installTranslations(app);

    GuiOptions options;
    if (const std::optional<int> exitCode = parseGuiOptions(app, options))
        return *exitCode;

    // Destroyed after the window (which cancels its work): waits at most a second for the
    // work still on the hosts, so quitting never hangs on a host that drops packets.
    const SlurmDeck::ExecutorShutdown executorShutdown(std::chrono::seconds(1));
    SlurmDeck::Ui::MainWindow window;
    // The window's layout and the recent cluster files; a screenshot run leaves them alone.
    const bool remember = options.screenshotPath.isEmpty();
    if (remember)
        window.setMemory(std::make_shared<SlurmDeck::Ui::WindowMemory>());
    // The sandbox comes first; the window opens on it once it is up.
    const auto runSandbox = [&window, &options](bool up) {
        auto *dialog = new SlurmDeck::Ui::SandboxDialog(up ? SlurmDeck::Ui::SandboxDialog::Action::Up
                                                           : SlurmDeck::Ui::SandboxDialog::Action::Down);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(
            dialog, &SlurmDeck::Ui::SandboxDialog::succeeded, &window, [&window, &options, dialog, up] {
                if (!up)
                    return;
                if (const SlurmDeck::Result<void> opened =
                        window.openCluster(SlurmDeck::Sandbox::clusterFilePath());
                    !opened)
                    std::fprintf(stderr, "slurmdeck: %s\n", qPrintable(opened.error().toString()));
                if (options.area)
                    window.showArea(*options.area);
                else
                    window.showStartArea();
                window.resize(options.windowSize);
                window.show();
                dialog->close();
            });
        dialog->show();
        dialog->start();
    };
    if (options.sandbox || options.sandboxDown) {
        runSandbox(options.sandbox);
        return QApplication::exec();
    }
    // A cluster file that does not exist yet is a new, empty cluster saved there later; a
    // bad one is listed, problem by problem, in the Hosts view.
    // Without --cluster: the cluster opened last, where there is one.
    QString clusterPath = SlurmDeck::ClusterFile::resolvePath(options.clusterPath);
    if (remember && options.clusterPath.isEmpty()) {
        const QStringList recent = SlurmDeck::Ui::WindowMemory().recentClusters();
        if (!recent.isEmpty())
            clusterPath = recent.constFirst();
    }
    if (QFileInfo::exists(clusterPath)) {
        if (const SlurmDeck::Result<void> opened = window.openCluster(clusterPath); !opened)
            std::fprintf(stderr, "slurmdeck: %s\n", qPrintable(opened.error().toString()));
    } else {
        window.clusterDocument()->reset(clusterPath);
        if (options.screenshotPath.isEmpty()) {
            // First start: the wizard makes the cluster (or hands over to the sandbox).
            auto *wizard = new SlurmDeck::Ui::FirstRunWizard(clusterPath);
            wizard->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(wizard, &SlurmDeck::Ui::FirstRunWizard::sandboxRequested, &window,
                             [runSandbox] { runSandbox(true); });
            QObject::connect(wizard, &SlurmDeck::Ui::FirstRunWizard::clusterSaved, &window,
                             [&window, &options](const QString &path) {
                                 if (const SlurmDeck::Result<void> opened = window.openCluster(path); !opened)
                                     std::fprintf(stderr, "slurmdeck: %s\n",
                                                  qPrintable(opened.error().toString()));
                                 window.showStartArea();
                                 window.resize(options.windowSize);
                                 window.show();
                             });
            QObject::connect(wizard, &QWizard::rejected, &window, [&window, &options] {
                window.resize(options.windowSize);
                window.show();
            });
            wizard->show();
            return QApplication::exec();
        }
    }
    if (options.sizeGiven || !remember || !window.restoreRememberedLayout())
        window.resize(options.windowSize);
    if (options.area)
        window.showArea(*options.area);
    else
        window.showStartArea();
    window.show();

    if (!options.screenshotPath.isEmpty()) {
        // Let the event loop lay out and polish the window once before grabbing it.
        QTimer::singleShot(0, &window, [&window, &options] {
            const SlurmDeck::Result<void> saved =
                SlurmDeck::Ui::saveScreenshot(window, options.screenshotPath);
            if (!saved) {
                std::fprintf(stderr, "slurmdeck: %s\n", qPrintable(saved.error().toString()));
                QCoreApplication::exit(1);
                return;
            }
            std::printf(
                "slurmdeck: %s\n",
                qPrintable(QCoreApplication::translate("main", "wrote %1").arg(options.screenshotPath)));
            QCoreApplication::exit(0);
        });
    }
    return QApplication::exec();
}
