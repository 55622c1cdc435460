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
    // Output beyond this is dropped (and `truncated` set) so a runaway command cannot
    // exhaust memory.
    qsizetype maxOutputBytes = 256 * 1024 * 1024;
    // When set, standard output goes into this local file (created or truncated) instead of
    // ExecResult::standardOutput, without a size limit (e.g. a `docker save` there).
    QString standardOutputFile;
};

struct ExecResult
{
    int exitStatus = -1;
    QByteArray standardOutput;
    QByteArray standardError;
    bool truncated = false;

    [[nodiscard]] bool succeeded() const { return exitStatus == 0; }
};

} // namespace SlurmDeck
