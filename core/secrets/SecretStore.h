// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace SlurmDeck {

// The OS keychain (Secret Service on Linux, Keychain on macOS) through QtKeychain. Every
// call is asynchronous: the callback runs later on this object's thread (which needs an
// event loop), and is dropped if `context` is destroyed first. Never falls back to a
// plaintext file. Secrets are never logged.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    // `service` groups SlurmDeck's entries, e.g. "slurmdeck" or a cluster's keychain service.
    explicit SecretStore(QString service, QObject *parent = nullptr);

    using ReadCallback = std::function<void(Result<std::optional<QByteArray>>)>; // nullopt: no entry
    using WriteCallback = std::function<void(Result<void>)>;

    void read(const QString &key, QObject *context, ReadCallback callback);
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback callback);
    void remove(const QString &key, QObject *context, WriteCallback callback);

    [[nodiscard]] QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace SlurmDeck
