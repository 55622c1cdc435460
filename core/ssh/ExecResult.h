// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace SlurmDeck {

struct ExecOptions
{
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    QByteArray standardInput;  // sent, then EOF; empty: EOF at once
    QString standardInputFile; // streamed after standardInput (e.g. a `docker save` archive)
    // More output than this on either stream stops the command with an error, so a runaway
    // or hostile command can exhaust neither memory nor a parser. Large enough for the
    // biggest query SlurmDeck makes (`scontrol show jobs` at 10,000 jobs: 10 MB).
    qsizetype maxOutputBytes = 64 * 1024 * 1024;
    // When set, standard output goes into this local file (created or truncated) instead of
    // ExecResult::standardOutput, without a size limit (e.g. a `docker save` there).
    QString standardOutputFile;
};

struct ExecResult
{
    int exitStatus = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    [[nodiscard]] bool succeeded() const { return exitStatus == 0; }
};

} // namespace SlurmDeck
