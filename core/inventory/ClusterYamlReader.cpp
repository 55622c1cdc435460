// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterYamlReader.h"

#include "inventory/ClusterRules.h"
#include "inventory/ClusterUserReader.h"
#include "inventory/SharedDirectoryReader.h"
#include "inventory/SpellingSuggestion.h"
#include "inventory/YamlFieldReader.h"

#include <QHash>
#include <QMap>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <map>
#include <optional>

namespace SlurmDeck {

namespace {

using namespace YamlFields;

// Deeper than any valid cluster file; keeps the secret scan bounded on hostile input.
constexpr int maxDepth = 64;

const QStringList topLevelKeys = {QStringLiteral("name"),       QStringLiteral("hosts"),
                                  QStringLiteral("partitions"), QStringLiteral("shared"),
                                  QStringLiteral("users"),      QStringLiteral("settings")};
const QStringList hostKeys = {QStringLiteral("name"),  QStringLiteral("address"),  QStringLiteral("user"),
                              QStringLiteral("port"),  QStringLiteral("identity"), QStringLiteral("platform"),
                              QStringLiteral("roles"), QStringLiteral("detected")};
const QStringList detectedKeys = {QStringLiteral("platform"),
                                  QStringLiteral("arch"),
                                  QStringLiteral("cpus"),
                                  QStringLiteral("sockets"),
                                  QStringLiteral("cores_per_socket"),
                                  QStringLiteral("threads_per_core"),
                                  QStringLiteral("memory_mib"),
                                  QStringLiteral("engine_cpus"),
                                  QStringLiteral("engine_memory_mib"),
                                  QStringLiteral("login_user"),
                                  QStringLiteral("login_uid"),
                                  QStringLiteral("login_gid"),
                                  QStringLiteral("home"),
                                  QStringLiteral("gpus"),
                                  QStringLiteral("gpu_model")};
const QStringList partitionKeys = {QStringLiteral("name"), QStringLiteral("nodes"), QStringLiteral("default"),
                                   QStringLiteral("max_time")};
const QStringList settingsKeys = {QStringLiteral("remote_directory"), QStringLiteral("poll_interval_seconds"),
                                  QStringLiteral("keychain_service"), QStringLiteral("enforce_limits"),
                                  QStringLiteral("slurm_release")};
const QStringList secretWords = {QStringLiteral("password"), QStringLiteral("munge_key"),
                                 QStringLiteral("passphrase"), QStringLiteral("secret"),
                                 QStringLiteral("token")};

bool looksLikeSecret(const QString &key)
{
    const QString lower = key.toLower();
    return std::any_of(secretWords.cbegin(), secretWords.cend(),
                       [&](const QString &word) { return lower.contains(word); });
}

// Where things were found, for the checks that need the whole file.
struct HostPlace final
{
    YAML::Mark item;
    std::optional<YAML::Mark> name;
    QMap<HostRole, YAML::Mark> roles;
};

struct PartitionPlace final
{
    std::optional<YAML::Mark> name;
    std::optional<YAML::Mark> isDefault;
    QList<YAML::Mark> nodes;
};

// The cluster file's schema over the generic field reading: what each section holds, the
// rules between sections, and secrets refused wherever they appear.
class Reader final : public FieldReader
{
public:
    explicit Reader(QString displayName) : FieldReader(std::move(displayName), looksLikeSecret) {}

