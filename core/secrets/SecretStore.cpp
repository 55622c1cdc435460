// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/SecretStore.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace SlurmDeck {

namespace {

Error keychainError(const QKeychain::Job *job, const QString &what)
{
    const Error::Code code =
        job->error() == QKeychain::AccessDeniedByUser || job->error() == QKeychain::AccessDenied
            ? Error::Code::Authentication
            : (job->error() == QKeychain::NoBackendAvailable ? Error::Code::Unsupported : Error::Code::Io);
    QString message = QObject::tr("The OS keychain could not %1.").arg(what);
    if (job->error() == QKeychain::NoBackendAvailable) {
        message += QObject::tr(" No keychain service is running: on Linux start a Secret Service "
                               "(GNOME Keyring or KWallet) in your desktop session.");
    }
    return makeError(code, message, job->errorString());
}

// QtKeychain's own advice: do not start a job from another job's finished signal. The
// callback is therefore deferred to a fresh event-loop turn.
template<typename Callback, typename Value>
void deliver(QObject *context, Callback callback, Value value)
{
    QTimer::singleShot(0, context, [callback = std::move(callback), value = std::move(value)]() mutable {
        callback(std::move(value));
    });
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service))
{}

void SecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *finished) {
                if (!guard)
                    return;
                auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                Result<std::optional<QByteArray>> result = std::optional<QByteArray>();
                if (readJob->error() == QKeychain::NoError)
                    result = std::optional<QByteArray>(readJob->binaryData());
                else if (readJob->error() != QKeychain::EntryNotFound)
                    result = keychainError(readJob, QObject::tr("read a secret"));
                deliver(guard.data(), callback, std::move(result));
            });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                        WriteCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(secret);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *finished) {
                if (!guard)
                    return;
                Result<void> result;
                if (finished->error() != QKeychain::NoError)
                    result = keychainError(finished, QObject::tr("store a secret"));
                deliver(guard.data(), callback, std::move(result));
            });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *finished) {
                if (!guard)
                    return;
                Result<void> result;
                if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
                    result = keychainError(finished, QObject::tr("delete a secret"));
                deliver(guard.data(), callback, std::move(result));
            });
    job->start();
}

} // namespace SlurmDeck
