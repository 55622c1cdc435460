// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace SlurmDeck {

// A line-based unified diff (as `diff -u` prints it) of `before` against `after`, with
// `context` unchanged lines around each change; empty when they are equal. Text is read
// as UTF-8. A last line without a newline gets the "\ No newline at end of file" marker.
// Inputs are meant to be configuration files: above a few thousand lines on both sides
// the diff is one hunk replacing everything, so the cost stays bounded.
[[nodiscard]] QString unifiedDiff(const QByteArray &before, const QByteArray &after,
                                  const QString &beforeName, const QString &afterName, int context = 3);

} // namespace SlurmDeck