    ClusterReadOutcome read(const QString &yaml)
    {
        try {
            const std::string utf8 = yaml.toStdString();
            if (checkDocuments(utf8)) {
                const YAML::Node root = YAML::Load(utf8); // the first document only
                scanForSecrets(root, 0);
                readTop(root);
            }
        } catch (const YAML::Exception &e) {
            report(e.mark, QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
        } catch (const std::exception &e) {
            report(YAML::Mark(),
                   QStringLiteral("cannot read the file: %1").arg(QString::fromLocal8Bit(e.what())));
        }
        return {std::move(m_cluster), takeDiagnostics()};
    }

private:
    void scanForSecrets(const YAML::Node &node, int depth)
    {
        if (depth > maxDepth)
            return;
        if (node.IsSequence()) {
            for (const YAML::Node &item : node)
                scanForSecrets(item, depth + 1);
        } else if (node.IsMap()) {
            for (const auto &pair : node) {
                if (pair.first.IsScalar() && looksLikeSecret(text(pair.first)))
                    report(
                        pair.first.Mark(),
                        QStringLiteral("'%1' looks like a secret: secrets live in the OS keychain, never in "
                                       "the cluster file (see settings.keychain_service)")
                            .arg(text(pair.first)));
                scanForSecrets(pair.second, depth + 1);
            }
        }
    }

    Platform platform(const Entry *entry)
    {
        const std::optional<QString> value = optionalText(entry);
        if (!value)
            return Platform::Unknown;
        if (const std::optional<Platform> parsed = parsePlatform(*value))
            return *parsed;
        report(entry->value.Mark(),
               QStringLiteral("unknown platform '%1' (expected linux, ubuntu, macos or qnap)").arg(*value));
        return Platform::Unknown;
    }

    void readTop(const YAML::Node &root)
    {
        if (!root.IsDefined() || root.IsNull()) {
            report(YAML::Mark(), QStringLiteral("the file is empty: a cluster file needs at least a 'name' "
                                                "(create one with `slurmdeck-cli init`)"));
            return;
        }
        if (!root.IsMap()) {
            report(root.Mark(), QStringLiteral("the top level must be a mapping with the keys %1, not %2")
                                    .arg(topLevelKeys.join(u", "), kindOf(root)));
            return;
        }
        const auto top = entries(root, topLevelKeys);
        const Entry *nameEntry = find(top, QStringLiteral("name"));
        if (const std::optional<QString> name =
                requiredText(nameEntry, root.Mark(), QStringLiteral("name"), QStringLiteral("the cluster"))) {
            m_cluster.name = name->trimmed();
            if (const QString problem = ClusterRules::clusterNameProblem(m_cluster.name); !problem.isEmpty())
                report(nameEntry->value.Mark(), problem);
        }

        const YAML::Node hosts = optionalList(find(top, QStringLiteral("hosts")), QStringLiteral("of hosts"));
        for (const YAML::Node &item : hosts)
            readHost(item);

        const YAML::Node partitions =
            optionalList(find(top, QStringLiteral("partitions")), QStringLiteral("of partitions"));
        for (const YAML::Node &item : partitions)
            readPartition(item);

        if (const Entry *shared = find(top, QStringLiteral("shared")))
            readSharedDirectories(*this, *shared, m_cluster);
        if (const Entry *users = find(top, QStringLiteral("users")))
            readClusterUsers(*this, *users, m_cluster);
        if (const Entry *settings = find(top, QStringLiteral("settings")))
            readSettings(*settings);

        const Entry *hostsEntry = find(top, QStringLiteral("hosts"));
        checkHosts(hostsEntry ? hostsEntry->key.Mark() : root.Mark());
        checkPartitions();
    }

    void readHost(const YAML::Node &item)
    {
        if (!item.IsMap()) {
            report(item.Mark(),
                   QStringLiteral("a host must be a mapping with at least 'name' and 'address', not %1")
                       .arg(kindOf(item)));
            return;
        }
        Host host;
        HostPlace place{item.Mark(), {}, {}};
        const auto fields = entries(item, hostKeys);

        const Entry *nameEntry = find(fields, QStringLiteral("name"));
        if (const std::optional<QString> name =
                requiredText(nameEntry, item.Mark(), QStringLiteral("name"), QStringLiteral("this host"))) {
            host.name = *name;
            place.name = nameEntry->value.Mark();
            if (!Host::isValidName(host.name))
                report(
                    nameEntry->value.Mark(),
                    QStringLiteral("host name '%1' is not a valid Slurm node name: use only letters, digits "
                                   "and '-'")
                        .arg(host.name));
        }
        const QString what =
            host.name.isEmpty() ? QStringLiteral("this host") : QStringLiteral("host '%1'").arg(host.name);

        const Entry *addressEntry = find(fields, QStringLiteral("address"));
        if (const std::optional<QString> address =
                requiredText(addressEntry, item.Mark(), QStringLiteral("address"), what)) {
            host.address = *address;
            checkSshWord(addressEntry, host.address, QStringLiteral("address"));
        }
        const Entry *userEntry = find(fields, QStringLiteral("user"));
        if (const std::optional<QString> user = optionalText(userEntry)) {
            host.user = *user;
            checkSshWord(userEntry, host.user, QStringLiteral("user"));
        }
        if (const std::optional<qint64> port =
                optionalInteger(find(fields, QStringLiteral("port")), 1, 65535))
            host.port = static_cast<int>(*port);
        host.identity = optionalText(find(fields, QStringLiteral("identity"))).value_or(QString());
        host.platformOverride = platform(find(fields, QStringLiteral("platform")));

        const YAML::Node roles =
            optionalList(find(fields, QStringLiteral("roles")), QStringLiteral("e.g. [compute]"));
        for (const YAML::Node &role : roles)
            readRole(role, host, place);

        if (const Entry *detected = find(fields, QStringLiteral("detected")))
            host.detected = readDetected(*detected);

        m_cluster.hosts.append(host);
        m_hostPlaces.append(place);
    }

    // Addresses and user names go onto an ssh command line: no blanks, no leading '-'.
    void checkSshWord(const Entry *entry, const QString &value, const QString &key)
    {
        const bool hasBlank = std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.isSpace(); });
        if (hasBlank || value.startsWith(u'-'))
            report(entry->value.Mark(),
                   QStringLiteral("'%1' must not contain blanks or start with '-': '%2'").arg(key, value));
    }

