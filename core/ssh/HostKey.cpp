// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/HostKey.h"

namespace SlurmDeck {

QString HostKeyInfo::verifyCommand() const
{
    QString file = QStringLiteral("rsa");
    if (keyType.contains(QLatin1String("ed25519")))
        file = QStringLiteral("ed25519");
    else if (keyType.contains(QLatin1String("ecdsa")))
        file = QStringLiteral("ecdsa");
    return QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub").arg(file);
}

QString HostKeyInfo::hostPort() const
{
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

} // namespace SlurmDeck
