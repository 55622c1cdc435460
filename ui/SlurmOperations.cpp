// SPDX-License-Identifier: GPL-3.0-or-later
#include "SlurmOperations.h"

#include "slurm/SlurmActions.h"
#include "slurm/SlurmMonitor.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace SlurmDeck::Ui {

namespace {

Error notConnected()
{
    return makeError(
        Error::Code::NotFound,
        QCoreApplication::translate("SlurmOperations",
                                    "No cluster is being monitored. Open the cluster file in Hosts and "
                                    "show Nodes or Jobs to connect."));
}

// Fails later, never inside the caller: callbacks always run after the call returns.
template<typename T>
void failLater(QObject *context, std::function<void(Result<T>)> done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] { done(notConnected()); });
}

} // namespace

SlurmOperations::SlurmOperations(SlurmMonitor *monitor, SlurmActions *actions)
    : m_monitor(monitor), m_actions(actions)
{}

void SlurmOperations::nodeAction(NodeAction action, const QString &node, const QString &reason,
                                 QObject *context, Progress progress, Done done)
{
    if (!m_actions) {
        failLater<QString>(context, std::move(done));
        return;
    }
    switch (action) {
    case NodeAction::Drain:
        m_actions->drainNode(node, reason, context, std::move(done));
        return;
    case NodeAction::Resume:
        m_actions->resumeNode(node, context, std::move(done));
        return;
    case NodeAction::Down:
        m_actions->downNode(node, reason, context, std::move(done));
        return;
    case NodeAction::DrainAndStop:
        m_actions->drainAndStopNode(node, reason, m_jobWait, context, std::move(progress), std::move(done));
        return;
    case NodeAction::StartAndResume:
        m_actions->startAndResumeNode(node, m_registerWait, context, std::move(progress), std::move(done));
        return;
    }
}

void SlurmOperations::jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context,
                                Done done)
{
    if (!m_actions) {
        failLater<QString>(context, std::move(done));
        return;
    }
    m_actions->jobAction(action, jobId, context, std::move(done));
}

void SlurmOperations::jobDetails(qint64 jobId, QObject *context,
                                 std::function<void(Result<SlurmJobDetails>)> done)
{
    if (!m_actions) {
        failLater<SlurmJobDetails>(context, std::move(done));
        return;
    }
    m_actions->jobDetails(jobId, context, std::move(done));
}

void SlurmOperations::jobOutputTail(qint64 jobId, int lines, QObject *context,
                                    std::function<void(Result<QString>)> done)
{
    if (!m_actions) {
        failLater<QString>(context, std::move(done));
        return;
    }
    m_actions->tailJobOutput(jobId, lines, context, std::move(done));
}

void SlurmOperations::history(const QDateTime &since, QObject *context,
                              std::function<void(Result<QList<SlurmJob>>)> done)
{
    if (!m_monitor) {
        failLater<QList<SlurmJob>>(context, std::move(done));
        return;
    }
    m_monitor->fetchHistory(since, context, std::move(done));
}

void SlurmOperations::submitJob(const JobRequest &request, QObject *context, Done done)
{
    if (!m_actions) {
        failLater<QString>(context, std::move(done));
        return;
    }
    m_actions->submitJob(request, context, std::move(done));
}

void SlurmOperations::refresh()
{
    if (m_monitor)
        m_monitor->refreshNow();
}

QString SlurmOperations::sharedWorkingDirectory() const
{
    return m_monitor ? m_monitor->endpoint().sharedWorkingDirectory() : QString();
}

QStringList SlurmOperations::clusterUsers() const
{
    return m_monitor ? m_monitor->endpoint().users : QStringList();
}

} // namespace SlurmDeck::Ui
