// slurmdeck-cli: the headless front. Wiring only; the commands live in core.
#include "cli/CliApplication.h"
#include "common/ApplicationInfo.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SlurmDeck::applyApplicationInfo();

    QTextStream out(stdout);
    QTextStream err(stderr);
    SlurmDeck::CliApplication cli(out, err);
    QObject::connect(&cli, &SlurmDeck::CliApplication::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &cli, [&cli] { cli.start(QCoreApplication::arguments()); });
    return QCoreApplication::exec();
}