    void readRole(const YAML::Node &node, Host &host, HostPlace &place)
    {
        if (!node.IsScalar()) {
            report(node.Mark(),
                   QStringLiteral("a role must be one of controller, database, compute, monitoring, "
                                  "not %1")
                       .arg(kindOf(node)));
            return;
        }
        const QString id = text(node);
        const std::optional<HostRole> role = parseHostRole(id);
        if (!role) {
            QStringList ids;
            for (const HostRole known : allHostRoles())
                ids.append(hostRoleId(known));
            const QString suggestion = closestSpelling(id, ids);
            report(node.Mark(),
                   suggestion.isEmpty()
                       ? QStringLiteral("unknown role '%1' (expected controller, database, compute "
                                        "or monitoring)")
                             .arg(id)
                       : QStringLiteral("unknown role '%1' (did you mean '%2'?)").arg(id, suggestion));
            return;
        }
        if (host.hasRole(*role)) {
            report(node.Mark(), QStringLiteral("role '%1' is listed twice").arg(id));
            return;
        }
        host.roles |= *role;
        place.roles.insert(*role, node.Mark());
    }

    DetectedFacts readDetected(const Entry &entry)
    {
        DetectedFacts detected;
        if (entry.value.IsNull())
            return detected;
        if (!entry.value.IsMap()) {
            report(entry.value.Mark(),
                   QStringLiteral("'detected' must be a mapping (platform, arch, cpus, ...), not %1")
                       .arg(kindOf(entry.value)));
            return detected;
        }
        const auto fields = entries(entry.value, detectedKeys);
        detected.platform = platform(find(fields, QStringLiteral("platform")));
        detected.arch = optionalText(find(fields, QStringLiteral("arch"))).value_or(QString());
        if (const auto cpus = optionalInteger(find(fields, QStringLiteral("cpus")), 1, 1 << 20))
            detected.cpus = static_cast<int>(*cpus);
        if (const auto sockets = optionalInteger(find(fields, QStringLiteral("sockets")), 1, 1024))
            detected.sockets = static_cast<int>(*sockets);
        if (const auto cores = optionalInteger(find(fields, QStringLiteral("cores_per_socket")), 1, 1 << 16))
            detected.coresPerSocket = static_cast<int>(*cores);
        if (const auto threads = optionalInteger(find(fields, QStringLiteral("threads_per_core")), 1, 64))
            detected.threadsPerCore = static_cast<int>(*threads);
        detected.memoryMib = optionalInteger(find(fields, QStringLiteral("memory_mib")), 0, qint64(1) << 40);
        if (const auto cpus = optionalInteger(find(fields, QStringLiteral("engine_cpus")), 1, 1 << 20))
            detected.engineCpus = static_cast<int>(*cpus);
        detected.engineMemoryMib =
            optionalInteger(find(fields, QStringLiteral("engine_memory_mib")), 0, qint64(1) << 40);
        if (const auto uid = optionalInteger(find(fields, QStringLiteral("login_uid")), 0, 0x7fffffff))
            detected.loginUid = static_cast<int>(*uid);
        if (const auto gid = optionalInteger(find(fields, QStringLiteral("login_gid")), 0, 0x7fffffff))
            detected.loginGid = static_cast<int>(*gid);
        if (const Entry *userEntry = find(fields, QStringLiteral("login_user"))) {
            if (const auto user = optionalText(userEntry); user && !user->isEmpty()) {
                if (ClusterUser::isValidName(*user))
                    detected.loginUser = *user;
                else
                    report(userEntry->value.Mark(),
                           QStringLiteral("'login_user' ") + ClusterUser::nameRule());
            }
        }
        if (const Entry *homeEntry = find(fields, QStringLiteral("home"))) {
            if (const auto home = optionalText(homeEntry); home && !home->isEmpty()) {
                if (const QString problem = ClusterRules::remoteDirectoryProblem(*home); problem.isEmpty())
                    detected.home = *home;
                else
                    report(homeEntry->value.Mark(), QStringLiteral("'home' ") + problem);
            }
        }
        if (const auto gpus = optionalInteger(find(fields, QStringLiteral("gpus")), 0, 1024))
            detected.gpus = static_cast<int>(*gpus);
        detected.gpuModel = optionalText(find(fields, QStringLiteral("gpu_model"))).value_or(QString());
        return detected;
    }

