// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/UnifiedDiff.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace SlurmDeck {

namespace {

enum class Op {
    Equal,
    Delete,
    Insert
};

struct Edit
{
    Op op;
    qsizetype beforeLine; // index in `before` (Equal, Delete)
    qsizetype afterLine;  // index in `after` (Equal, Insert)
};

// Lines with their terminating '\n' when they have one, so "a" and "a\n" differ.
QStringList splitLines(const QByteArray &text)
{
    QStringList lines;
    const QString decoded = QString::fromUtf8(text);
    qsizetype start = 0;
    while (start < decoded.size()) {
        const qsizetype end = decoded.indexOf(u'\n', start);
        if (end < 0) {
            lines << decoded.mid(start);
            break;
        }
        lines << decoded.mid(start, end - start + 1);
        start = end + 1;
    }
    return lines;
}

// Longest common subsequence by dynamic programming; inputs are small configuration files.
QList<Edit> editScript(const QStringList &a, const QStringList &b)
{
    constexpr qsizetype maxCells = 16 * 1024 * 1024;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<Edit> edits;
    if ((n + 1) * (m + 1) > maxCells) {
        for (qsizetype i = 0; i < n; ++i)
            edits.append(Edit{Op::Delete, i, 0});
        for (qsizetype j = 0; j < m; ++j)
            edits.append(Edit{Op::Insert, n, j});
        return edits;
    }
    // lcs[i][j]: the common length of a[i..] and b[j..].
    std::vector<int> lcs(static_cast<size_t>((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return static_cast<size_t>(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[at(i, j)] = a.at(i) == b.at(j) ? lcs[at(i + 1, j + 1)] + 1
                                               : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            edits.append(Edit{Op::Equal, i++, j++});
        } else if (j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)])) {
            edits.append(Edit{Op::Insert, i, j++});
        } else {
            edits.append(Edit{Op::Delete, i++, j});
        }
    }
    // Deletions before insertions within a run of changes, as diff prints them.
    for (qsizetype k = 0; k < edits.size();) {
        if (edits.at(k).op == Op::Equal) {
            ++k;
            continue;
        }
        qsizetype end = k;
        while (end < edits.size() && edits.at(end).op != Op::Equal)
            ++end;
        std::stable_sort(edits.begin() + k, edits.begin() + end, [](const Edit &x, const Edit &y) {
            return x.op == Op::Delete && y.op == Op::Insert;
        });
        k = end;
    }
    return edits;
}

// "start,count" as diff -u writes it: a count of 1 is left out, and an empty range names
// the line before it.
QString range(qsizetype first, qsizetype count)
{
    if (count == 1)
        return QString::number(first + 1);
    return QStringLiteral("%1,%2").arg(count == 0 ? first : first + 1).arg(count);
}

QString printed(QChar prefix, const QString &line)
{
    if (line.endsWith(u'\n'))
        return prefix + line;
    return prefix + line + QStringLiteral("\n\\ No newline at end of file\n");
}

} // namespace

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &beforeName,
                    const QString &afterName, int context)
{
    if (before == after)
        return {};
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    const QList<Edit> edits = editScript(a, b);
    context = std::max(context, 0);

    QString text = QStringLiteral("--- ") + beforeName + QStringLiteral("\n+++ ") + afterName + u'\n';
    qsizetype k = 0;
    while (k < edits.size()) {
        while (k < edits.size() && edits.at(k).op == Op::Equal)
            ++k;
        if (k == edits.size())
            break;
        // A hunk: `context` lines before the first change, and on until a run of more than
        // 2 * context equal lines (or the end).
        const qsizetype hunkStart = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        qsizetype lastChange = k;
        while (end < edits.size()) {
            if (edits.at(end).op != Op::Equal) {
                lastChange = end;
            } else if (end - lastChange > 2 * context) {
                break;
            }
            ++end;
        }
        const qsizetype hunkEnd = std::min(edits.size(), lastChange + 1 + context);

        qsizetype beforeCount = 0;
        qsizetype afterCount = 0;
        QString body;
        for (qsizetype e = hunkStart; e < hunkEnd; ++e) {
            const Edit &edit = edits.at(e);
            switch (edit.op) {
            case Op::Equal:
                ++beforeCount;
                ++afterCount;
                body += printed(u' ', a.at(edit.beforeLine));
                break;
            case Op::Delete:
                ++beforeCount;
                body += printed(u'-', a.at(edit.beforeLine));
                break;
            case Op::Insert:
                ++afterCount;
                body += printed(u'+', b.at(edit.afterLine));
                break;
            }
        }
        const Edit &first = edits.at(hunkStart);
        text += QStringLiteral("@@ -%1 +%2 @@\n")
                    .arg(range(first.beforeLine, beforeCount), range(first.afterLine, afterCount));
        text += body;
        k = hunkEnd;
    }
    return text;
}

} // namespace SlurmDeck
