// SPDX-License-Identifier: GPL-3.0-or-later
#include "slurm/JobMemoryUse.h"

#include "slurm/SlurmFormats.h"
#include "slurm/SlurmText.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace SlurmDeck::JobMemoryUse {

namespace {

bool endedAfterRunning(const SlurmJob &job)
{
    return (job.state == u"FAILED" || job.state == u"CANCELLED") && job.startTime.isValid() &&
           !job.nodeList.isEmpty();
}

// "150M", "4G", older Slurm's "150Mn" (per node) and "100Mc" (per CPU, left as printed).
qint64 requestedMegabytes(QStringView text)
{
    QStringView value = text.trimmed();
    if (value.endsWith(u'n') || value.endsWith(u'c'))
        value.chop(1);
    const std::optional<qint64> mb = SlurmText::megabytes(value);
    return mb && *mb > 0 ? *mb : 0;
}

// "313252K", "306M", "1.50G" (sacct scales large values) -> KiB.
qint64 rssKilobytes(QStringView text)
{
    QStringView value = text.trimmed();
    if (value.isEmpty())
        return 0;
    qint64 factor = 1;
    switch (value.back().toUpper().unicode()) {
    case u'K':
        value.chop(1);
        break;
    case u'M':
        factor = 1024;
        value.chop(1);
        break;
    case u'G':
        factor = 1024 * 1024;
        value.chop(1);
        break;
    case u'T':
        factor = 1024LL * 1024 * 1024;
        value.chop(1);
        break;
    default:
        factor = 1;
        break;
    }
    const std::optional<double> number = SlurmText::decimal(value);
    if (!number || !std::isfinite(*number) || *number < 0 || *number > 1e12)
        return 0;
    return qint64(*number * double(factor));
}

} // namespace

QList<qint64> candidates(const QList<SlurmJob> &jobs)
{
    QList<const SlurmJob *> ended;
    for (const SlurmJob &job : jobs) {
        if (endedAfterRunning(job) && job.jobId > 0)
            ended << &job;
    }
    std::sort(ended.begin(), ended.end(),
              [](const SlurmJob *a, const SlurmJob *b) { return a->jobId > b->jobId; });
    QList<qint64> ids;
    for (qsizetype i = 0; i < ended.size() && i < maxJobsAsked; ++i)
        ids << ended.at(i)->jobId;
    return ids;
}

QStringList argv(const QList<qint64> &jobIds)
{
    QStringList ids;
    ids.reserve(jobIds.size());
    for (const qint64 id : jobIds)
        ids << QString::number(id);
    return {QStringLiteral("sacct"),
            QStringLiteral("--allusers"),
            QStringLiteral("--noheader"),
            QStringLiteral("--parsable2"),
            QStringLiteral("--delimiter=") + SlurmFormats::fieldSeparator,
            QStringLiteral("--jobs=") + ids.join(u','),
            QStringLiteral("--format=JobIDRaw,State,ReqMem,MaxRSS")};
}

QHash<qint64, Use> parse(const QByteArray &output)
{
    QHash<qint64, Use> uses;
    const QString text = QString::fromUtf8(output);
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const QList<QStringView> fields = line.split(SlurmFormats::fieldSeparator);
        if (fields.size() != 4)
            continue;
        const QStringView id = fields.at(0).trimmed();
        const qsizetype dot = id.indexOf(u'.');
        const std::optional<qint64> jobId = SlurmText::integer(dot < 0 ? id : id.first(dot));
        if (!jobId || *jobId <= 0)
            continue;
        Use &use = uses[*jobId];
        if (dot < 0)
            use.requestedMb = requestedMegabytes(fields.at(2));
        else
            use.maxRssKb = std::max(use.maxRssKb, rssKilobytes(fields.at(3)));
    }
    return uses;
}

int markOutOfMemory(QList<SlurmJob> &jobs, const QHash<qint64, Use> &uses)
{
    int changed = 0;
    for (SlurmJob &job : jobs) {
        const auto use = uses.constFind(job.jobId);
        if (use == uses.cend() || !endedAfterRunning(job) || use->requestedMb <= 0 ||
            use->maxRssKb <= use->requestedMb * 1024)
            continue;
        job.state = QStringLiteral("OUT_OF_MEMORY");
        job.reason = QObject::tr("Stopped using %1 MB, over its --mem of %2 MB")
                         .arg((use->maxRssKb + 1023) / 1024)
                         .arg(use->requestedMb);
        ++changed;
    }
    return changed;
}

} // namespace SlurmDeck::JobMemoryUse
