// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SlurmCliArguments.h"

#include "common/DurationText.h"
#include "slurm/SlurmCommands.h"
#include "slurm/SlurmQueries.h"

#include <QObject>

namespace SlurmDeck {

namespace {

Error usage(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

} // namespace

Result<NodesRequest> parseNodesRequest(const QStringList &positional, const std::optional<QString> &reason,
                                       const std::optional<QString> &wait)
{
    using Action = NodesRequest::Action;
    NodesRequest request;
    if (positional.isEmpty()) {
        if (reason || wait)
            return usage(
                QObject::tr("--reason and --wait go with an action, e.g. 'nodes drain NODE --reason R'."));
        return request;
    }
    const QString verb = positional.first();
    if (verb == u"drain")
        request.action = Action::Drain;
    else if (verb == u"resume")
        request.action = Action::Resume;
    else if (verb == u"down")
        request.action = Action::Down;
    else if (verb == u"stop")
        request.action = Action::Stop;
    else if (verb == u"start")
        request.action = Action::Start;
    else
        return usage(
            QObject::tr("nodes: unknown action '%1'; use drain, resume, down, stop or start.").arg(verb));
    if (positional.size() < 2)
        return usage(
            QObject::tr("nodes %1 wants a NODE, e.g. 'nodes %1 worker1' or 'nodes %1 'worker[1-3]''.")
                .arg(verb));
    for (const QString &argument : positional.mid(1)) {
        const QStringList expanded = SlurmQueries::expandHostList(argument);
        if (expanded.isEmpty())
            return usage(QObject::tr("'%1' is not a node name or hostlist.").arg(argument));
        for (const QString &node : expanded) {
            if (!SlurmCommands::isValidNodeName(node))
                return usage(
                    QObject::tr("'%1' is not a node name (in '%2'); put a reason with spaces in quotes "
                                "after --reason.")
                        .arg(node, argument));
            if (!request.nodes.contains(node))
                request.nodes << node;
        }
    }

    const bool needsReason =
        request.action == Action::Drain || request.action == Action::Down || request.action == Action::Stop;
    if (needsReason) {
        if (!reason || reason->trimmed().isEmpty())
            return usage(
                QObject::tr("nodes %1 needs --reason \"why\" (e.g. \"disk replacement\"), so others know "
                            "why the node is out.")
                    .arg(verb));
        request.reason = reason->simplified();
    } else if (reason) {
        return usage(QObject::tr("nodes %1 takes no --reason.").arg(verb));
    }

    const bool waits = request.action == Action::Stop || request.action == Action::Start;
    if (waits) {
        request.wait = request.action == Action::Stop ? std::chrono::seconds(600) : std::chrono::seconds(120);
        if (wait) {
            const Result<std::chrono::seconds> parsed = DurationText::parse(*wait);
            if (!parsed)
                return usage(QObject::tr("--wait: %1").arg(parsed.error().message));
            request.wait = *parsed;
        }
    } else if (wait) {
        return usage(QObject::tr("--wait goes with 'nodes stop' and 'nodes start'."));
    }
    return request;
}

Result<JobsRequest> parseJobsRequest(const QStringList &positional, const std::optional<QString> &lines)
{
    using Action = JobsRequest::Action;
    JobsRequest request;
    if (positional.isEmpty()) {
        if (lines)
            return usage(QObject::tr("--lines goes with 'jobs output ID'."));
        return request;
    }
    const QString verb = positional.first();
    if (verb == u"cancel")
        request.action = Action::Cancel;
    else if (verb == u"hold")
        request.action = Action::Hold;
    else if (verb == u"release")
        request.action = Action::Release;
    else if (verb == u"requeue")
        request.action = Action::Requeue;
    else if (verb == u"show")
        request.action = Action::Show;
    else if (verb == u"output")
        request.action = Action::Output;
    else
        return usage(
            QObject::tr("jobs: unknown action '%1'; use cancel, hold, release, requeue, show or output.")
                .arg(verb));
    const bool single = request.action == Action::Show || request.action == Action::Output;
    if (positional.size() < 2 || (single && positional.size() != 2))
        return usage(single ? QObject::tr("jobs %1 wants one job ID, e.g. 'jobs %1 42'.").arg(verb)
                            : QObject::tr("jobs %1 wants job IDs, e.g. 'jobs %1 42 43'.").arg(verb));
    for (const QString &id : positional.mid(1)) {
        if (!SlurmCommands::isValidJobId(id))
            return usage(QObject::tr("'%1' is not a job id; 'slurmdeck-cli jobs' lists them.").arg(id));
        if (!request.jobIds.contains(id))
            request.jobIds << id;
    }
    const bool numeric =
        !request.jobIds.constFirst().contains(u'_') && !request.jobIds.constFirst().contains(u'+');
    if (single && !numeric)
        return usage(
            QObject::tr("jobs %1 wants the numeric job id (the JOBID column of 'jobs --json': job_id).")
                .arg(verb));
    if (lines) {
        if (request.action != Action::Output)
            return usage(QObject::tr("--lines goes with 'jobs output ID'."));
        bool ok = false;
        request.lines = lines->toInt(&ok);
        if (!ok || request.lines < 1 || request.lines > 100000)
            return usage(QObject::tr("--lines wants a number of lines from 1 to 100000."));
    }
    return request;
}

} // namespace SlurmDeck
