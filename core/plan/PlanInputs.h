// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace SlurmDeck {

// What rendering needs besides the cluster file: the secrets (from the keychain), where
// each host is reachable on the network (resolved from ~/.ssh/config aliases at connect
// time), the images, and the template files.
struct PlanInputs
{
    QByteArray mungeKey;
    QByteArray databasePassword;
    QHash<QString, QString> networkAddresses; // host name -> IP/DNS other hosts can use
    QString slurmImage; // empty: the image of the cluster's Slurm release (settings.slurm_release)
    QString monitoringImage = QStringLiteral("slurmdeck/monitoring:2.42");
    QString databaseImage = QStringLiteral("slurmdeck/mariadb:10.11");
    // The port range srun listens on; published on hosts without host networking.
    int srunPortFirst = 60001;
    int srunPortLast = 60063;

    [[nodiscard]] QString slurmImageFor(const Cluster &cluster) const
    {
        if (!slurmImage.isEmpty())
            return slurmImage;
        const std::optional<SlurmRelease> release = SlurmRelease::find(cluster.settings.slurmRelease);
        return (release ? *release : *SlurmRelease::find(SlurmRelease::defaultVersion())).image();
    }
};

} // namespace SlurmDeck
