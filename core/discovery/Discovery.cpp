// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/Discovery.h"

#include "common/Executor.h"

#include "discovery/HostFingerprinter.h"

#include <QFutureWatcher>
#include <QRegularExpression>
#include <QtConcurrent>

namespace SlurmDeck {

Result<void> setDiscoveryTargets(DiscoveryRequest &request, bool scanSubnets, const QString &subnetsText,
                                 const QString &hostsText)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    request.subnets.clear();
    request.hosts.clear();
    if (scanSubnets) {
        const QStringList texts = subnetsText.split(separators, Qt::SkipEmptyParts);
        if (texts.isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QObject::tr("Give a subnet to scan, e.g. 192.168.1.0/24."));
        for (const QString &text : texts) {
            const Result<Subnet> subnet = parseSubnet(text);
            if (!subnet)
                return subnet.error();
            request.subnets.append(*subnet);
        }
        return {};
    }
    request.hosts = hostsText.split(separators, Qt::SkipEmptyParts);
    if (request.hosts.isEmpty())
        return makeError(Error::Code::InvalidArgument, QObject::tr("Name at least one host."));
    return {};
}

Discovery::Discovery(std::shared_ptr<HostKeyPrompt> hostKeyPrompt,
                     std::shared_ptr<CredentialPrompt> credentialPrompt, QObject *parent)
    : QObject(parent)
    , m_hostKeyPrompt(std::move(hostKeyPrompt))
    , m_credentialPrompt(std::move(credentialPrompt))
    , m_prober(new PortProber(this))
{
    connect(m_prober, &PortProber::progress, this, &Discovery::probeProgress);
    connect(m_prober, &PortProber::probed, this, [this](const PortProber::Outcome &outcome) {
        // Named hosts come first; scanned ones follow in address order.
        if (outcome.open)
            fingerprint(outcome.address.toString(), (quint64(1) << 32) + outcome.address.toIPv4Address());
    });
    connect(m_prober, &PortProber::finished, this, [this] {
        m_probing = false;
        finishIfDone();
    });
}

Discovery::~Discovery()
{
    // Running logins notice the cancel and end on their own; their results are dropped
    // with their watchers. Nothing here waits.
    m_cancel.cancel();
}

void Discovery::start(const DiscoveryRequest &request)
{
    cancel();
    m_cancel = CancelToken();
    m_request = request;
    m_results.clear();
    m_fingerprintsStarted = 0;
    m_fingerprintsDone = 0;
    m_running = true;

    for (qsizetype i = 0; i < request.hosts.size(); ++i)
        fingerprint(request.hosts.at(i), quint64(i));

    QList<QHostAddress> addresses;
    for (const Subnet &subnet : request.subnets)
        addresses += subnet.hostAddresses();
    m_probing = !addresses.isEmpty();
    if (m_probing) {
        m_prober->setConcurrency(request.probeConcurrency);
        m_prober->setTimeout(request.probeTimeout);
        const int port = request.login.port == 0 ? 22 : request.login.port;
        m_prober->start(addresses, static_cast<quint16>(port));
    } else {
        QTimer::singleShot(0, this, &Discovery::finishIfDone);
    }
}

void Discovery::cancel()
{
    m_cancel.cancel();
    m_prober->cancel();
    m_probing = false;
}

void Discovery::fingerprint(const QString &host, quint64 order)
{
    SshTarget target = m_request.login;
    const UserAtHost named = splitUserAtHost(host);
    target.host = named.host;
    if (!named.user.isEmpty())
        target.user = named.user;
    ++m_fingerprintsStarted;
    emit fingerprintProgress(m_fingerprintsDone, m_fingerprintsStarted);

    auto *watcher = new QFutureWatcher<DiscoveredHost>(this);
    connect(watcher, &QFutureWatcher<DiscoveredHost>::finished, this, [this, watcher, order] {
        const DiscoveredHost found = watcher->result();
        watcher->deleteLater();
        ++m_fingerprintsDone;
        const auto position =
            std::lower_bound(m_results.begin(), m_results.end(), order,
                             [](const auto &entry, quint64 key) { return entry.first < key; });
        m_results.insert(position, {order, found});
        emit hostDiscovered(found);
        emit fingerprintProgress(m_fingerprintsDone, m_fingerprintsStarted);
        finishIfDone();
    });
    Executor::pool(Executor::Lane::Discovery)->setMaxThreadCount(std::max(m_request.sshConcurrency, 1));
    watcher->setFuture(QtConcurrent::run(
        Executor::pool(Executor::Lane::Discovery), [target, typed = host, hostKeys = m_hostKeyPrompt,
                                                    credentials = m_credentialPrompt, cancel = m_cancel] {
            DiscoveredHost found = fingerprintHost(target, hostKeys.get(), credentials.get(), cancel);
            found.target = typed; // "alice@ws1" keeps its user for the cluster file
            return found;
        }));
}

QList<DiscoveredHost> Discovery::results() const
{
    QList<DiscoveredHost> hosts;
    hosts.reserve(m_results.size());
    for (const auto &entry : m_results)
        hosts.append(entry.second);
    return hosts;
}

void Discovery::finishIfDone()
{
    if (!m_running || m_probing || m_fingerprintsDone < m_fingerprintsStarted)
        return;
    m_running = false;
    emit finished();
}

} // namespace SlurmDeck
