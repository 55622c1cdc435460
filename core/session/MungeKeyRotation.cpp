// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/MungeKeyRotation.h"

#include "secrets/ClusterSecrets.h"

#include <QCryptographicHash>

namespace SlurmDeck {

MungeKeyRotation::MungeKeyRotation() : m_newKey(ClusterSecrets::generateMungeKey())
{}

QString MungeKeyRotation::newKeySha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(m_newKey, QCryptographicHash::Sha256).toHex());
}

QString MungeKeyRotation::fingerprint() const
{
    return ClusterSecrets::fingerprint(m_newKey);
}

MungeKeyRotation::Outcome MungeKeyRotation::outcome(const DeployReport &report) const
{
    Outcome outcome;
    const QString expected = newKeySha256();
    for (const HostDeployResult &host : report.hosts) {
        if (host.mungeKeySha256.compare(expected, Qt::CaseInsensitive) == 0)
            outcome.withNewKey << host.host;
        else
            outcome.withoutNewKey << host.host;
    }
    return outcome;
}

void MungeKeyRotation::keep(const QString &keychainService, QObject *context,
                            std::function<void(Result<void>)> done) const
{
    auto *secrets = new ClusterSecrets(keychainService, context);
    // No database password: store() leaves an empty value alone.
    secrets->store(ClusterSecrets::Values{m_newKey, {}}, true, context,
                   [secrets, done = std::move(done)](Result<void> stored) {
                       secrets->deleteLater();
                       done(std::move(stored));
                   });
}

} // namespace SlurmDeck
