// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "discovery/DiscoveredHost.h"
#include "discovery/Discovery.h"
#include "discovery/HostKeyReading.h"
#include "ssh/HostKey.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace SlurmDeck {
class CredentialPrompt;
}

namespace SlurmDeck::Ui {

// A machine the first-run wizard found (or was told about) that may become a host.
struct WizardCandidate
{
    QString target;      // what the user gave or the scan found: an address or ~/.ssh/config alias
    QString note;        // "SSH port open", "listed by you"
    bool listed = false; // named by the user rather than found by a scan
};

// A host's key as read from the SSH handshake, before any credential is sent.
using WizardHostKey = HostKeyReading;

// Everything the first-run wizard does to machines and the keychain, behind one seam so the
// offscreen tests can record it. Only reads before the review step: port probes, host keys
// and the fingerprint probe (a login that changes nothing). Callbacks run on `context`'s
// thread and are dropped when it is destroyed first.
class WizardBackend
{
public:
    virtual ~WizardBackend() = default;

    // Subnets: probe every address's SSH port; named hosts are listed as given.
    virtual void discover(const DiscoveryRequest &request, QObject *context,
                          std::function<void(QList<WizardCandidate>)> done) = 0;
    // Reads each target's host key (`ssh` carries the shared settings and login).
    virtual void readHostKeys(const QStringList &targets, const SshTarget &ssh, QObject *context,
                              std::function<void(QList<WizardHostKey>)> done) = 0;
    // Logs in to every host of `request` and fingerprints it; only keys in `trusted`
    // ("[host]:port" or host -> SHA256 fingerprint) are accepted (and remembered).
    virtual void fingerprint(const DiscoveryRequest &request, const QHash<QString, QString> &trusted,
                             std::shared_ptr<CredentialPrompt> credentials, QObject *context,
                             std::function<void(QList<DiscoveredHost>)> done) = 0;
    // Keeps a passphrase or password in the OS keychain (service "slurmdeck").
    virtual void storeSecret(const QString &key, const QByteArray &secret, QObject *context,
                             std::function<void(Result<void>)> done) = 0;
};

// Accepts (and remembers) exactly the keys the user trusted in the wizard; refuses others.
class TrustedKeysPrompt final : public HostKeyPrompt
{
public:
    explicit TrustedKeysPrompt(QHash<QString, QString> trusted) : m_trusted(std::move(trusted)) {}
    void askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer) override
    {
        const QString expected = m_trusted.value(key.hostPort(), m_trusted.value(key.host));
        answer(!expected.isEmpty() && expected == key.fingerprint ? HostKeyDecision::AcceptAndRemember
                                                                  : HostKeyDecision::Reject);
    }

private:
    const QHash<QString, QString> m_trusted;
};

// The real one: PortProber, readHostKey and Discovery off the GUI thread, SecretStore.
class SshWizardBackend final : public WizardBackend
{
public:
    void discover(const DiscoveryRequest &request, QObject *context,
                  std::function<void(QList<WizardCandidate>)> done) override;
    void readHostKeys(const QStringList &targets, const SshTarget &ssh, QObject *context,
                      std::function<void(QList<WizardHostKey>)> done) override;
    void fingerprint(const DiscoveryRequest &request, const QHash<QString, QString> &trusted,
                     std::shared_ptr<CredentialPrompt> credentials, QObject *context,
                     std::function<void(QList<DiscoveredHost>)> done) override;
    void storeSecret(const QString &key, const QByteArray &secret, QObject *context,
                     std::function<void(Result<void>)> done) override;
};

} // namespace SlurmDeck::Ui
