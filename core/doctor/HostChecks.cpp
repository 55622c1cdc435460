// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/HostChecks.h"

#include "deploy/HostDeployer.h"
#include "deploy/HostTaskQueue.h"
#include "discovery/DiscoveryToCluster.h"
#include "doctor/HostProbe.h"

namespace SlurmDeck {

namespace {

struct Probed
{
    HostEvidence evidence;
    DetectedFacts figures;
};

} // namespace

HostChecks::HostChecks(ClusterPlan plan, QHash<QString, SshTarget> targets,
                       std::shared_ptr<HostKeyPrompt> hostKeys, std::shared_ptr<CredentialPrompt> credentials,
                       QObject *parent)
    : QObject(parent)
    , m_queue(new HostTaskQueue(std::move(plan), std::move(targets), std::move(hostKeys),
                                std::move(credentials), this))
{}

HostChecks::~HostChecks() = default;

void HostChecks::run(QObject *context, std::function<void(const Report &)> done)
{
    auto report = std::make_shared<Report>();
    const QStringList hosts = m_queue->hosts();
    for (const QString &host : hosts) {
        if (m_queue->hostPlan(host)->services.contains(QStringLiteral("slurmctld")))
            report->controllers << host;
    }
    report->evidence.resize(hosts.size());
    auto remaining = std::make_shared<qsizetype>(hosts.size());
    if (hosts.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [report, done] { done(*report); }, Qt::QueuedConnection);
        return;
    }
    QList<std::pair<QString, QString>> slurmds;
    for (const QString &host : hosts) {
        const HostPlan *planned = m_queue->hostPlan(host);
        if (planned->services.contains(QStringLiteral("slurmd")))
            slurmds.append(
                {host, planned->networkAddress.isEmpty() ? planned->address : planned->networkAddress});
    }
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString host = hosts.at(i);
        const QStringList services = m_queue->hostPlan(host)->services;
        const bool controller = report->controllers.contains(host);
        const HostProbe::Scope scope{controller, controller ? slurmds : QList<std::pair<QString, QString>>()};
        // Shared, not moved through the Result: the evidence is large (and GCC 12 then warns
        // about a variant it cannot follow).
        m_queue->run<std::shared_ptr<Probed>>(
            host, context,
            [scope](HostDeployer &deployer) -> Result<std::shared_ptr<Probed>> {
                return std::make_shared<Probed>(
                    Probed{HostProbe::collect(deployer, scope), detectedFacts(deployer.fingerprint())});
            },
            [report, remaining, done, i, host, services, controller](Result<std::shared_ptr<Probed>> probed) {
                if (probed) {
                    report->evidence[i] = (*probed)->evidence;
                    report->figures.insert(host, (*probed)->figures);
                } else {
                    report->evidence[i] =
                        HostProbe::unreachable(host, services, controller, probed.error().toString());
                }
                if (--*remaining == 0)
                    done(*report);
            });
    }
}

} // namespace SlurmDeck
