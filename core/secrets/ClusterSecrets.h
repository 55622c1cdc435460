// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace SlurmDeck {

class SecretStore;

// The secrets of one cluster, kept in the OS keychain under the cluster's keychain
// service: the munge key (1024 random bytes, generated once) and the accounting database
// password. They are pushed to hosts as files with mode 0400/0600 and appear nowhere else:
// not in the cluster file, logs, compose files or command lines.
class ClusterSecrets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSecrets)

public:
    struct Values
    {
        QByteArray mungeKey;
        QByteArray databasePassword;
    };

    explicit ClusterSecrets(const QString &keychainService, QObject *parent = nullptr);

    // Reads both secrets, generating and storing whichever is missing. The callback runs
    // on this object's thread, unless `context` was destroyed first.
    void load(QObject *context, std::function<void(Result<Values>)> callback);
    // Reads both secrets and generates nothing: no munge key is an error (NotFound) that says
    // how this machine gets it; no password is an empty one (no accounting database). For
    // what must carry the secrets the hosts run with (a backup that seals them).
    void read(QObject *context, std::function<void(Result<Values>)> callback);

    // Stores secrets that came from elsewhere (a cluster adopted from its hosts). Refuses,
    // writing nothing, when the keychain holds a different value, unless `replace`. An
    // empty value (no accounting database) is not written.
    void store(const Values &values, bool replace, QObject *context,
               std::function<void(Result<void>)> callback);

    [[nodiscard]] static QByteArray generateMungeKey();
    [[nodiscard]] static QByteArray generatePassword();
    // "SHA256:ab12..." (hex, first 16 bytes) — safe to show, so a mismatch between hosts
    // is obvious without revealing the key.
    [[nodiscard]] static QString fingerprint(const QByteArray &secret);

    static constexpr int mungeKeyBytes = 1024;

private:
    void ensure(const QString &key, std::function<QByteArray()> generate, QObject *context,
                std::function<void(Result<QByteArray>)> callback);

    SecretStore *m_store;
};

} // namespace SlurmDeck
