// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/DurationText.h"

#include <QObject>
#include <QRegularExpression>

namespace SlurmDeck::DurationText {

Result<std::chrono::seconds> parse(const QString &text)
{
    const auto wrong = [&text] {
        return makeError(
            Error::Code::InvalidArgument,
            QObject::tr("'%1' is not a duration. Give a number with a unit: 45s, 30m, 2h, 7d or 1w "
                        "(combined like 1h30m), up to a year.")
                .arg(text));
    };
    static const QRegularExpression whole(QStringLiteral("^(\\d{1,7}[smhdw])+$"));
    const QString trimmed = text.trimmed().toLower();
    if (!whole.match(trimmed).hasMatch())
        return wrong();
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhdw])"));
    qint64 total = 0;
    for (const QRegularExpressionMatch &match : part.globalMatch(trimmed)) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 scale = unit == u's'   ? 1
                             : unit == u'm' ? 60
                             : unit == u'h' ? 3600
                             : unit == u'd' ? 86400
                                            : 7 * 86400;
        total += count * scale;
        if (total > 366 * 86400)
            return wrong();
    }
    if (total <= 0)
        return wrong();
    return std::chrono::seconds(total);
}

QString formatAge(qint64 milliseconds)
{
    if (milliseconds < 0)
        return QStringLiteral("-");
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes % 60)
                            : QStringLiteral("%1 h").arg(hours);
    return hours % 24 ? QStringLiteral("%1 d %2 h").arg(hours / 24).arg(hours % 24)
                      : QStringLiteral("%1 d").arg(hours / 24);
}

QString formatElapsed(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds / 3600 % 24;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 rest = seconds % 60;
    const auto two = [](qint64 value) { return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0')); };
    if (days > 0)
        return QStringLiteral("%1-%2:%3:%4").arg(days).arg(two(hours), two(minutes), two(rest));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(two(hours), two(minutes), two(rest));
    return QStringLiteral("%1:%2").arg(two(minutes), two(rest));
}

} // namespace SlurmDeck::DurationText
