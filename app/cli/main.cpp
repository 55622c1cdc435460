// slurmdeck-cli: the headless front. Wiring only; the commands live in core.
#include "cli/CliApplication.h"
#include "common/ApplicationInfo.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SlurmDeck::applyApplicationInfo();

    QTextStream out(stdout);
    QTextStream err(stderr);
    SlurmDeck::CliApplication cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
