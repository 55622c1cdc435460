// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SlurmActions.h"

#include "common/Executor.h"

#include "slurm/ControllerLink.h"
#include "slurm/ControllerQueries.h"
#include "slurm/JobRequest.h"
#include "slurm/NodeLifecycle.h"
#include "slurm/SlurmMonitor.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

namespace SlurmDeck {

namespace {

constexpr std::chrono::seconds actionTimeout{30};

} // namespace

SlurmActions::SlurmActions(SlurmMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_link(monitor->link())
    , m_endpoint(std::make_shared<const SlurmEndpoint>(monitor->endpoint()))
{}

SlurmActions::~SlurmActions()
{
    m_cancel.cancel();
}

void SlurmActions::report(const QString &description, const Result<QString> &result, QObject *context,
                          const Done &done)
{
    emit actionFinished(description, result.has_value(), result ? *result : result.error().toString());
    if (result && m_monitor)
        m_monitor->refreshNow();
    if (context && done)
        done(result);
}

void SlurmActions::runCommand(const QString &description, Result<QStringList> argv, QObject *context,
                              Done done)
{
    const QPointer<QObject> receiver(context);
    if (!argv) {
        // Checked before anything runs; still answered asynchronously, like every action.
        const Error error = argv.error();
        QTimer::singleShot(0, this, [this, description, error, receiver, done] {
            report(description, Result<QString>(error), receiver.data(), done);
        });
        return;
    }
    const QStringList command = *argv;
    m_link->submit<Result<QString>>(
        [command, description](ControllerShell &shell) {
            return ControllerQueries::command(shell, command, description, actionTimeout);
        },
        this,
        [this, description, receiver, done](Result<QString> result) {
            if (result)
                result = description.isEmpty() ? *result : description + QStringLiteral(": done");
            report(description, result, receiver.data(), done);
        });
}

void SlurmActions::drainNode(const QString &node, const QString &reason, QObject *context, Done done)
{
    runCommand(tr("drain %1").arg(node), SlurmCommands::drainNode(node, reason), context, std::move(done));
}

void SlurmActions::resumeNode(const QString &node, QObject *context, Done done)
{
    runCommand(tr("resume %1").arg(node), SlurmCommands::resumeNode(node), context, std::move(done));
}

void SlurmActions::downNode(const QString &node, const QString &reason, QObject *context, Done done)
{
    runCommand(tr("set %1 down").arg(node), SlurmCommands::downNode(node, reason), context, std::move(done));
}

void SlurmActions::cancelJob(const QString &jobId, QObject *context, Done done)
{
    jobAction(SlurmCommands::JobAction::Cancel, jobId, context, std::move(done));
}

void SlurmActions::holdJob(const QString &jobId, QObject *context, Done done)
{
    jobAction(SlurmCommands::JobAction::Hold, jobId, context, std::move(done));
}

void SlurmActions::releaseJob(const QString &jobId, QObject *context, Done done)
{
    jobAction(SlurmCommands::JobAction::Release, jobId, context, std::move(done));
}

void SlurmActions::requeueJob(const QString &jobId, QObject *context, Done done)
{
    jobAction(SlurmCommands::JobAction::Requeue, jobId, context, std::move(done));
}

void SlurmActions::jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context,
                             Done done)
{
    runCommand(tr("%1 job %2").arg(SlurmCommands::toString(action), jobId),
               SlurmCommands::jobAction(action, jobId), context, std::move(done));
}

void SlurmActions::submitJob(const JobRequest &given, QObject *context, Done done)
{
    JobRequest request = given;
    if (request.workingDirectory.isEmpty())
        request.workingDirectory = m_endpoint->sharedWorkingDirectory();
    if (request.user.isEmpty())
        request.user = m_endpoint->users.value(0); // none: root, as before the cluster had users
    const QString description =
        request.name.isEmpty() ? tr("submit a job") : tr("submit job %1").arg(request.name);
    const QStringList argv = JobRequests::submitArgv(request);
    const QByteArray input = JobRequests::submitInput(request);
    const QPointer<QObject> receiver(context);
    m_link->submit<Result<QString>>(
        [argv, input](ControllerShell &shell) {
            return ControllerQueries::submit(shell, argv, input, actionTimeout);
        },
        this,
        [this, description, receiver, done](const Result<QString> &jobId) {
            report(description, jobId, receiver.data(), done);
        });
}

void SlurmActions::jobDetails(qint64 jobId, QObject *context,
                              std::function<void(Result<SlurmJobDetails>)> done)
{
    if (!m_monitor) {
        const QPointer<QObject> receiver(context);
        QTimer::singleShot(0, this, [receiver, done] {
            if (receiver)
                done(makeError(Error::Code::Cancelled, tr("The cluster was closed.")));
        });
        return;
    }
    m_monitor->fetchJobDetails(jobId, context, std::move(done));
}

SlurmActions::Access SlurmActions::access(Progress progress)
{
    NodeLifecycle::Access access;
    access.endpoint = *m_endpoint;
    access.hostKeys = m_link->hostKeys();
    access.credentials = m_link->credentials();
    access.cancel = m_cancel;
    if (progress) {
        const QPointer<SlurmActions> self(this);
        access.progress = [self, progress](const QString &line) {
            if (self)
                QMetaObject::invokeMethod(
                    self.data(), [progress, line] { progress(line); }, Qt::QueuedConnection);
        };
    }
    return access;
}

void SlurmActions::runLong(const QString &description, std::function<Result<QString>()> work,
                           QObject *context, Done done)
{
    const QPointer<QObject> receiver(context);
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this,
            [this, watcher, description, receiver, done] {
                const Result<QString> result = watcher->result();
                watcher->deleteLater();
                report(description, result, receiver.data(), done);
            });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Actions), std::move(work)));
}