    void readPartition(const YAML::Node &item)
    {
        if (!item.IsMap()) {
            report(item.Mark(),
                   QStringLiteral("a partition must be a mapping with 'name' and 'nodes', not %1")
                       .arg(kindOf(item)));
            return;
        }
        Partition partition;
        PartitionPlace place;
        const auto fields = entries(item, partitionKeys);

        const Entry *nameEntry = find(fields, QStringLiteral("name"));
        if (const std::optional<QString> name = requiredText(nameEntry, item.Mark(), QStringLiteral("name"),
                                                             QStringLiteral("this partition"))) {
            partition.name = *name;
            place.name = nameEntry->value.Mark();
            if (!Partition::isValidName(partition.name))
                report(
                    nameEntry->value.Mark(),
                    QStringLiteral("partition name '%1' is not valid: use only letters, digits, '_' and '-'")
                        .arg(partition.name));
        }
        const QString what = partition.name.isEmpty() ? QStringLiteral("this partition")
                                                      : QStringLiteral("partition '%1'").arg(partition.name);
        readPartitionNodes(find(fields, QStringLiteral("nodes")), item.Mark(), what, partition, place);

        const Entry *defaultEntry = find(fields, QStringLiteral("default"));
        partition.isDefault = optionalBool(defaultEntry).value_or(false);
        if (partition.isDefault)
            place.isDefault = defaultEntry->value.Mark();

        const Entry *maxTimeEntry = find(fields, QStringLiteral("max_time"));
        if (const std::optional<QString> maxTime = optionalText(maxTimeEntry)) {
            partition.maxTime = *maxTime;
            if (!Partition::isValidMaxTime(partition.maxTime))
                report(maxTimeEntry->value.Mark(),
                       QStringLiteral("'max_time' must be a Slurm time such as \"1-00:00:00\", \"90\" or "
                                      "\"UNLIMITED\", not '%1'")
                           .arg(partition.maxTime));
        }
        m_cluster.partitions.append(partition);
        m_partitionPlaces.append(place);
    }

