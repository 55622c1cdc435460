// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace SlurmDeck {

// Where and how to log in to one host. Fields left empty come from ~/.ssh/config (or
// `configFile`) the way OpenSSH applies it: Host aliases, HostName, User, Port, IdentityFile.
struct SshTarget
{
    QString host; // address, DNS name or ~/.ssh/config alias
    QString user;
    int port = 0; // 0: from config, else 22
    QString identityFile;
    // OpenSSH client configuration to apply; empty: ~/.ssh/config.
    QString configFile;
    // The user's OpenSSH known_hosts (read only); empty: ~/.ssh/known_hosts and the file the
    // config's UserKnownHostsFile names, both.
    QString userKnownHostsFile;
    // SlurmDeck's own known_hosts: keys the user accepted in SlurmDeck are written here.
    QString slurmDeckKnownHostsFile;
    // The system-wide known_hosts (read only); empty: /etc/ssh/ssh_known_hosts.
    QString systemKnownHostsFile;
    std::chrono::seconds connectTimeout{10};

    // "user@host:port" for messages, with what is known before connecting.
    [[nodiscard]] QString displayName() const
    {
        QString text = user.isEmpty() ? host : user + u'@' + host;
        if (port != 0 && port != 22)
            text += u':' + QString::number(port);
        return text;
    }
};

} // namespace SlurmDeck
