// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/WizardBackend.h"

#include "common/Executor.h"
#include "discovery/PortProber.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace SlurmDeck::Ui {

void SshWizardBackend::discover(const DiscoveryRequest &request, QObject *context,
                                std::function<void(QList<WizardCandidate>)> done)
{
    QList<WizardCandidate> listed;
    for (const QString &host : request.hosts)
        listed.append({host, QCoreApplication::translate("FirstRunWizard", "listed by you"), true});
    QList<QHostAddress> addresses;
    for (const Subnet &subnet : request.subnets)
        addresses += subnet.hostAddresses();
    if (addresses.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), listed] { done(listed); }, Qt::QueuedConnection);
        return;
    }
    // Asynchronous on this thread's event loop; the prober goes with the context.
    auto *prober = new PortProber(context);
    prober->setConcurrency(request.probeConcurrency);
    prober->setTimeout(request.probeTimeout);
    auto found = std::make_shared<QList<WizardCandidate>>(listed);
    QObject::connect(prober, &PortProber::probed, context, [found](const PortProber::Outcome &outcome) {
        if (outcome.open)
            found->append({outcome.address.toString(),
                           QCoreApplication::translate("FirstRunWizard", "SSH port open"), false});
    });
    QObject::connect(prober, &PortProber::finished, context, [prober, found, done = std::move(done)] {
        prober->deleteLater();
        done(*found);
    });
    const int port = request.login.port > 0 ? request.login.port : 22;
    prober->start(addresses, static_cast<quint16>(port));
}

void SshWizardBackend::readHostKeys(const QStringList &targets, const SshTarget &ssh, QObject *context,
                                    std::function<void(QList<WizardHostKey>)> done)
{
    QPointer<QObject> guard(context);
    // SSH blocks: on the pool, then back to the context's thread.
    (void)QtConcurrent::run(
        Executor::pool(Executor::Lane::Discovery), [targets, ssh, guard, done = std::move(done)]() mutable {
            QList<WizardHostKey> keys;
            for (const QString &target : targets)
                keys.append(readHostKey(target, ssh));
            if (QObject *receiver = guard.data())
                QMetaObject::invokeMethod(
                    receiver, [done = std::move(done), keys] { done(keys); }, Qt::QueuedConnection);
        });
}

void SshWizardBackend::fingerprint(const DiscoveryRequest &request, const QHash<QString, QString> &trusted,
                                   std::shared_ptr<CredentialPrompt> credentials, QObject *context,
                                   std::function<void(QList<DiscoveredHost>)> done)
{
    auto *discovery =
        new Discovery(std::make_shared<TrustedKeysPrompt>(trusted), std::move(credentials), context);
    QObject::connect(discovery, &Discovery::finished, context, [discovery, done = std::move(done)] {
        discovery->deleteLater();
        done(discovery->results());
    });
    discovery->start(request);
}

void SshWizardBackend::storeSecret(const QString &key, const QByteArray &secret, QObject *context,
                                   std::function<void(Result<void>)> done)
{
    auto *store = new SecretStore(QStringLiteral("slurmdeck"), context);
    store->write(key, secret, context, [store, done = std::move(done)](Result<void> written) {
        store->deleteLater();
        done(std::move(written));
    });
}

} // namespace SlurmDeck::Ui
