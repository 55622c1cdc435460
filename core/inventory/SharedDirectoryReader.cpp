// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/SharedDirectoryReader.h"

#include "inventory/ClusterRules.h"

#include <QHash>

namespace SlurmDeck {

namespace {

using namespace YamlFields;

const QStringList sharedKeys = {QStringLiteral("mount"), QStringLiteral("source"), QStringLiteral("sources")};

class SharedReader final
{
public:
    SharedReader(FieldReader &reader, Cluster &cluster) : m_reader(reader), m_cluster(cluster) {}

    void readList(const Entry &entry)
    {
        const YAML::Node items = m_reader.optionalList(
            &entry, QStringLiteral("of shared directories, e.g. [{mount: /data, source: /mnt/nas/data}]"));
        for (const YAML::Node &item : items)
            readOne(item);
    }

private:
    void readOne(const YAML::Node &item)
    {
        if (!item.IsMap()) {
            m_reader.report(
                item.Mark(),
                QStringLiteral("a shared directory must be a mapping with 'mount' and 'source', not %1")
                    .arg(kindOf(item)));
            return;
        }
        SharedDirectory shared;
        const auto fields = m_reader.entries(item, sharedKeys);
        const Entry *mountEntry = FieldReader::find(fields, QStringLiteral("mount"));
        if (const auto mount = m_reader.requiredText(mountEntry, item.Mark(), QStringLiteral("mount"),
                                                     QStringLiteral("this shared directory"))) {
            shared.mount = *mount;
            if (const QString problem = SharedDirectories::mountProblem(*mount); !problem.isEmpty())
                m_reader.report(mountEntry->value.Mark(), QStringLiteral("'mount' ") + problem);
            else if (const auto previous = m_mounts.constFind(*mount); previous != m_mounts.cend())
                m_reader.report(mountEntry->value.Mark(),
                                QStringLiteral("shared mount '%1' is given twice (first on line %2)")
                                    .arg(*mount)
                                    .arg(*previous));
            else
                m_mounts.insert(*mount, mountEntry->value.Mark().line + 1);
        }
        const QString what = shared.mount.isEmpty()
                                 ? QStringLiteral("this shared directory")
                                 : QStringLiteral("shared directory '%1'").arg(shared.mount);
        const Entry *sourceEntry = FieldReader::find(fields, QStringLiteral("source"));
        if (const auto source =
                m_reader.requiredText(sourceEntry, item.Mark(), QStringLiteral("source"), what)) {
            shared.source = *source;
            checkPath(sourceEntry->value.Mark(), QStringLiteral("'source'"), *source);
        }
        if (const Entry *sourcesEntry = FieldReader::find(fields, QStringLiteral("sources")))
            readSources(*sourcesEntry, shared);
        m_cluster.shared.append(shared);
    }

    void readSources(const Entry &entry, SharedDirectory &shared)
    {
        if (entry.value.IsNull())
            return;
        if (!entry.value.IsMap()) {
            m_reader.report(entry.value.Mark(),
                            QStringLiteral("'sources' must map host names to their paths (worker1: "
                                           "/Volumes/data), not %1")
                                .arg(kindOf(entry.value)));
            return;
        }
        for (const auto &pair : entry.value) {
            if (!pair.first.IsScalar() || !pair.second.IsScalar()) {
                m_reader.report(pair.first.Mark(),
                                QStringLiteral("each of 'sources' is a host name and a path, e.g. worker1: "
                                               "/Volumes/data"));
                continue;
            }
            const QString host = text(pair.first);
            const QString path = text(pair.second);
            if (!m_cluster.findHost(host))
                m_reader.report(pair.first.Mark(),
                                QStringLiteral("'sources' names unknown host '%1'").arg(host));
            else if (shared.sources.contains(host))
                m_reader.report(pair.first.Mark(), QStringLiteral("host '%1' is given twice").arg(host));
            else if (checkPath(pair.second.Mark(), QStringLiteral("the path of '%1'").arg(host), path))
                shared.sources.insert(host, path);
        }
    }

    bool checkPath(const YAML::Mark &mark, const QString &what, const QString &path)
    {
        const QString problem = ClusterRules::remoteDirectoryProblem(path);
        if (!problem.isEmpty())
            m_reader.report(mark, what + u' ' + problem);
        return problem.isEmpty();
    }

    FieldReader &m_reader;
    Cluster &m_cluster;
    QHash<QString, int> m_mounts; // mount -> line
};

} // namespace

void readSharedDirectories(FieldReader &reader, const Entry &entry, Cluster &cluster)
{
    SharedReader(reader, cluster).readList(entry);
}

} // namespace SlurmDeck
