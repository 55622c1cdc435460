// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/KeychainCredentialPrompt.h"

#include "secrets/SecretStore.h"

#include <QMetaObject>

namespace SlurmDeck {

KeychainCredentialPrompt::KeychainCredentialPrompt(const QString &keychainService,
                                                   std::shared_ptr<SecretAsker> asker)
    : m_store(new SecretStore(keychainService)), m_asker(std::move(asker))
{}

KeychainCredentialPrompt::~KeychainCredentialPrompt()
{
    // May run on a worker thread (the last shared owner); deleteLater is safe from any thread.
    m_store->deleteLater();
}

void KeychainCredentialPrompt::askForSecret(const CredentialRequest &request,
                                            std::function<void(std::optional<QString>)> answer)
{
    SecretStore *store = m_store;
    std::shared_ptr<SecretAsker> asker = m_asker;
    QMetaObject::invokeMethod(store, [store, asker, request, answer = std::move(answer)] {
        const QString key = request.keychainKey();
        store->read(key, store,
                    [store, asker, request, key, answer](Result<std::optional<QByteArray>> stored) {
                        if (stored && *stored) {
                            answer(QString::fromUtf8(**stored));
                            return;
                        }
                        if (!asker) {
                            answer(std::nullopt);
                            return;
                        }
                        asker->askUser(request, [store, key, answer](std::optional<SecretAnswer> typed) {
                            if (!typed) {
                                answer(std::nullopt);
                                return;
                            }
                            if (typed->remember)
                                store->write(key, typed->secret.toUtf8(), store, [](Result<void>) {});
                            answer(typed->secret);
                        });
                    });
    });
}

void KeychainCredentialPrompt::forgetSecret(const CredentialRequest &request)
{
    SecretStore *store = m_store;
    const QString key = request.keychainKey();
    // Queued on the store's thread before the next ask's read, so that read finds nothing.
    QMetaObject::invokeMethod(store, [store, key] { store->remove(key, store, [](Result<void>) {}); });
}

} // namespace SlurmDeck
