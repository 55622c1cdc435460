#include "slurm/SlurmMonitor.h"

#include "slurm/ControllerLink.h"
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
}

void SlurmMonitor::setBackoffCap(std::chrono::milliseconds cap)
{
    m_schedule.setCap(cap);
}

void SlurmMonitor::scheduleNext()
{}

void SlurmMonitor::poll()
{}

void SlurmMonitor::pollFinished(const PollOutcome &outcome)
{
    Q_UNUSED(outcome);
}

void SlurmMonitor::fetchHistory(const QDateTime &since, QObject *context,
                                std::function<void(Result<QList<SlurmJob>>)> done)
{
    Q_UNUSED(since);
    Q_UNUSED(context);
    Q_UNUSED(done);
}

void SlurmMonitor::fetchJobDetails(qint64 jobId, QObject *context,
                                   std::function<void(Result<SlurmJobDetails>)> done)
{
    Q_UNUSED(jobId);
    Q_UNUSED(context);
    Q_UNUSED(done);
}

} // namespace SlurmDeck
