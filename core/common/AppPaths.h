// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Where SlurmDeck keeps its own files. Qt's AppConfigLocation and AppDataLocation join the
// organisation and the application name, both "SlurmDeck", into ~/.config/SlurmDeck/SlurmDeck
// on Linux; SlurmDeck uses the single directory the README names.
namespace SlurmDeck::AppPaths {

// ~/.config/SlurmDeck (XDG_CONFIG_HOME respected; ~/Library/Preferences/SlurmDeck on macOS):
// cluster files, under clusters/.
[[nodiscard]] QString configDirectory();
// ~/.local/share/SlurmDeck (XDG_DATA_HOME respected; ~/Library/Application Support/SlurmDeck on
// macOS): SlurmDeck's own known_hosts, job templates.
[[nodiscard]] QString dataDirectory();

// Moves what an earlier SlurmDeck kept in the doubled directories (configDirectory()/SlurmDeck,
// dataDirectory()/SlurmDeck) up into the single ones; an entry the new place already has is
// left where it was, so nothing is overwritten. Returns the entries moved, for the log. Called
// once at start by both fronts.
QStringList migrateDoubledDirectories();

} // namespace SlurmDeck::AppPaths
