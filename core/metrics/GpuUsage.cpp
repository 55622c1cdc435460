// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/GpuUsage.h"

#include "slurm/SlurmQueries.h"
#include "slurm/SlurmText.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace SlurmDeck {

namespace {

constexpr int maxGpuIndex = 1024;

std::optional<int> gpuIndex(QStringView text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 0 || value >= maxGpuIndex)
        return std::nullopt;
    return value;
}

// "node1: 0,1" or "node[1-2]: 0-1" (SlurmJobDetails::gpuIndices) -> nodes and indices.
void detailEntries(const SlurmJobDetails &details, QHash<QString, QHash<int, QStringList>> &byNode)
{
    for (const QString &entry : details.gpuIndices) {
        const qsizetype colon = entry.indexOf(QStringLiteral(": "));
        if (colon <= 0)
            continue;
        const QStringList nodes = SlurmQueries::expandHostList(entry.left(colon).trimmed());
        const QList<int> indices = expandGpuIndices(QStringView(entry).sliced(colon + 2));
        for (const QString &node : nodes) {
            for (const int index : indices)
                byNode[node][index].append(details.job.id);
        }
    }
}

const SlurmJob *jobById(const QList<SlurmJob> &jobs, const QString &id)
{
    for (const SlurmJob &job : jobs) {
        if (job.id == id)
            return &job;
    }
    return nullptr;
}

void addHolder(GpuUsage &usage, const SlurmJob &job)
{
    if (usage.jobIds.contains(job.id))
        return;
    usage.jobIds.append(job.id);
    usage.jobNames.append(job.name);
    if (!job.user.isEmpty() && !usage.users.contains(job.user))
        usage.users.append(job.user);
}

} // namespace

QString GpuUsage::key() const
{
    return gpu.host + u'|' + (gpu.uuid.isEmpty() ? QStringLiteral("#%1").arg(gpu.index) : gpu.uuid);
}

QList<int> expandGpuIndices(QStringView text)
{
    QList<int> indices;
    for (QStringView item : text.split(u',')) {
        item = item.trimmed();
        const qsizetype dash = item.indexOf(u'-');
        if (dash < 0) {
            if (const auto index = gpuIndex(item); index && !indices.contains(*index))
                indices.append(*index);
            continue;
        }
        const auto first = gpuIndex(item.left(dash));
        const auto last = gpuIndex(item.sliced(dash + 1));
        if (!first || !last || *last < *first)
            continue;
        for (int index = *first; index <= *last; ++index) {
            if (!indices.contains(index))
                indices.append(index);
        }
    }
    std::sort(indices.begin(), indices.end());
    return indices;
}

QList<int> allocatedGpuIndices(const SlurmNode &node)
{
    QList<int> indices;
    for (QStringView item : SlurmText::splitOutsideParens(node.gresUsed, u',')) {
        item = item.trimmed();
        if (!item.startsWith(u"gpu") && !item.startsWith(u"gres:gpu"))
            continue;
        for (const int index : expandGpuIndices(SlurmText::gresIndices(item))) {
            if (!indices.contains(index))
                indices.append(index);
        }
    }
    std::sort(indices.begin(), indices.end());
    return indices;
}

const SlurmNode *nodeForHost(const QString &host, const QList<SlurmNode> &nodes)
{
    if (host.isEmpty())
        return nullptr;
    for (const SlurmNode &node : nodes) {
        if (node.name == host)
            return &node;
    }
    for (const SlurmNode &node : nodes) {
        if (node.name.compare(host, Qt::CaseInsensitive) == 0)
            return &node;
    }
    const QString shortHost = host.section(u'.', 0, 0);
    // An IPv4 address is no domain name: "10.0.0.7" must not match a node named "10".
    const bool isAddress = !host.isEmpty() && (host.at(0).isDigit() || host.contains(u':'));
    if (!isAddress && shortHost != host) {
        for (const SlurmNode &node : nodes) {
            if (node.name.compare(shortHost, Qt::CaseInsensitive) == 0)
                return &node;
        }
    }
    for (const SlurmNode &node : nodes) {
        if (!node.address.isEmpty() && node.address.compare(host, Qt::CaseInsensitive) == 0)
            return &node;
    }
    return nullptr;
}

QList<GpuUsage> assignGpuJobs(const QList<GpuReading> &gpus, const ClusterSnapshot &cluster,
                              const QList<SlurmJobDetails> &details)
{
    // Running jobs per node (expanded once).
    QHash<QString, QList<const SlurmJob *>> runningOn;
    for (const SlurmJob &job : cluster.jobs) {
        if (job.state != u"RUNNING" && job.state != u"COMPLETING")
            continue;
        for (const QString &node : SlurmQueries::expandHostList(job.nodeList))
            runningOn[node].append(&job);
    }
    QHash<QString, QHash<int, QStringList>> exact; // node -> index -> job ids
    for (const SlurmJobDetails &d : details)
        detailEntries(d, exact);

    QList<GpuUsage> usages;
    usages.reserve(gpus.size());
    QHash<QString, QList<int>> usedByNode;
    for (const GpuReading &gpu : gpus) {
        GpuUsage usage;
        usage.gpu = gpu;
        const SlurmNode *node = nodeForHost(gpu.host, cluster.nodes);
        if (!node || gpu.index < 0) {
            if (node)
                usage.node = node->name;
            usages.append(usage);
            continue;
        }
        usage.node = node->name;
        const auto exactJobs = exact.value(node->name).value(gpu.index);
        if (!exactJobs.isEmpty()) {
            for (const QString &id : exactJobs) {
                if (const SlurmJob *job = jobById(cluster.jobs, id))
                    addHolder(usage, *job);
            }
            usages.append(usage);
            continue;
        }
        auto used = usedByNode.find(node->name);
        if (used == usedByNode.end())
            used = usedByNode.insert(node->name, allocatedGpuIndices(*node));
        if (!used->contains(gpu.index)) {
            usages.append(usage);
            continue;
        }
        const QList<const SlurmJob *> running = runningOn.value(node->name);
        QList<const SlurmJob *> candidates;
        for (const SlurmJob *job : running) {
            if (job->gpus > 0)
                candidates.append(job);
        }
        if (candidates.isEmpty())
            candidates = running; // the queue line did not say how many GPUs a job has
        for (const SlurmJob *job : candidates)
            addHolder(usage, *job);
        usage.ambiguous = usage.jobIds.size() > 1;
        usages.append(usage);
    }
    return usages;
}

QString toString(GpuSnapshot::Source source)
{
    switch (source) {
    case GpuSnapshot::Source::None:
        return QStringLiteral("none");
    case GpuSnapshot::Source::Prometheus:
        return QStringLiteral("prometheus");
    case GpuSnapshot::Source::NvidiaSmi:
        return QStringLiteral("nvidia-smi");
    }
    return {};
}

} // namespace SlurmDeck
