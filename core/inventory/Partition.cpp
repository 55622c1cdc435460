// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/Partition.h"

#include <QRegularExpression>

namespace SlurmDeck {

bool Partition::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return pattern.match(name).hasMatch();
}

bool Partition::isValidMaxTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(UNLIMITED|INFINITE|\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}"
                       "|\\d+-\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}:\\d{1,2})$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

} // namespace SlurmDeck
