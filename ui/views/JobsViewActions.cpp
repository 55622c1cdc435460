// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs view's job actions: cancel, hold, release and requeue the selected jobs, with a
// confirmation where the action cannot be undone.
#include "Confirmation.h"
#include "slurm/SnapshotChanges.h"
#include "views/JobStates.h"
#include "views/JobsView.h"

#include <QPointer>

namespace SlurmDeck::Ui {

using JobStates::isHeld;
using JobStates::stateIs;

namespace {

QString doingText(SlurmCommands::JobAction action)
{
    switch (action) {
    case SlurmCommands::JobAction::Cancel:
        return JobsView::tr("Cancelling job %1…");
    case SlurmCommands::JobAction::Hold:
        return JobsView::tr("Holding job %1…");
    case SlurmCommands::JobAction::Release:
        return JobsView::tr("Releasing job %1…");
    case SlurmCommands::JobAction::Requeue:
        return JobsView::tr("Requeuing job %1…");
    }
    return {};
}

} // namespace

void JobsView::cancelSelected()
{
    confirmThenRun(JobAction::Cancel);
}

void JobsView::holdSelected()
{
    QStringList ids;
    for (const SlurmJob *job : selectedJobs()) {
        if (stateIs(*job, QLatin1StringView("PENDING")) && !isHeld(*job))
            ids << job->id;
    }
    run(JobAction::Hold, ids);
}

void JobsView::releaseSelected()
{
    QStringList ids;
    for (const SlurmJob *job : selectedJobs()) {
        if (isHeld(*job))
            ids << job->id;
    }
    run(JobAction::Release, ids);
}

void JobsView::requeueSelected()
{
    confirmThenRun(JobAction::Requeue);
}

void JobsView::confirmThenRun(JobAction action)
{
    QStringList ids;
    QStringList described;
    for (const SlurmJob *job : selectedJobs()) {
        const bool final = SnapshotChanges::isFinalJobState(job->state);
        if (action == JobAction::Cancel && final)
            continue;
        ids << job->id;
        described << tr("%1 (%2, %3)").arg(job->id, job->name, job->user);
    }
    if (ids.isEmpty() || !m_operations)
        return;
    const QString list = described.join(QStringLiteral(", "));
    const Confirmation::Question question =
        action == JobAction::Cancel
            ? Confirmation::Question{tr("Cancel jobs"),
                                     tr("Cancel %1? Running processes are killed; this cannot be undone.")
                                         .arg(list),
                                     tr("&Cancel jobs")}
            : Confirmation::Question{
                  tr("Requeue jobs"),
                  tr("Requeue %1? A running job is stopped and queued again; it starts over "
                     "from the beginning.")
                      .arg(list),
                  tr("Re&queue")};
    m_confirmation->ask(this, question, [self = QPointer<JobsView>(this), action, ids](bool yes) {
        if (self && yes)
            self->run(action, ids);
    });
}

void JobsView::run(JobAction action, const QStringList &ids)
{
    if (ids.isEmpty() || !m_operations)
        return;
    for (const QString &id : ids) {
        showNotice(doingText(action).arg(id), false);
        m_operations->jobAction(action, id, this, [self = QPointer<JobsView>(this)](Result<QString> result) {
            if (!self)
                return;
            const QString message = result ? *result : result.error().toString();
            self->showNotice(message, !result);
            emit self->actionFinished(message, result.has_value());
            if (result && self->m_operations)
                self->m_operations->refresh();
        });
    }
}

} // namespace SlurmDeck::Ui
