// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

// What one host found of a shared directory's markers: the hosts whose markers (of this
// deploy) it read in its source of that directory, its own included.
struct SharedMarkerSighting
{
    QString host;
    QString source; // its path on that host
    QStringList seen;
};

// One shared directory that is not one filesystem on every host that mounts it.
struct SharedDataMismatch
{
    QString mount;
    QStringList together; // the largest group of hosts that see each other's markers
    QStringList apart;    // the others
    QString message;      // names both, the paths, and what to do
};

// Hosts that see each other's markers see one filesystem. The largest such group (on a tie,
// the one with the first host) is taken as the shared directory; the rest are named. Empty
// when every host of every directory sees all the others. `sightings`: mount -> per host,
// in the plan's order.
[[nodiscard]] QList<SharedDataMismatch>
sharedDataMismatches(const QList<std::pair<QString, QList<SharedMarkerSighting>>> &sightings);

} // namespace SlurmDeck
