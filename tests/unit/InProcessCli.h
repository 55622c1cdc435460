// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// slurmdeck-cli run in the test's process (CliApplication on string streams), as the unit
// tests of the CLI front run it. Header-only, for tests/unit.
#include "cli/CliApplication.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTextStream>

namespace SlurmDeck::Testing {

struct CliRun
{
    int exitCode = -1; // -1: it did not finish in 30 s
    QString out;
    QString err;
};

// `arguments` without the program name.
inline CliRun runCliInProcess(QStringList arguments)
{
    CliRun result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    CliApplication cli(out, err);
    QSignalSpy finished(&cli, &CliApplication::finished);
    arguments.prepend(QStringLiteral("slurmdeck-cli"));
    cli.start(arguments);
    if (finished.wait(30000) && finished.count() == 1)
        result.exitCode = finished.first().first().toInt();
    out.flush();
    err.flush();
    return result;
}

} // namespace SlurmDeck::Testing