void SlurmActions::tailJobOutput(qint64 jobId, int lines, QObject *context,
                                 std::function<void(Result<QString>)> done)
{
    const QPointer<QObject> receiver(context);
    const NodeLifecycle::Access reach = access({});
    jobDetails(jobId, this, [this, jobId, lines, receiver, done, reach](Result<SlurmJobDetails> details) {
        const QString description = tr("read the output of job %1").arg(jobId);
        if (!details) {
            report(description, details.error(), receiver.data(), done);
            return;
        }
        const SlurmJob &job = details->job;
        if (job.state == u"PENDING" || details->batchHost.isEmpty()) {
            report(description,
                   makeError(
                       Error::Code::NotFound,
                       tr("Job %1 has not started (%2), so it has no output yet.").arg(jobId).arg(job.state)),
                   receiver.data(), done);
            return;
        }
        if (job.stdOut.isEmpty()) {
            report(description, makeError(Error::Code::NotFound, tr("Job %1 has no output file.").arg(jobId)),
                   receiver.data(), done);
            return;
        }
        if (!details->userId || !details->groupId) {
            report(description,
                   makeError(Error::Code::Parse,
                             tr("Slurm did not say who owns job %1, so its output is not read (it would be "
                                "read as root).")
                                 .arg(jobId)),
                   receiver.data(), done);
            return;
        }
        const QString host = details->batchHost;
        const QString file = job.stdOut;
        const qint64 uid = *details->userId;
        const qint64 gid = *details->groupId;
        runLong(
            description,
            [reach, host, file, lines, uid, gid] {
                return NodeLifecycle::tailFile(reach, host, file, lines, uid, gid);
            },
            receiver.data(), done);
    });
}

void SlurmActions::drainAndStopNode(const QString &node, const QString &reason, std::chrono::seconds jobWait,
                                    QObject *context, Progress progress, Done done)
{
    const NodeLifecycle::Access reach = access(std::move(progress));
    runLong(
        tr("drain and stop %1").arg(node),
        [reach, node, reason, jobWait] { return NodeLifecycle::drainAndStop(reach, node, reason, jobWait); },
        context, std::move(done));
}

void SlurmActions::startAndResumeNode(const QString &node, std::chrono::seconds registerWait,
                                      QObject *context, Progress progress, Done done)
{
    const NodeLifecycle::Access reach = access(std::move(progress));
    runLong(
        tr("start and resume %1").arg(node),
        [reach, node, registerWait] { return NodeLifecycle::startAndResume(reach, node, registerWait); },
        context, std::move(done));
}

} // namespace SlurmDeck
