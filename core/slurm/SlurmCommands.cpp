// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SlurmCommands.h"

#include <QObject>
#include <QRegularExpression>

namespace SlurmDeck::SlurmCommands {

QString toString(JobAction action)
{
    switch (action) {
    case JobAction::Cancel:
        return QStringLiteral("cancel");
    case JobAction::Hold:
        return QStringLiteral("hold");
    case JobAction::Release:
        return QStringLiteral("release");
    case JobAction::Requeue:
        return QStringLiteral("requeue");
    }
    return {};
}

bool isValidNodeName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

bool isValidJobId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[1-9][0-9]{0,9}([_+][0-9]{1,9})?$"));
    return pattern.match(id).hasMatch();
}

namespace {

Error badNode(const QString &node)
{
    return makeError(
        Error::Code::InvalidArgument,
        QObject::tr("'%1' is not a node name. Give a node as 'slurmdeck-cli nodes' lists it.").arg(node));
}

Result<QString> checkedReason(const QString &action, const QString &reason)
{
    const QString trimmed = reason.simplified();
    if (trimmed.isEmpty()) {
        return makeError(
            Error::Code::InvalidArgument,
            QObject::tr("A %1 needs a reason (e.g. \"disk replacement\"), so others know why the "
                        "node is out.")
                .arg(action));
    }
    return trimmed;
}

Result<QStringList> updateState(const QString &node, const QString &state, const QString &reason)
{
    QStringList argv{QStringLiteral("scontrol"), QStringLiteral("update"), QStringLiteral("NodeName=") + node,
                     QStringLiteral("State=") + state};
    if (!reason.isEmpty())
        argv << QStringLiteral("Reason=") + reason;
    return argv;
}

} // namespace

Result<QStringList> drainNode(const QString &node, const QString &reason)
{
    if (!isValidNodeName(node))
        return badNode(node);
    const Result<QString> checked = checkedReason(QObject::tr("drain"), reason);
    if (!checked)
        return checked.error();
    return updateState(node, QStringLiteral("DRAIN"), *checked);
}

Result<QStringList> resumeNode(const QString &node)
{
    if (!isValidNodeName(node))
        return badNode(node);
    return updateState(node, QStringLiteral("RESUME"), {});
}

Result<QStringList> downNode(const QString &node, const QString &reason)
{
    if (!isValidNodeName(node))
        return badNode(node);
    const Result<QString> checked = checkedReason(QObject::tr("down"), reason);
    if (!checked)
        return checked.error();
    return updateState(node, QStringLiteral("DOWN"), *checked);
}

Result<QStringList> jobAction(JobAction action, const QString &jobId)
{
    if (!isValidJobId(jobId)) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("'%1' is not a job id. Give the id 'slurmdeck-cli jobs' shows, e.g. 42 "
                                     "or 42_3.")
                             .arg(jobId));
    }
    switch (action) {
    case JobAction::Cancel:
        return QStringList{QStringLiteral("scancel"), jobId};
    case JobAction::Hold:
    case JobAction::Release:
    case JobAction::Requeue:
        return QStringList{QStringLiteral("scontrol"), toString(action), jobId};
    }
    return makeError(Error::Code::InvalidArgument, QObject::tr("Unknown job action."));
}

QStringList jobsOnNodeArgv(const QString &node)
{
    return {QStringLiteral("squeue"), QStringLiteral("-h"),
            QStringLiteral("-w"),     node,
            QStringLiteral("-t"),     QStringLiteral("RUNNING,COMPLETING,SUSPENDED"),
            QStringLiteral("-o"),     QStringLiteral("%A")};
}

} // namespace SlurmDeck::SlurmCommands
