// SPDX-License-Identifier: GPL-3.0-or-later
// slurmdeck-cli: the headless front. Wiring only; the commands live in cli/.
#include "cli/CliApplication.h"
#include "cli/InterruptNotifier.h"
#include "common/AppPaths.h"
#include "common/ApplicationInfo.h"
#include "common/Executor.h"
#include "common/Translations.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SlurmDeck::applyApplicationInfo();
    SlurmDeck::installTranslations(app);
    for (const QString &moved : SlurmDeck::AppPaths::migrateDoubledDirectories())
        std::fprintf(stderr, "slurmdeck-cli: moved to %s\n", qPrintable(moved));

    QTextStream out(stdout);
    QTextStream err(stderr);
    int exitCode = 0;
    {
        SlurmDeck::CliApplication cli(out, err);
        QObject::connect(&cli, &SlurmDeck::CliApplication::finished, &app, &QCoreApplication::exit);
        SlurmDeck::InterruptNotifier interrupts;
        QObject::connect(&interrupts, &SlurmDeck::InterruptNotifier::interrupted, &cli,
                         &SlurmDeck::CliApplication::interrupt);
        QTimer::singleShot(0, &cli, [&cli] { cli.start(QCoreApplication::arguments()); });
        exitCode = QCoreApplication::exec();
    }
    // The command is gone and has cancelled what still ran on the hosts; let those
    // workers close their connections before the process (and libssh) goes away, but do
    // not hang on one blocked in a connect to a host that drops packets.
    SlurmDeck::Executor::shutdown(std::chrono::seconds(10));
    return exitCode;
}
