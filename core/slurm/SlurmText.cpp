// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SlurmText.h"

#include <limits>

namespace SlurmDeck::SlurmText {

namespace {

bool isKeyStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isKeyChar(QChar c)
{
    return isKeyStart(c) || (c >= u'0' && c <= u'9') || c == u':' || c == u'/';
}

// At `pos` (just after whitespace): the length of "Key" if "Key=" starts there, else 0.
qsizetype keyLengthAt(QStringView text, qsizetype pos)
{
    if (pos >= text.size() || !isKeyStart(text[pos]))
        return 0;
    qsizetype end = pos + 1;
    while (end < text.size() && isKeyChar(text[end]))
        ++end;
    return (end < text.size() && text[end] == u'=') ? end - pos : 0;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

constexpr qint64 maxSane = std::numeric_limits<qint64>::max() / 1'000'000;

} // namespace

bool isNoValue(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.isEmpty() || t == u"(null)" || t == u"N/A" || t == u"n/a" || t == u"None" || t == u"Unknown" ||
           t == u"(none)";
}

QString valueOrEmpty(QStringView text)
{
    return isNoValue(text) ? QString() : text.toString();
}

std::optional<qint64> integer(QStringView text)
{
    // Hand-rolled: parsing 10,000 jobs calls this ~100,000 times.
    QStringView t = text.trimmed();
    const bool negative = !t.isEmpty() && t.front() == u'-';
    if (negative)
        t = t.sliced(1);
    if (t.isEmpty() || t.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : t) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return negative ? -value : value;
}

std::optional<double> decimal(QStringView text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<qint64> durationSeconds(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (t.front() < u'0' || t.front() > u'9') {
        if (t == u"UNLIMITED" || t == u"INFINITE" || t == u"Partition_Limit" || t == u"N/A" || t == u"NONE" ||
            t == u"NOT_SET" || t == u"None" || t == u"INVALID")
            return qint64(-1);
        return std::nullopt;
    }
    // [days-]a[:b[:c]]: up to three numbers after the optional days.
    qint64 days = 0;
    bool hasDays = false;
    qint64 values[3] = {0, 0, 0};
    int count = 0;
    int digits = 0;
    for (QChar c : t) {
        if (c >= u'0' && c <= u'9') {
            if (++digits > 9)
                return std::nullopt;
            values[count] = values[count] * 10 + (c.unicode() - u'0');
        } else if (c == u'-' && !hasDays && count == 0 && digits > 0) {
            hasDays = true;
            days = values[0];
            values[0] = 0;
            digits = 0;
        } else if (c == u':' && digits > 0 && count < 2) {
            ++count;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0)
        return std::nullopt;
    ++count;
    qint64 seconds = 0;
    if (count == 3)
        seconds = values[0] * 3600 + values[1] * 60 + values[2];
    else if (count == 2)
        // "MM:SS" without days; "D-HH:MM" with days (Slurm's "days-hours:minutes").
        seconds = hasDays ? values[0] * 3600 + values[1] * 60 : values[0] * 60 + values[1];
    else
        // A bare number: minutes without days, hours with days ("2-12").
        seconds = hasDays ? values[0] * 3600 : values[0] * 60;
    return days * 86400 + seconds;
}

std::optional<qint64> limitMinutes(QStringView text)
{
    const std::optional<qint64> seconds = durationSeconds(text);
    if (!seconds)
        return std::nullopt;
    return *seconds < 0 ? qint64(-1) : *seconds / 60;
}

QDateTime timestamp(QStringView text)
{
    // Exactly "YYYY-MM-DDTHH:MM:SS"; anything else ("N/A", "Unknown", "None") is no time.
    const QStringView t = text.trimmed();
    if (t.size() != 19 || t[4] != u'-' || t[7] != u'-' || t[10] != u'T' || t[13] != u':' || t[16] != u':')
        return {};
    const auto number = [&t](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const QChar c = t[i];
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c.unicode() - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

std::optional<qint64> megabytes(QStringView text)
{
    QStringView t = text.trimmed();
    if (t == u"UNLIMITED" || t == u"INFINITE")
        return qint64(-1);
    if (t.isEmpty())
        return std::nullopt;
    qint64 factorNum = 1;
    qint64 factorDen = 1;
    switch (t.back().toUpper().unicode()) {
    case u'K':
        factorDen = 1024;
        t.chop(1);
        break;
    case u'M':
        t.chop(1);
        break;
    case u'G':
        factorNum = 1024;
        t.chop(1);
        break;
    case u'T':
        factorNum = 1024 * 1024;
        t.chop(1);
        break;
    case u'P':
        factorNum = 1024LL * 1024 * 1024;
        t.chop(1);
        break;
    default:
        break;
    }
    if (t.contains(u'.')) {
        const std::optional<double> value = decimal(t);
        const double scaled = value ? *value * double(factorNum) / double(factorDen) : -1.0;
        if (!value || *value < 0 || scaled > double(maxSane))
            return std::nullopt;
        return qint64(scaled);
    }
    if (!isDigits(t) || t.size() > 12)
        return std::nullopt;
    // "999999999999P" is 10^21 MB: refused rather than wrapped.
    const qint64 number = t.toLongLong();
    if (number > maxSane / factorNum)
        return std::nullopt;
    return number * factorNum / factorDen;
}

QList<QStringView> splitOutsideParens(QStringView text, QChar separator)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'(')
            ++depth;
        else if (c == u')' && depth > 0)
            --depth;
        else if (c == separator && depth == 0) {
            parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts.append(text.sliced(start));
    return parts;
}

qint64 tresCount(QStringView tres, QStringView key)
{
    qint64 exact = -1;
    qint64 typedSum = 0;
    qsizetype pos = 0;
    while (pos <= tres.size()) {
        qsizetype comma = findChar(tres, u',', pos);
        if (comma < 0)
            comma = tres.size();
        const QStringView item = tres.sliced(pos, comma - pos);
        pos = comma + 1;
        if (!item.startsWith(key))
            continue;
        const qsizetype eq = item.indexOf(u'=');
        if (eq < key.size())
            continue;
        const QStringView name = item.first(eq);
        const std::optional<qint64> count = integer(item.sliced(eq + 1));
        if (!count || *count < 0 || *count > maxSane)
            continue;
        if (name.size() == key.size())
            exact = *count;
        else if (name[key.size()] == u':')
            typedSum += *count;
    }
    return exact >= 0 ? exact : typedSum;
}

qint64 gresGpuCount(QStringView gres)
{
    qint64 total = 0;
    for (QStringView item : splitOutsideParens(gres.trimmed(), u',')) {
        if (const qsizetype paren = item.indexOf(u'('); paren >= 0)
            item = item.first(paren);
        if (item.startsWith(u"gres:") || item.startsWith(u"gres/"))
            item = item.sliced(5);
        const QList<QStringView> parts = item.split(u':');
        if (parts.isEmpty() || parts.first() != u"gpu")
            continue;
        // gpu -> 1, gpu:N, gpu:type:N; a type alone ("gpu:a100") means one.
        qint64 count = 1;
        if (parts.size() >= 2) {
            const std::optional<qint64> last = integer(parts.last());
            if (last && *last >= 0 && *last <= maxSane)
                count = *last;
            else if (parts.size() > 2)
                continue;
        }
        total += count;
        if (total > maxSane)
            return maxSane;
    }
    return total;
}

QString gresIndices(QStringView gres)
{
    QStringList found;
    for (QStringView item : splitOutsideParens(gres, u',')) {
        const qsizetype at = item.indexOf(u"(IDX:");
        if (at < 0)
            continue;
        const qsizetype close = item.indexOf(u')', at);
        const QStringView indices = item.sliced(at + 5, (close < 0 ? item.size() : close) - at - 5);
        if (!isNoValue(indices))
            found.append(indices.toString());
    }
    return found.join(u',');
}

bool KeyValues::contains(QStringView key) const
{
    for (const auto &[k, v] : pairs) {
        if (k == key)
            return true;
    }
    return false;
}

QStringView KeyValues::value(QStringView key) const
{
    for (const auto &[k, v] : pairs) {
        if (k == key)
            return v;
    }
    return {};
}

KeyValues splitKeyValues(QStringView record, const KeyValueGrammar &grammar)
{
    KeyValues result;
    qsizetype pos = 0;
    while (pos < record.size() && record[pos].isSpace())
        ++pos;
    const auto seen = [&result](QStringView key) {
        for (const auto &[k, v] : result.pairs) {
            if (k == key)
                return true;
        }
        return false;
    };
    while (pos < record.size()) {
        const qsizetype keyLength = keyLengthAt(record, pos);
        if (keyLength == 0)
            break; // not a Key=Value record from here on
        const QStringView key = record.sliced(pos, keyLength);
        const qsizetype valueStart = pos + keyLength + 1;
        const bool freeText = grammar.freeTextKeys.contains(key);
        // The value ends at the first whitespace run followed by an acceptable Key=; a
        // free-text value only at a known key not seen yet in this record.
        qsizetype end = record.size();
        qsizetype next = record.size();
        for (qsizetype i = valueStart; i < record.size(); ++i) {
            if (!record[i].isSpace())
                continue;
            qsizetype j = i;
            while (j < record.size() && record[j].isSpace())
                ++j;
            const qsizetype nextKeyLength = keyLengthAt(record, j);
            if (nextKeyLength > 0) {
                const QStringView nextKey = record.sliced(j, nextKeyLength);
                if (!freeText ||
                    (nextKey != key && grammar.knownKeys.contains(nextKey.toString()) && !seen(nextKey))) {
                    end = i;
                    next = j;
                    break;
                }
            }
            i = j - 1;
        }
        QStringView value = record.sliced(valueStart, end - valueStart);
        // Trailing whitespace belongs to the separator, not the value.
        while (!value.isEmpty() && value.back().isSpace())
            value.chop(1);
        result.pairs.append({key, value});
        pos = next;
    }
    return result;
}

Records splitScontrolRecords(QStringView output, QStringView firstKey)
{
    Records result;
    const QString prefix = firstKey.toString() + u'=';
    int lineNumber = 0;
    bool previousIsRecord = false;
    for (qsizetype pos = 0; pos <= output.size();) {
        qsizetype end = findChar(output, u'\n', pos);
        if (end < 0)
            end = output.size();
        QStringView line = output.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.startsWith(prefix)) {
            result.records.append(line.toString());
            previousIsRecord = true;
        } else if (previousIsRecord && !line.isEmpty()) {
            result.records.last() += u'\n' + line.toString();
        } else if (!line.trimmed().isEmpty()) {
            ++result.skipped;
            if (result.firstBadLine == 0) {
                result.firstBadLine = lineNumber;
                result.firstBadText = line.first(qMin<qsizetype>(line.size(), 200)).toString();
            }
        }
    }
    return result;
}

QString describeBadLine(int line, const QString &text)
{
    return QStringLiteral("line %1: \"%2\"").arg(line).arg(text);
}

ReasonParts splitReason(QStringView reason)
{
    ReasonParts parts;
    QStringView text = reason.trimmed();
    if (text.endsWith(u']')) {
        const qsizetype open = text.lastIndexOf(u'[');
        const qsizetype at = text.lastIndexOf(u'@');
        if (open >= 0 && at > open) {
            const QDateTime time = timestamp(text.sliced(at + 1, text.size() - at - 2));
            if (time.isValid()) {
                parts.user = text.sliced(open + 1, at - open - 1).toString();
                parts.time = time;
                text = text.first(open).trimmed();
            }
        }
    }
    parts.text = isNoValue(text) ? QString() : text.toString();
    return parts;
}

QString nameWithoutId(QStringView text)
{
    const qsizetype paren = text.indexOf(u'(');
    return valueOrEmpty(paren >= 0 ? text.first(paren) : text);
}

std::optional<qint64> idInParentheses(QStringView text)
{
    const QStringView t = text.trimmed();
    const qsizetype open = t.lastIndexOf(u'(');
    if (open < 0 || !t.endsWith(u')'))
        return std::nullopt;
    const QStringView digits = t.sliced(open + 1, t.size() - open - 2);
    if (digits.isEmpty() || digits.size() > 10)
        return std::nullopt;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const qint64 id = digits.toLongLong();
    return id <= 0xffffffffLL ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace SlurmDeck::SlurmText
