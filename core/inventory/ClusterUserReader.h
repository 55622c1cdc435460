// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "inventory/YamlFieldReader.h"

namespace SlurmDeck {

// The cluster file's `users` list into `cluster.users`: account names, uids of at least
// ClusterUser::minimumUid, each name and uid once. Problems go to `reader` with their places.
void readClusterUsers(YamlFields::FieldReader &reader, const YamlFields::Entry &entry, Cluster &cluster);

} // namespace SlurmDeck
