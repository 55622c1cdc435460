// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace SlurmDeck {

// One problem found in a cluster file, with the place it was found (1-based, pointing at
// the offending key or value), so the GUI can list them and the CLI can print them as a
// compiler would.
struct Diagnostic final
{
    QString file;
    int line = 1;
    int column = 1;
    QString message;

    // "FILE:LINE:COLUMN: message"
    [[nodiscard]] QString toString() const;

    bool operator==(const Diagnostic &) const = default;
};

// One diagnostic a line, in the order given.
[[nodiscard]] QString diagnosticsToString(const QList<Diagnostic> &diagnostics);

} // namespace SlurmDeck
