#include "slurm/SlurmMonitor.h"

#include "slurm/ControllerLink.h"
#include "slurm/ControllerQueries.h"
#include "slurm/SnapshotUpdate.h"

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
    m_link->submit<PollOutcome>(
        [request](ControllerShell &shell) { return ControllerQueries::poll(shell, request); }, this,
        [this](PollOutcome outcome) { pollFinished(outcome); });
}

void SlurmMonitor::pollFinished(const PollOutcome &outcome)
{
    m_polling = false;
    const bool wasStale = m_snapshot.isStale();
    const bool first = !m_snapshot.ssh.lastAttempt.isValid();
    m_snapshot = applyPoll(std::move(m_snapshot), outcome);
    if (!m_endpoint.accounting) {
        m_snapshot.accounting.ok = false;
        m_snapshot.accounting.error = tr("Not deployed: no host of the cluster runs slurmdbd.");
    }
    if (outcome.sshError || outcome.controllerError)
        m_schedule.recordFailure();
    else
        m_schedule.recordSuccess();
    emit snapshotUpdated(m_snapshot);
    if (first || wasStale != m_snapshot.isStale())
        emit staleChanged(m_snapshot.isStale());
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
