// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "discovery/DiscoveredHost.h"
#include "discovery/PortProber.h"
#include "discovery/Subnet.h"
#include "ssh/SshTarget.h"

#include <QList>
#include <QObject>

#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;

// What to discover and how to log in.
struct DiscoveryRequest
{
    QList<Subnet> subnets; // probe every address's SSH port, fingerprint the open ones
    QStringList hosts;     // addresses or ~/.ssh/config aliases: fingerprinted directly
    SshTarget login;       // user, port, identity, config and known_hosts files for every host
    int probeConcurrency = 64;
    std::chrono::milliseconds probeTimeout{1500};
    int sshConcurrency = 8;
};

// Sets `request`'s subnets (scanSubnets) or hosts from what the user typed: subnets such as
// "192.168.1.0/24, 10.0.0.0/28", or addresses and aliases, separated by commas or white
// space. The other list is emptied. Errors say what to type.
[[nodiscard]] Result<void> setDiscoveryTargets(DiscoveryRequest &request, bool scanSubnets,
                                               const QString &subnetsText, const QString &hostsText);

// Finds hosts and fingerprints them: bounded concurrent TCP probes on this thread's event
// loop, then one SSH login + probe per host on a pool of worker threads. One host failing
// never stops the others; each ends with a status and a reason. Results arrive as signals
// on the thread that owns this object.
class Discovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discovery)

public:
    // The prompts are shared with the worker threads, which may outlive this object briefly.
    Discovery(std::shared_ptr<HostKeyPrompt> hostKeyPrompt,
              std::shared_ptr<CredentialPrompt> credentialPrompt, QObject *parent = nullptr);
    ~Discovery() override;

    void start(const DiscoveryRequest &request);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    // In request order: named hosts as listed, then scanned ones by address.
    [[nodiscard]] QList<DiscoveredHost> results() const;

signals:
    void probeProgress(int done, int total);
    void fingerprintProgress(int done, int total);
    void hostDiscovered(const SlurmDeck::DiscoveredHost &host);
    void finished();

private:
    void fingerprint(const QString &host, quint64 order);
    void finishIfDone();

    std::shared_ptr<HostKeyPrompt> m_hostKeyPrompt;
    std::shared_ptr<CredentialPrompt> m_credentialPrompt;
    PortProber *m_prober;
    DiscoveryRequest m_request;
    CancelToken m_cancel;
    QList<std::pair<quint64, DiscoveredHost>> m_results; // (order, host)
    int m_fingerprintsStarted = 0;
    int m_fingerprintsDone = 0;
    bool m_probing = false;
    bool m_running = false;
};

} // namespace SlurmDeck
