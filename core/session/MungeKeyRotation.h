// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A munge key rotation (slurmdeck-cli rotate-munge-key): a new key is deployed to every host
// (ClusterSession::setMungeKey; the deploy restarts every daemon that reads it, in parallel,
// so nodes that cannot talk to each other do so only while they restart), and the keychain
// takes it once a host has it. Until then the keychain keeps the key the hosts share, so a
// rotation that reached no host changes nothing, and one that reached some hosts is finished
// by the next deploy.
#include "common/Result.h"
#include "deploy/DeployTypes.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <functional>

namespace SlurmDeck {

class MungeKeyRotation final
{
public:
    struct Outcome
    {
        QStringList withNewKey;    // hosts whose deployed key is the new one
        QStringList withoutNewKey; // the others (failed before their files, or unreachable)
    };

    MungeKeyRotation(); // a freshly generated key

    [[nodiscard]] const QByteArray &newKey() const { return m_newKey; }
    // What `deploy` and the hosts show of it: hex SHA-256, and "SHA256:..." (short).
    [[nodiscard]] QString newKeySha256() const;
    [[nodiscard]] QString fingerprint() const;

    [[nodiscard]] Outcome outcome(const DeployReport &report) const;
    // Stores the new key in the cluster's keychain entry, replacing the old one.
    void keep(const QString &keychainService, QObject *context, std::function<void(Result<void>)> done) const;

private:
    QByteArray m_newKey;
};

} // namespace SlurmDeck
