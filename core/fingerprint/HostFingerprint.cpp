// SPDX-License-Identifier: GPL-3.0-or-later
#include "fingerprint/HostFingerprint.h"

namespace SlurmDeck {

QList<quint16> portsInConflict(const HostFingerprint &fingerprint)
{
    QList<quint16> conflicts;
    for (const quint16 port : serviceports) {
        if (fingerprint.listeningPorts.count(port) != 0)
            conflicts.append(port);
    }
    return conflicts;
}

double clockOffset(double remoteEpoch, double localBefore, double localAfter)
{
    return remoteEpoch - (localBefore + localAfter) / 2.0;
}

} // namespace SlurmDeck
