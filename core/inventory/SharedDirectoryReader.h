// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "inventory/YamlFieldReader.h"

namespace SlurmDeck {

// The cluster file's `shared` list, read into `cluster.shared` after its hosts: each entry's
// mount and source are clean absolute paths, a mount is given once, and `sources` names only
// hosts of the cluster. Every problem goes to `reader` with its line and column.
void readSharedDirectories(YamlFields::FieldReader &reader, const YamlFields::Entry &entry, Cluster &cluster);

} // namespace SlurmDeck