    void readPartitionNodes(const Entry *entry, const YAML::Mark &owner, const QString &what,
                            Partition &partition, PartitionPlace &place)
    {
        if (!entry || entry->value.IsNull()) {
            report(entry ? entry->key.Mark() : owner,
                   QStringLiteral("%1 has no 'nodes' (a list of host names, or ALL)").arg(what));
            return;
        }
        const QString all = Partition::allNodesKeyword();
        if (entry->value.IsScalar()) {
            if (text(entry->value) == all) {
                partition.nodes = {all};
                place.nodes = {entry->value.Mark()};
            } else {
                report(entry->value.Mark(),
                       QStringLiteral("'nodes' must be a list of host names or ALL, not '%1'")
                           .arg(text(entry->value)));
            }
            return;
        }
        if (!entry->value.IsSequence()) {
            report(entry->value.Mark(), QStringLiteral("'nodes' must be a list of host names or ALL, not %1")
                                            .arg(kindOf(entry->value)));
            return;
        }
        for (const YAML::Node &node : entry->value) {
            if (!node.IsScalar()) {
                report(node.Mark(), QStringLiteral("a node must be a host name, not %1").arg(kindOf(node)));
                continue;
            }
            partition.nodes.append(text(node));
            place.nodes.append(node.Mark());
        }
        if (partition.nodes.isEmpty())
            report(entry->value.Mark(), QStringLiteral("%1 has no nodes").arg(what));
        else if (partition.nodes.size() > 1 && partition.nodes.contains(all))
            report(place.nodes.at(partition.nodes.indexOf(all)),
                   QStringLiteral("ALL cannot be combined with host names"));
    }

    void readSettings(const Entry &entry)
    {
        if (entry.value.IsNull())
            return;
        if (!entry.value.IsMap()) {
            report(entry.value.Mark(), QStringLiteral("'settings' must be a mapping (%1), not %2")
                                           .arg(settingsKeys.join(u", "), kindOf(entry.value)));
            return;
        }
        const auto fields = entries(entry.value, settingsKeys);
        ClusterSettings &settings = m_cluster.settings;
        const Entry *directoryEntry = find(fields, QStringLiteral("remote_directory"));
        if (const std::optional<QString> directory = optionalText(directoryEntry)) {
            if (const QString problem = ClusterRules::remoteDirectoryProblem(*directory); problem.isEmpty())
                settings.remoteDirectory = *directory;
            else
                report(directoryEntry->value.Mark(), QStringLiteral("'remote_directory' ") + problem);
        }
        if (const auto interval =
                optionalInteger(find(fields, QStringLiteral("poll_interval_seconds")), 1, 3600))
            settings.pollIntervalSeconds = static_cast<int>(*interval);
        settings.enforceLimits = optionalBool(find(fields, QStringLiteral("enforce_limits"))).value_or(true);
        const Entry *serviceEntry = find(fields, QStringLiteral("keychain_service"));
        if (const std::optional<QString> service = optionalText(serviceEntry)) {
            if (service->trimmed().isEmpty())
                report(serviceEntry->value.Mark(), QStringLiteral("'keychain_service' must not be empty"));
            else
                settings.keychainService = *service;
        }
        const Entry *releaseEntry = find(fields, QStringLiteral("slurm_release"));
        if (const std::optional<QString> release = optionalText(releaseEntry)) {
            if (SlurmRelease::find(release->trimmed())) {
                settings.slurmRelease = release->trimmed();
            } else {
                QStringList offered;
                for (const SlurmRelease &known : SlurmRelease::offered())
                    offered << QLatin1Char('"') + known.version + QLatin1Char('"');
                report(releaseEntry->value.Mark(),
                       QStringLiteral("'slurm_release' must be one of %1, not '%2'")
                           .arg(offered.join(u", "), *release));
            }
        }
    }

