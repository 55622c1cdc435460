// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SlurmMonitor.h"

#include "slurm/ControllerLink.h"
#include "slurm/ControllerQueries.h"
#include "slurm/SnapshotUpdate.h"

#include <utility>

namespace SlurmDeck {

SlurmMonitor::SlurmMonitor(SlurmEndpoint endpoint, std::shared_ptr<HostKeyPrompt> hostKeys,
                           std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint))
{
    m_link =
        std::make_shared<ControllerLink>(m_endpoint.target(m_endpoint.controllerHost), m_endpoint.projectName,
                                         std::move(hostKeys), std::move(credentials));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SlurmMonitor::poll);
}

SlurmMonitor::~SlurmMonitor() = default;

void SlurmMonitor::start()
{
    m_running = true;
    refreshNow();
}

void SlurmMonitor::stop()
{
    m_running = false;
    m_timer.stop();
}

void SlurmMonitor::refreshNow()
{
    if (m_polling) {
        m_refreshWanted = true;
        return;
    }
    m_timer.start(0);
}

void SlurmMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_schedule.setInterval(interval);
    if (m_running && !m_polling && m_timer.isActive())
        m_timer.start(m_schedule.nextDelay());
}

void SlurmMonitor::setBackoffCap(std::chrono::milliseconds cap)
{
    m_schedule.setCap(cap);
}

namespace {

// slurmdbd is asked every few polls (and every poll while it fails): it costs slurmdbd a
// connection, and its state changes rarely.
constexpr int accountingEvery = 3;

} // namespace

void SlurmMonitor::scheduleNext()
{
    if (!m_running)
        return;
    if (m_refreshWanted) {
        m_refreshWanted = false;
        m_timer.start(0);
        return;
    }
    m_timer.start(m_schedule.nextDelay());
}

void SlurmMonitor::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    m_refreshWanted = false;
    ControllerQueries::PollRequest request;
    request.commandTimeout = m_commandTimeout;
    request.checkAccounting =
        m_endpoint.accounting && (m_pollCount % accountingEvery == 0 || !m_snapshot.accounting.ok);
    ++m_pollCount;
    // The next snapshot is made on the link's worker too (10,000 jobs take tens of ms), from
    // a shared copy of the current one: only pollFinished() replaces m_snapshot, and one
    // poll runs at a time.
    m_link->submit<PolledSnapshot>(
        [request, previous = m_snapshot](ControllerShell &shell) {
            const PollOutcome outcome = ControllerQueries::poll(shell, request);
            return PolledSnapshot{applyPoll(previous, outcome), outcome.sshError || outcome.controllerError};
        },
        this, [this](PolledSnapshot polled) { pollFinished(std::move(polled)); });
}

void SlurmMonitor::pollFinished(PolledSnapshot polled)
{
    m_polling = false;
    const bool wasStale = m_snapshot.isStale();
    const bool first = !m_snapshot.ssh.lastAttempt.isValid();
    ClusterSnapshot previous = std::exchange(m_snapshot, std::move(polled.snapshot));
    if (!m_endpoint.accounting) {
        m_snapshot.accounting.ok = false;
        m_snapshot.accounting.error = tr("Not deployed: no host of the cluster runs slurmdbd.");
    }
    if (polled.failed)
        m_schedule.recordFailure();
    else
        m_schedule.recordSuccess();
    emit snapshotUpdated(m_snapshot);
    if (first || wasStale != m_snapshot.isStale())
        emit staleChanged(m_snapshot.isStale());
    // Freeing the previous snapshot (its last reference, on a big cluster thousands of
    // strings) is the worker's job as well.
    m_link->submit<bool>([previous = std::move(previous)](ControllerShell &) { return true; }, nullptr,
                         [](bool) {});
    scheduleNext();
}

void SlurmMonitor::fetchHistory(const QDateTime &since, QObject *context,
                                std::function<void(Result<QList<SlurmJob>>)> done)
{
    const std::chrono::seconds timeout = m_commandTimeout * 3; // sacct over a long window takes a while
    m_link->submit<Result<QList<SlurmJob>>>(
        [since, timeout](ControllerShell &shell) {
            return ControllerQueries::history(shell, since, timeout);
        },
        context, std::move(done));
}

void SlurmMonitor::fetchJobDetails(qint64 jobId, QObject *context,
                                   std::function<void(Result<SlurmJobDetails>)> done)
{
    const std::chrono::seconds timeout = m_commandTimeout;
    m_link->submit<Result<SlurmJobDetails>>(
        [jobId, timeout](ControllerShell &shell) {
            return ControllerQueries::jobDetails(shell, jobId, timeout);
        },
        context, std::move(done));
}

} // namespace SlurmDeck
