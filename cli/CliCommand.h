// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>

namespace SlurmDeck {

// What every command gets: its arguments (without the program and command names), the
// cluster file chosen with the global --cluster option, and the output streams.
struct CliContext
{
    QStringList arguments;
    QString clusterFile; // empty: the default location
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
};

enum CliExitCode {
    CliOk = 0,
    CliFailure = 1,
    CliUsage = 2,
    CliInterrupted = 130 // Ctrl+C, as shells report a process ended by SIGINT
};

// A command's --help: our usage line, then the parser's option list.
[[nodiscard]] inline QString commandHelp(const QCommandLineParser &parser, const QString &usage)
{
    const QString generated = parser.helpText();
    return QStringLiteral("Usage: ") + usage + generated.mid(generated.indexOf(u'\n'));
}

// One `slurmdeck-cli` command. Commands may work asynchronously (on the event loop);
// they end by emitting finished() exactly once.
class CliCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCommand)

public:
    explicit CliCommand(QObject *parent = nullptr) : QObject(parent) {}
    ~CliCommand() override = default;

    virtual void start(const CliContext &context) = 0;
    // Ctrl+C. A command with work under way on the hosts cancels it, reports what was done
    // and then finishes with CliInterrupted; by default it finishes so at once (what ran on
    // the hosts is cancelled as the command goes away).
    virtual void interrupt() { emit finished(CliInterrupted); }

signals:
    void finished(int exitCode);
};

} // namespace SlurmDeck
