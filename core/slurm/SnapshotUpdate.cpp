// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/SnapshotUpdate.h"

#include "remote/ShellQuote.h"

#include <QObject>
#include <QRandomGenerator>

namespace SlurmDeck {

namespace {

void succeeded(SourceHealth &source, const QDateTime &at)
{
    source.ok = true;
    source.error.clear();
    source.lastSuccess = at;
    source.lastAttempt = at;
}

void failed(SourceHealth &source, const QDateTime &at, const QString &error)
{
    source.ok = false;
    source.error = error;
    source.lastAttempt = at;
}

} // namespace

ClusterSnapshot applyPoll(ClusterSnapshot previous, const PollOutcome &outcome)
{
    ClusterSnapshot next = std::move(previous);
    const QDateTime &at = outcome.at;
    if (outcome.sshError) {
        const QString why = outcome.sshError->toString();
        failed(next.ssh, at, why);
        const QString hidden = QObject::tr("Unknown while the SSH connection to the controller host fails.");
        failed(next.controller, at, hidden);
        if (outcome.accountingChecked || !next.accounting.ok)
            failed(next.accounting, at, hidden);
        return next;
    }
    succeeded(next.ssh, at);
    if (outcome.version && outcome.version->isKnown())
        next.version = *outcome.version;
    if (outcome.controllerError) {
        failed(next.controller, at, outcome.controllerError->toString());
    } else {
        succeeded(next.controller, at);
        next.takenAt = at;
        next.nodes = outcome.nodes;
        next.partitions = outcome.partitions;
        next.jobs = outcome.jobs;
    }
    if (outcome.accountingChecked) {
        if (outcome.accountingError)
            failed(next.accounting, at, outcome.accountingError->toString());
        else
            succeeded(next.accounting, at);
    }
    return next;
}

namespace PollScript {

namespace {

QByteArray fence(const QString &nonce, const char *what, const QString &name)
{
    return QByteArrayLiteral("@@slurmdeck-") + nonce.toLatin1() + ' ' + what + ' ' + name.toUtf8();
}

} // namespace

QString newNonce()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

// Each command's stderr goes to a temporary file in the container and is printed after its
// exit status; a newline before every closing fence keeps an output without a final
// newline apart from it.
QString build(const QList<Query> &queries, const QString &nonce)
{
    const QString mark = QStringLiteral("@@slurmdeck-") + nonce;
    QString script = QStringLiteral("t=$(mktemp 2>/dev/null) || t=/tmp/slurmdeck-poll.$$\n");
    for (const Query &query : queries) {
        const QString name = Shell::quote(query.name);
        script += QStringLiteral("printf '%s begin %s\\n' %1 %2\n").arg(mark, name);
        script += QStringLiteral("timeout %1 %2 2>\"$t\" </dev/null\n")
                      .arg(query.timeoutSeconds)
                      .arg(Shell::join(query.argv));
        script += QStringLiteral("printf '\\n%s status %s %s\\n' %1 %2 \"$?\"\n").arg(mark, name);
        script += QStringLiteral("cat \"$t\"\n");
        script += QStringLiteral("printf '\\n%s end %s\\n' %1 %2\n").arg(mark, name);
    }
    script += QStringLiteral("rm -f \"$t\"\n");
    return script;
}

QHash<QString, Section> split(const QByteArray &output, const QString &nonce)
{
    QHash<QString, Section> sections;
    const QByteArray prefix = QByteArrayLiteral("@@slurmdeck-") + nonce.toLatin1() + ' ';
    qsizetype position = 0;
    while (true) {
        const qsizetype begin = output.indexOf(prefix, position);
        if (begin < 0)
            break;
        const qsizetype beginEnd = output.indexOf('\n', begin);
        if (beginEnd < 0)
            break;
        const QByteArray header = output.mid(begin + prefix.size(), beginEnd - begin - prefix.size());
        position = beginEnd + 1;
        if (!header.startsWith("begin "))
            continue;
        const QString name = QString::fromUtf8(header.mid(6));
        const QByteArray statusFence = '\n' + fence(nonce, "status", name) + ' ';
        const qsizetype status = output.indexOf(statusFence, position);
        if (status < 0)
            break;
        Section section;
        section.output = output.mid(position, status - position);
        const qsizetype statusEnd = output.indexOf('\n', status + statusFence.size());
        if (statusEnd < 0)
            break;
        bool ok = false;
        const int exitStatus =
            output.mid(status + statusFence.size(), statusEnd - status - statusFence.size()).toInt(&ok);
        position = statusEnd + 1;
        const QByteArray endFence = '\n' + fence(nonce, "end", name) + '\n';
        const qsizetype end = output.indexOf(endFence, position);
        if (end < 0)
            break;
        section.errors = output.mid(position, end - position).trimmed();
        section.exitStatus = ok ? exitStatus : -1;
        position = end + endFence.size();
        sections.insert(name, section);
    }
    return sections;
}

} // namespace PollScript

} // namespace SlurmDeck
