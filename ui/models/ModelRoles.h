// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace SlurmDeck::Ui {

// Roles the table models add to Qt's: the proxies sort by SortRole, so "15.6 GiB" sorts
// as a number and empty cells sort first.
enum ModelRole : int {
    SortRole = Qt::UserRole + 1,
    KeyRole,  // the row's identity in a keyed table: node name, job id
    StateRole // the row's state category (StateStyle::Category as int)
};

} // namespace SlurmDeck::Ui
