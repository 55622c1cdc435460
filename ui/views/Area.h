// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QList>
#include <QString>

namespace SlurmDeck::Ui {

// The areas of the main window, in navigation order. Their order also gives the
// Ctrl+1..Ctrl+9 shortcuts.
enum class Area {
    Overview,
    Hosts,
    Deploy,
    Services,
    Nodes,
    Jobs,
    Gpus,
    Metrics,
    Problems
};

[[nodiscard]] QList<Area> allAreas();
[[nodiscard]] QString areaTitle(Area area);
// Stable lower-case identifier, used on the command line (`--view jobs`) and as objectName.
[[nodiscard]] QString areaId(Area area);
[[nodiscard]] QKeySequence areaShortcut(Area area);
[[nodiscard]] QIcon areaIcon(Area area);
// "Hosts (Ctrl+2)": the area's title with its shortcut as this platform writes it, for
// messages that say where to go.
[[nodiscard]] QString areaWithShortcut(Area area);

} // namespace SlurmDeck::Ui
