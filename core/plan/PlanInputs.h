// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    QString slurmImage = QStringLiteral("slurmdeck/slurm:22.05");
    QString monitoringImage = QStringLiteral("slurmdeck/monitoring:2.42");
    QString databaseImage = QStringLiteral("slurmdeck/mariadb:10.11");
    QString slurmVersion = QStringLiteral("22.05");
    // The port range srun listens on; published on hosts without host networking.
    int srunPortFirst = 60001;
    int srunPortLast = 60063;
};

} // namespace SlurmDeck