    void checkHosts(const YAML::Mark &hostsKey)
    {
        QHash<QString, qsizetype> seen; // lower-case name -> host index
        for (qsizetype i = 0; i < m_cluster.hosts.size(); ++i) {
            const Host &host = m_cluster.hosts.at(i);
            if (host.name.isEmpty())
                continue;
            const auto previous = seen.constFind(host.name.toLower());
            if (previous == seen.cend()) {
                seen.insert(host.name.toLower(), i);
                continue;
            }
            report(*m_hostPlaces.at(i).name,
                   QStringLiteral("duplicate host name '%1' (first used on line %2)")
                       .arg(host.name)
                       .arg(m_hostPlaces.at(*previous).name->line + 1));
        }
        if (m_hostPlaces.isEmpty())
            return;

        checkRoleCount(HostRole::Controller, hostsKey, true);
        checkRoleCount(HostRole::Database, hostsKey, false);
        checkRoleCount(HostRole::Monitoring, hostsKey, false);
    }

    void checkRoleCount(HostRole role, const YAML::Mark &hostsKey, bool required)
    {
        QString first;
        bool any = false;
        for (qsizetype i = 0; i < m_cluster.hosts.size(); ++i) {
            const Host &host = m_cluster.hosts.at(i);
            if (!host.hasRole(role))
                continue;
            if (!any) {
                any = true;
                first = host.name;
                continue;
            }
            report(m_hostPlaces.at(i).roles.value(role),
                   QStringLiteral(
                       "role '%1' is assigned to more than one host ('%2' and '%3'); at most one host "
                       "may have it")
                       .arg(hostRoleId(role), first, host.name));
        }
        if (required && !any)
            report(hostsKey,
                   QStringLiteral("role '%1' is not assigned to any host: exactly one host needs it")
                       .arg(hostRoleId(role)));
    }

    void checkPartitions()
    {
        QHash<QString, qsizetype> seen;
        bool anyDefault = false;
        for (qsizetype i = 0; i < m_cluster.partitions.size(); ++i) {
            const Partition &partition = m_cluster.partitions.at(i);
            const PartitionPlace &place = m_partitionPlaces.at(i);
            if (!partition.name.isEmpty()) {
                if (const auto previous = seen.constFind(partition.name); previous != seen.cend())
                    report(*place.name,
                           QStringLiteral("duplicate partition name '%1' (first used on line %2)")
                               .arg(partition.name)
                               .arg(m_partitionPlaces.at(*previous).name->line + 1));
                else
                    seen.insert(partition.name, i);
            }
            if (partition.isDefault) {
                if (anyDefault)
                    report(*place.isDefault, QStringLiteral("only one partition can be the default"));
                anyDefault = true;
            }
            if (partition.includesAllNodes())
                continue;
            for (qsizetype n = 0; n < partition.nodes.size(); ++n) {
                const QString &node = partition.nodes.at(n);
                if (node == Partition::allNodesKeyword())
                    continue; // mixed with host names: reported while reading
                const Host *host = m_cluster.findHost(node);
                if (!host)
                    report(
                        place.nodes.at(n),
                        QStringLiteral("partition '%1' names unknown host '%2'").arg(partition.name, node));
                else if (!host->hasRole(HostRole::Compute))
                    report(place.nodes.at(n),
                           QStringLiteral("host '%1' in partition '%2' does not have the compute role")
                               .arg(node, partition.name));
                else if (partition.nodes.indexOf(node) != n)
                    report(place.nodes.at(n), QStringLiteral("host '%1' is listed twice in partition '%2'")
                                                  .arg(node, partition.name));
            }
        }
    }

    Cluster m_cluster;
    QList<HostPlace> m_hostPlaces;
    QList<PartitionPlace> m_partitionPlaces;
};

} // namespace

ClusterReadOutcome readClusterYaml(const QString &text, const QString &displayName)
{
    return Reader(displayName).read(text);
}

} // namespace SlurmDeck
