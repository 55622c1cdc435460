// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace SlurmDeck {

// Identity shared by both fronts: QCoreApplication names (they decide the QStandardPaths
// and QSettings locations) and the versions shown in About and `--version`.
void applyApplicationInfo();

[[nodiscard]] QString applicationVersion();

// One line per component: SlurmDeck, Qt (build and run time), libssh, yaml-cpp, QtKeychain.
[[nodiscard]] QString componentVersions();

} // namespace SlurmDeck
