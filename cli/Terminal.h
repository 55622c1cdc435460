// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Questions to the person at the terminal. They go to the controlling terminal (/dev/tty),
// never to stdout, so `slurmdeck-cli ... > file` or `| jq` stay clean; answers come from it.
#include <QByteArray>
#include <QString>

#include <optional>

namespace SlurmDeck::Terminal {

// True when someone can answer: stdin is a terminal and /dev/tty opens. Piped or redirected
// input means a script runs us, which must say --yes instead.
[[nodiscard]] bool available();
// Writes `question` to /dev/tty and reads one line from it (`hidden`: echo off while typing).
// nullopt without a terminal or at end of input.
[[nodiscard]] std::optional<QByteArray> ask(const QByteArray &question, bool hidden = false);
// Asks `question` with " [y/N] " after it: true only for y or yes.
[[nodiscard]] bool confirm(const QString &question);

} // namespace SlurmDeck::Terminal
