// SPDX-License-Identifier: GPL-3.0-or-later
// Slurm hostlist expressions: "node[01-03,07],gpu[1-2]-ib[0-1],login".
#include "slurm/SlurmQueries.h"

namespace SlurmDeck::SlurmQueries {

namespace {

// Far beyond any real cluster; keeps a garbage "n[0-99999999999]" from eating memory.
constexpr qsizetype maxNames = 200'000;
// The same for long names: "<10,000 characters>[0-199999]" would be 4 GB of names. Room for
// maxNames names of 64 characters (the longest host name Linux allows).
constexpr qsizetype maxCharacters = maxNames * 64;
// Real names have a bracket group or two ("rack[1-2]-n[01-08]"); expandOne recurses once per
// group, so a name with thousands of them would overflow the stack.
constexpr qsizetype maxBracketGroups = 16;

struct Range
{
    qint64 low = 0;
    qint64 high = 0;
    int width = 0; // zero-padded to this many digits ("01-10" -> 2)
};

bool isDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// "01-03,7" -> ranges; false when malformed.
bool parseRanges(QStringView body, QList<Range> &ranges)
{
    for (QStringView item : body.split(u',')) {
        const qsizetype dash = item.indexOf(u'-');
        const QStringView low = dash < 0 ? item : item.first(dash);
        const QStringView high = dash < 0 ? item : item.sliced(dash + 1);
        if (!isDigits(low) || !isDigits(high))
            return false;
        Range range{low.toLongLong(), high.toLongLong(),
                    low.size() > 1 && low[0] == u'0' ? int(low.size()) : 0};
        if (range.high < range.low || range.high - range.low >= maxNames)
            return false;
        ranges.append(range);
    }
    return !ranges.isEmpty();
}

// Appends the expansion of one host expression (no top-level commas) to `out`, adding the
// length of each name to `characters`.
bool expandOne(QStringView prefix, QStringView rest, QStringList &out, qsizetype &characters)
{
    const qsizetype open = rest.indexOf(u'[');
    if (open < 0) {
        if (rest.contains(u']'))
            return false;
        out.append(prefix.toString() + rest.toString());
        characters += out.constLast().size();
        return true;
    }
    const qsizetype close = rest.indexOf(u']', open);
    if (close < 0 || rest.first(open).contains(u']'))
        return false;
    QList<Range> ranges;
    if (!parseRanges(rest.sliced(open + 1, close - open - 1), ranges))
        return false;
    const QString head = prefix.toString() + rest.first(open).toString();
    const QStringView tail = rest.sliced(close + 1);
    for (const Range &range : ranges) {
        for (qint64 value = range.low; value <= range.high; ++value) {
            if (out.size() >= maxNames || characters >= maxCharacters)
                return true;
            const QString name = head + QStringLiteral("%1").arg(value, range.width, 10, QLatin1Char('0'));
            if (!expandOne(name, tail, out, characters))
                return false;
        }
    }
    return true;
}

} // namespace

QStringList expandHostList(const QString &expression)
{
    QStringList names;
    const QStringView text = QStringView(expression).trimmed();
    if (text.isEmpty() || text == u"(null)" || text == u"None assigned")
        return names;
    // Top-level commas separate hosts; commas inside brackets separate ranges.
    int depth = 0;
    qsizetype start = 0;
    qsizetype characters = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size()) {
            if (text[i] == u'[')
                ++depth;
            else if (text[i] == u']' && depth > 0)
                --depth;
            if (text[i] != u',' || depth > 0)
                continue;
        }
        const QStringView host = text.sliced(start, i - start).trimmed();
        start = i + 1;
        if (host.isEmpty())
            continue;
        QStringList expanded;
        if (host.count(u'[') <= maxBracketGroups && expandOne({}, host, expanded, characters))
            names += expanded;
        else
            names.append(host.toString()); // malformed: keep it as one literal name
        if (names.size() >= maxNames || characters >= maxCharacters)
            break;
    }
    return names;
}

} // namespace SlurmDeck::SlurmQueries
