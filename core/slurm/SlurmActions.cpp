#include "slurm/SlurmActions.h"

#include "slurm/ControllerLink.h"
#include "slurm/SlurmMonitor.h"

namespace SlurmDeck {

// Stubs: the implementation follows.
SlurmActions::SlurmActions(SlurmMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_link(monitor->link())
    , m_endpoint(std::make_shared<const SlurmEndpoint>(monitor->endpoint()))
{}

SlurmActions::~SlurmActions() = default;

void SlurmActions::drainNode(const QString &, const QString &, QObject *, Done)
{}
void SlurmActions::resumeNode(const QString &, QObject *, Done)
{}
void SlurmActions::downNode(const QString &, const QString &, QObject *, Done)
{}
void SlurmActions::cancelJob(const QString &, QObject *, Done)
{}
void SlurmActions::holdJob(const QString &, QObject *, Done)
{}
void SlurmActions::releaseJob(const QString &, QObject *, Done)
{}
void SlurmActions::requeueJob(const QString &, QObject *, Done)
{}
void SlurmActions::jobAction(SlurmCommands::JobAction, const QString &, QObject *, Done)
{}
void SlurmActions::jobDetails(qint64, QObject *, std::function<void(Result<SlurmJobDetails>)>)
{}
void SlurmActions::tailJobOutput(qint64, int, QObject *, std::function<void(Result<QString>)>)
{}
void SlurmActions::drainAndStopNode(const QString &, const QString &, std::chrono::seconds, QObject *,
                                    Progress, Done)
{}
void SlurmActions::startAndResumeNode(const QString &, std::chrono::seconds, QObject *, Progress, Done)
{}
void SlurmActions::runCommand(const QString &, Result<QStringList>, QObject *, Done)
{}
void SlurmActions::report(const QString &, const Result<QString> &, const Done &)
{}

} // namespace SlurmDeck
