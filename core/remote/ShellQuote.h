// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace SlurmDeck::Shell {

// Quotes one argument for a POSIX shell (sh, bash, dash, BusyBox ash) so that the shell
// passes it on byte for byte: quotes, $(), backticks, globs, newlines and non-ASCII text
// included. Plain words stay readable ("docker", "/usr/bin/docker", "up"). A NUL character
// cannot be passed to any program: it is kept, and SshConnection::exec() refuses the
// command line holding it rather than send it cut short.
[[nodiscard]] QString quote(const QString &argument);

// Joins a program and its arguments into one command line, each part quoted.
[[nodiscard]] QString join(const QStringList &argv);

} // namespace SlurmDeck::Shell
