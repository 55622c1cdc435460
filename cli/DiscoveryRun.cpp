// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DiscoveryRun.h"

#include "cli/TerminalSecretAsker.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "ssh/HostKey.h"

#include <QCoreApplication>

namespace SlurmDeck {

bool DiscoveryRun::startDiscovery(const CliContext &context, QCommandLineParser &parser,
                                  int firstHostArgument)
{
    m_context = context;
    Result<DiscoveryRequest> request = m_options.request(parser, firstHostArgument);
    if (!request) {
        *context.err << request.error().toString() << u'\n';
        return false;
    }
    m_request = *request;

    const HostKeyDecision policy =
        m_options.acceptNewHostKeys(parser) ? HostKeyDecision::AcceptAndRemember : HostKeyDecision::Reject;
    // Passphrases and passwords: from the OS keychain, else asked on the terminal.
    auto credentials = std::make_shared<KeychainCredentialPrompt>(QStringLiteral("slurmdeck"),
                                                                  std::make_shared<TerminalSecretAsker>());
    m_discovery = new Discovery(std::make_shared<FixedHostKeyPolicy>(policy), credentials, this);
    connect(m_discovery, &Discovery::finished, this, [this] { discoveryFinished(m_discovery->results()); });

    QStringList what = m_request.hosts;
    for (const Subnet &subnet : std::as_const(m_request.subnets))
        what.append(subnet.toString());
    *context.err << QCoreApplication::translate("DiscoveryRun", "Discovering %1 ...").arg(what.join(u' '))
                 << u'\n';
    context.err->flush();
    m_discovery->start(m_request);
    return true;
}

void DiscoveryRun::reportFailures(const QList<DiscoveredHost> &hosts) const
{
    bool unknownKey = false;
    for (const DiscoveredHost &host : hosts) {
        if (host.ok())
            continue;
        *m_context.err << host.target << QStringLiteral(": ") << statusText(host.status)
                       << QStringLiteral(": ") << host.message << u'\n';
        unknownKey = unknownKey || host.status == DiscoveredHost::Status::HostKeyUnknown;
    }
    if (unknownKey) {
        *m_context.err << QCoreApplication::translate(
            "DiscoveryRun", "To trust hosts seen for the first time, check their fingerprints and run again "
                            "with --accept-new-host-keys.\n");
    }
}

} // namespace SlurmDeck
