// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/ClusterSecrets.h"

#include "secrets/SecretStore.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QRandomGenerator>

#include <memory>

namespace SlurmDeck {

namespace {

const QString mungeKeyEntry = QStringLiteral("munge.key");
const QString databasePasswordEntry = QStringLiteral("slurmdbd.db_password");

} // namespace

ClusterSecrets::ClusterSecrets(const QString &keychainService, QObject *parent)
    : QObject(parent), m_store(new SecretStore(keychainService, this))
{}

QByteArray ClusterSecrets::generateMungeKey()
{
    QByteArray key(mungeKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

QByteArray ClusterSecrets::generatePassword()
{
    // Letters and digits only: the password goes into slurmdbd.conf and SQL without quoting
    // problems. 32 characters of 62 symbols is about 190 bits.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray password;
    for (int i = 0; i < 32; ++i)
        password.append(alphabet[QRandomGenerator::system()->bounded(62)]);
    return password;
}

QString ClusterSecrets::fingerprint(const QByteArray &secret)
{
    const QByteArray hash = QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") + QString::fromLatin1(hash.left(16).toHex());
}

void ClusterSecrets::ensure(const QString &key, std::function<QByteArray()> generate, QObject *context,
                            std::function<void(Result<QByteArray>)> callback)
{
    QPointer<QObject> guard(context);
    m_store->read(key, this,
                  [this, key, generate, guard, callback](Result<std::optional<QByteArray>> stored) {
                      if (!guard)
                          return;
                      if (!stored) {
                          callback(stored.error());
                          return;
                      }
                      if (stored->has_value() && !stored->value().isEmpty()) {
                          callback(stored->value());
                          return;
                      }
                      const QByteArray fresh = generate();
                      m_store->write(key, fresh, this, [guard, fresh, callback](Result<void> written) {
                          if (!guard)
                              return;
                          if (!written)
                              callback(written.error());
                          else
                              callback(fresh);
                      });
                  });
}

void ClusterSecrets::load(QObject *context, std::function<void(Result<Values>)> callback)
{
    QPointer<QObject> guard(context);
    ensure(mungeKeyEntry, &ClusterSecrets::generateMungeKey, this,
           [this, guard, callback](Result<QByteArray> munge) {
               if (!guard)
                   return;
               if (!munge) {
                   callback(munge.error());
                   return;
               }
               ensure(databasePasswordEntry, &ClusterSecrets::generatePassword, this,
                      [guard, callback, mungeKey = *munge](Result<QByteArray> password) {
                          if (!guard)
                              return;
                          if (!password)
                              callback(password.error());
                          else
                              callback(Values{mungeKey, *password});
                      });
           });
}

void ClusterSecrets::read(QObject *context, std::function<void(Result<Values>)> callback)
{
    QPointer<QObject> guard(context);
    m_store->read(mungeKeyEntry, this, [this, guard, callback](Result<std::optional<QByteArray>> munge) {
        if (!guard)
            return;
        if (!munge)
            return callback(munge.error());
        if (!munge->has_value() || munge->value().isEmpty()) {
            return callback(
                makeError(Error::Code::NotFound,
                          tr("This machine's keychain holds no munge key for the cluster: deploy it from "
                             "here, adopt it (slurmdeck-cli adopt) or restore its secrets first.")));
        }
        m_store->read(
            databasePasswordEntry, this,
            [guard, callback, mungeKey = munge->value()](Result<std::optional<QByteArray>> password) {
                if (!guard)
                    return;
                if (!password)
                    return callback(password.error());
                callback(Values{mungeKey, password->value_or(QByteArray())});
            });
    });
}

void ClusterSecrets::store(const Values &values, bool replace, QObject *context,
                           std::function<void(Result<void>)> callback)
{
    QPointer<QObject> guard(context);
    const QList<std::pair<QString, QByteArray>> entries{{mungeKeyEntry, values.mungeKey},
                                                        {databasePasswordEntry, values.databasePassword}};
    // Checked one after the other, then written: nothing is written when one differs.
    auto step = std::make_shared<std::function<void(qsizetype, bool)>>();
    *step = [this, entries, replace, guard, callback, step](qsizetype index, bool writing) {
        if (!guard)
            return;
        if (index == entries.size()) {
            if (writing) {
                callback({});
                *step = nullptr; // break the cycle
            } else {
                (*step)(0, true);
            }
            return;
        }
        // Named copies: a lambda cannot capture a structured binding before C++20's clang 16.
        const QString key = entries.at(index).first;
        const QByteArray value = entries.at(index).second;
        if (writing) {
            if (value.isEmpty()) { // e.g. a cluster without accounting has no password
                (*step)(index + 1, true);
                return;
            }
            m_store->write(key, value, this, [guard, callback, step, index](Result<void> written) {
                if (!guard)
                    return;
                if (!written) {
                    callback(written.error());
                    *step = nullptr;
                    return;
                }
                (*step)(index + 1, true);
            });
            return;
        }
        m_store->read(
            key, this,
            [guard, callback, step, index, key, value, replace](Result<std::optional<QByteArray>> stored) {
                if (!guard)
                    return;
                if (!stored) {
                    callback(stored.error());
                    *step = nullptr;
                    return;
                }
                if (!replace && stored->has_value() && !stored->value().isEmpty() &&
                    stored->value() != value) {
                    callback(makeError(Error::Code::InvalidArgument,
                                       QObject::tr("This machine's keychain already holds a different "
                                                   "%1 for this cluster name. Adopt it under another "
                                                   "name, or replace the secrets here with --force.")
                                           .arg(key)));
                    *step = nullptr;
                    return;
                }
                (*step)(index + 1, false);
            });
    };
    (*step)(0, false);
}

} // namespace SlurmDeck
