// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/Diagnostic.h"

#include <QStringList>

namespace SlurmDeck {

QString Diagnostic::toString() const
{
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
}

QString diagnosticsToString(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    lines.reserve(diagnostics.size());
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(u'\n');
}

} // namespace SlurmDeck
