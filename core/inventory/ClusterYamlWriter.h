// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include <QByteArray>

namespace SlurmDeck {

// The cluster as YAML (UTF-8): a fixed header comment, then block-style maps with a fixed
// key order (name, hosts, partitions, settings), short lists (roles, nodes) in flow style,
// values equal to their defaults left out. Deterministic, so save -> load -> save gives the
// same bytes. Any other comment a user wrote is not kept: yaml-cpp does not keep comments.
[[nodiscard]] QByteArray writeClusterYaml(const Cluster &cluster);

} // namespace SlurmDeck
