// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterYamlWriter.h"

#include <yaml-cpp/yaml.h>

namespace SlurmDeck {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

void writeKey(YAML::Emitter &out, const char *key)
{
    out << YAML::Key << key << YAML::Value;
}

void writeText(YAML::Emitter &out, const char *key, const QString &value)
{
    writeKey(out, key);
    out << utf8(value);
}

void writeFlowList(YAML::Emitter &out, const char *key, const QStringList &items)
{
    writeKey(out, key);
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString &item : items)
        out << utf8(item);
    out << YAML::EndSeq;
}

void writeDetected(YAML::Emitter &out, const DetectedFacts &detected)
{
    writeKey(out, "detected");
    out << YAML::BeginMap;
    if (detected.platform != Platform::Unknown)
        writeText(out, "platform", platformId(detected.platform));
    if (!detected.arch.isEmpty())
        writeText(out, "arch", detected.arch);
    if (detected.cpus) {
        writeKey(out, "cpus");
        out << *detected.cpus;
    }
    const std::pair<const char *, std::optional<int>> topology[] = {
        {"sockets", detected.sockets},
        {"cores_per_socket", detected.coresPerSocket},
        {"threads_per_core", detected.threadsPerCore}};
    for (const auto &[key, value] : topology) {
        if (value) {
            writeKey(out, key);
            out << *value;
        }
    }
    if (detected.memoryMib) {
        writeKey(out, "memory_mib");
        out << static_cast<long long>(*detected.memoryMib);
    }
    if (detected.engineCpus) {
        writeKey(out, "engine_cpus");
        out << *detected.engineCpus;
    }
    if (detected.engineMemoryMib) {
        writeKey(out, "engine_memory_mib");
        out << static_cast<long long>(*detected.engineMemoryMib);
    }
    if (!detected.loginUser.isEmpty())
        writeText(out, "login_user", detected.loginUser);
    if (detected.loginUid) {
        writeKey(out, "login_uid");
        out << *detected.loginUid;
    }
    if (detected.loginGid) {
        writeKey(out, "login_gid");
        out << *detected.loginGid;
    }
    if (!detected.home.isEmpty())
        writeText(out, "home", detected.home);
    if (detected.gpus) {
        writeKey(out, "gpus");
        out << *detected.gpus;
    }
    if (!detected.gpuModel.isEmpty())
        writeText(out, "gpu_model", detected.gpuModel);
    out << YAML::EndMap;
}

void writeHost(YAML::Emitter &out, const Host &host)
{
    out << YAML::BeginMap;
    writeText(out, "name", host.name);
    writeText(out, "address", host.address);
    if (!host.user.isEmpty())
        writeText(out, "user", host.user);
    if (host.port != Host::defaultSshPort) {
        writeKey(out, "port");
        out << host.port;
    }
    if (!host.identity.isEmpty())
        writeText(out, "identity", host.identity);
    if (host.platformOverride != Platform::Unknown)
        writeText(out, "platform", platformId(host.platformOverride));
    writeFlowList(out, "roles", hostRoleIds(host.roles));
    if (!host.detected.isEmpty())
        writeDetected(out, host.detected);
    out << YAML::EndMap;
}

void writePartition(YAML::Emitter &out, const Partition &partition)
{
    out << YAML::BeginMap;
    writeText(out, "name", partition.name);
    if (partition.includesAllNodes())
        writeText(out, "nodes", Partition::allNodesKeyword());
    else
        writeFlowList(out, "nodes", partition.nodes);
    if (partition.isDefault) {
        writeKey(out, "default");
        out << true;
    }
    if (!partition.maxTime.isEmpty())
        writeText(out, "max_time", partition.maxTime);
    out << YAML::EndMap;
}

void writeShared(YAML::Emitter &out, const SharedDirectory &shared)
{
    out << YAML::BeginMap;
    writeText(out, "mount", shared.mount);
    writeText(out, "source", shared.source);
    if (!shared.sources.isEmpty()) {
        writeKey(out, "sources");
        out << YAML::BeginMap;
        for (auto it = shared.sources.cbegin(); it != shared.sources.cend(); ++it)
            out << YAML::Key << utf8(it.key()) << YAML::Value << utf8(it.value());
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void writeSettings(YAML::Emitter &out, const ClusterSettings &settings)
{
    writeKey(out, "settings");
    out << YAML::BeginMap;
    writeText(out, "remote_directory", settings.remoteDirectory);
    writeKey(out, "poll_interval_seconds");
    out << settings.pollIntervalSeconds;
    // Left out when unset, so the default keeps following the cluster name.
    if (!settings.keychainService.isEmpty())
        writeText(out, "keychain_service", settings.keychainService);
    // Written only when turned off: on is the default.
    if (!settings.enforceLimits) {
        writeKey(out, "enforce_limits");
        out << false;
    }
    if (settings.slurmRelease != SlurmRelease::defaultVersion())
        writeText(out, "slurm_release", settings.slurmRelease);
    out << YAML::EndMap;
}

} // namespace

QByteArray writeClusterYaml(const Cluster &cluster)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetBoolFormat(YAML::TrueFalseBool);
    out << YAML::BeginMap;
    writeText(out, "name", cluster.name);

    writeKey(out, "hosts");
    out << YAML::BeginSeq;
    for (const Host &host : cluster.hosts)
        writeHost(out, host);
    out << YAML::EndSeq;

    writeKey(out, "partitions");
    out << YAML::BeginSeq;
    for (const Partition &partition : cluster.partitions)
        writePartition(out, partition);
    out << YAML::EndSeq;

    if (!cluster.shared.isEmpty()) {
        writeKey(out, "shared");
        out << YAML::BeginSeq;
        for (const SharedDirectory &shared : cluster.shared)
            writeShared(out, shared);
        out << YAML::EndSeq;
    }

    if (!cluster.users.isEmpty()) {
        writeKey(out, "users");
        out << YAML::BeginSeq;
        for (const ClusterUser &user : cluster.users) {
            out << YAML::Flow << YAML::BeginMap;
            writeText(out, "name", user.name);
            writeKey(out, "uid");
            out << user.uid;
            writeKey(out, "gid");
            out << user.gid;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }

    writeSettings(out, cluster.settings);
    out << YAML::EndMap;

    QByteArray text = QByteArrayLiteral("# SlurmDeck cluster file, written by SlurmDeck.\n"
                                        "# Only this header survives a save: other comments are dropped.\n"
                                        "# No secrets here: passwords and keys live in the OS keychain.\n");
    text += QByteArray(out.c_str(), static_cast<qsizetype>(out.size()));
    text += '\n';
    return text;
}

} // namespace SlurmDeck
