// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

namespace SlurmDeck {

class CliCommand;

// The headless front: parses `slurmdeck-cli` arguments and runs the command against the
// core. Output goes to the given streams so tests can read it. Commands may work on the
// event loop; finished() carries the process exit code (0 ok, 1 failure, 2 usage error,
// 130 interrupted).
// The global option --cluster FILE is accepted before or after the command.
class CliApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApplication)

public:
    CliApplication(QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    // `arguments` includes the program name, as QCoreApplication::arguments() does.
    void start(const QStringList &arguments);
    // Ctrl+C: the running command cancels and finishes with exit code 130.
    void interrupt();

signals:
    void finished(int exitCode);

private:
    [[nodiscard]] QString helpText() const;
    void finish(int exitCode);

    QTextStream &m_out;
    QTextStream &m_err;
    CliCommand *m_command = nullptr;
};

} // namespace SlurmDeck
