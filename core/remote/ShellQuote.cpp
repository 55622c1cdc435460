// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/ShellQuote.h"

namespace SlurmDeck::Shell {

namespace {

bool isPlainCharacter(QChar c)
{
    if (c.unicode() > 0x7f)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"_-./:,+@%").contains(c);
}

bool needsQuoting(const QString &argument)
{
    if (argument.isEmpty())
        return true;
    // '=' is quoted too: as a command's first word, a=b would be an assignment.
    for (const QChar c : argument) {
        if (!isPlainCharacter(c))
            return true;
    }
    return false;
}

} // namespace

QString quote(const QString &argument)
{
    if (!needsQuoting(argument))
        return argument;
    // Inside single quotes nothing is special except the closing quote, which is written
    // as: close quote, escaped quote, reopen quote.
    QString quoted = argument;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString join(const QStringList &argv)
{
    QStringList parts;
    parts.reserve(argv.size());
    for (const QString &argument : argv)
        parts.append(quote(argument));
    return parts.join(u' ');
}

} // namespace SlurmDeck::Shell
