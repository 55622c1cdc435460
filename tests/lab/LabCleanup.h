// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remote/ShellQuote.h"

#include <QString>

namespace SlurmDeck::Lab {

// A shell command that removes a deployed project directory on a lab host. What an ordinary
// user cannot remove there (what the containers wrote as root into its bind mounts) goes
// from inside a container of the lab's base image, which every lab host has.
inline QString removeDirectoryCommand(const QString &docker, const QString &directory)
{
    const qsizetype slash = directory.lastIndexOf(u'/');
    const QString parent = slash > 0 ? directory.left(slash) : QStringLiteral("/");
    const QString name = directory.mid(slash + 1);
    return QStringLiteral("rm -rf %1 2>/dev/null || %2 run --rm --network none -v %3:/parent "
                          "slurmdeck-lab/bookworm-minbase:latest rm -rf %4 >/dev/null")
        .arg(Shell::quote(directory), Shell::quote(docker), Shell::quote(parent),
             Shell::quote(QStringLiteral("/parent/") + name));
}

} // namespace SlurmDeck::Lab
