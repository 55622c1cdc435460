#pragma once

#include <QStringList>
#include <QTextStream>

namespace SlurmDeck {

// The headless front: parses `slurmdeck-cli` arguments and runs the command against the
// core. Output goes to the given streams so tests can read it; the return value is the
// process exit code (0 ok, 1 failure, 2 usage error).
class CliApplication final
{
public:
    CliApplication(QTextStream &out, QTextStream &err);

    [[nodiscard]] int run(const QStringList &arguments);

private:
    [[nodiscard]] QString helpText() const;

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace SlurmDeck
