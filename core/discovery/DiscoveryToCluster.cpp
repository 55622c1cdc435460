// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveryToCluster.h"

#include "inventory/DefaultRoles.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace SlurmDeck {

DetectedFacts detectedFacts(const HostFingerprint &fingerprint)
{
    DetectedFacts facts;
    facts.platform = fingerprint.platform;
    facts.arch = fingerprint.architecture;
    facts.cpus = fingerprint.logicalCpus;
    facts.sockets = fingerprint.sockets;
    facts.coresPerSocket = fingerprint.coresPerSocket;
    facts.threadsPerCore = fingerprint.threadsPerCore;
    facts.memoryMib = fingerprint.memoryMiB();
    facts.engineCpus = fingerprint.engineCpus;
    facts.engineMemoryMib = fingerprint.engineMemoryMiB();
    facts.loginUid = fingerprint.loginUid;
    facts.loginGid = fingerprint.loginGid;
    facts.loginUser = fingerprint.loginUser;
    facts.home = fingerprint.homeDirectory;
    facts.gpus = static_cast<int>(fingerprint.gpus.size());
    if (!fingerprint.gpus.isEmpty())
        facts.gpuModel = fingerprint.gpus.constFirst().model;
    return facts;
}

QString slurmNodeName(const QString &hostname)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9-]"));
    QString name = hostname.section(u'.', 0, 0);
    name.replace(unsafe, QStringLiteral("-"));
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("host") : name;
}

Cluster clusterFromDiscovery(const QString &name, const QList<DiscoveredHost> &hosts, const SshTarget &login)
{
    Cluster cluster;
    cluster.name = name;
    QSet<QString> taken;
    for (const DiscoveredHost &found : hosts) {
        if (!found.ok())
            continue;
        Host host;
        const QString base =
            slurmNodeName(found.fingerprint->hostname.isEmpty() ? found.target : found.fingerprint->hostname);
        host.name = base;
        for (int suffix = 2; taken.contains(host.name.toLower()); ++suffix)
            host.name = base + u'-' + QString::number(suffix);
        taken.insert(host.name.toLower());
        const UserAtHost named = splitUserAtHost(found.target);
        host.address = named.host;
        host.user = named.user.isEmpty() ? login.user : named.user;
        host.port = login.port == 0 ? Host::defaultSshPort : login.port;
        host.identity = login.identityFile;
        host.detected = detectedFacts(*found.fingerprint);
        cluster.hosts.append(host);
    }
    assignDefaultRoles(cluster);
    return cluster;
}

QJsonObject toJson(const DiscoveredHost &host)
{
    QJsonObject object{
        {QStringLiteral("target"), host.target},
        {QStringLiteral("address"), host.address},
        {QStringLiteral("user"), host.user},
        {QStringLiteral("port"), host.port},
        {QStringLiteral("status"), statusId(host.status)},
        {QStringLiteral("message"), host.message},
    };
    if (!host.hostKey.fingerprint.isEmpty()) {
        object.insert(QStringLiteral("host_key"),
                      QJsonObject{{QStringLiteral("type"), host.hostKey.keyType},
                                  {QStringLiteral("sha256"), host.hostKey.fingerprint}});
    }
    if (host.clockOffsetSeconds)
        object.insert(QStringLiteral("clock_offset_seconds"), *host.clockOffsetSeconds);
    if (!host.fingerprint)
        return object;

    const HostFingerprint &fp = *host.fingerprint;
    QJsonArray gpus;
    for (const GpuInfo &gpu : fp.gpus) {
        QJsonObject entry{{QStringLiteral("index"), gpu.index},
                          {QStringLiteral("model"), gpu.model},
                          {QStringLiteral("driver"), gpu.driver},
                          {QStringLiteral("uuid"), gpu.uuid}};
        if (gpu.memoryMiB)
            entry.insert(QStringLiteral("memory_mib"), *gpu.memoryMiB);
        gpus.append(entry);
    }
    QJsonArray conflicts;
    for (quint16 port : portsInConflict(fp))
        conflicts.append(port);
    const auto optionalInt = [](const auto &value) {
        return value ? QJsonValue(qint64(*value)) : QJsonValue();
    };

    QJsonObject fingerprint{
        {QStringLiteral("hostname"), fp.hostname},
        {QStringLiteral("platform"), platformId(fp.platform)},
        {QStringLiteral("os"), fp.osPrettyName},
        {QStringLiteral("kernel"), fp.kernel},
        {QStringLiteral("arch"), fp.architecture},
        {QStringLiteral("sockets"), optionalInt(fp.sockets)},
        {QStringLiteral("cores_per_socket"), optionalInt(fp.coresPerSocket)},
        {QStringLiteral("threads_per_core"), optionalInt(fp.threadsPerCore)},
        {QStringLiteral("cpus"), optionalInt(fp.logicalCpus)},
        {QStringLiteral("memory_mib"), optionalInt(fp.memoryMiB())},
        {QStringLiteral("engine_cpus"), optionalInt(fp.engineCpus)},
        {QStringLiteral("engine_memory_mib"), optionalInt(fp.engineMemoryMiB())},
        {QStringLiteral("login_uid"), optionalInt(fp.loginUid)},
        {QStringLiteral("login_gid"), optionalInt(fp.loginGid)},
        {QStringLiteral("home"), fp.homeDirectory},
        {QStringLiteral("gpus"), gpus},
        {QStringLiteral("docker_path"), fp.dockerPath},
        {QStringLiteral("docker_version"), fp.dockerServerVersion},
        {QStringLiteral("docker_error"), fp.dockerServerError},
        {QStringLiteral("nvidia_runtime"), fp.nvidiaRuntime ? QJsonValue(*fp.nvidiaRuntime) : QJsonValue()},
        {QStringLiteral("compose"),
         fp.composeFlavour
             ? (*fp.composeFlavour == ComposeFlavour::PluginV2 ? QStringLiteral("v2") : QStringLiteral("v1"))
             : QString()},
        {QStringLiteral("compose_path"), fp.composePath},
        {QStringLiteral("compose_version"), fp.composeVersion},
        {QStringLiteral("ports_in_use"), conflicts},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(fp.warnings)},
    };
    if (!fp.qnapModel.isEmpty())
        fingerprint.insert(QStringLiteral("qnap_model"), fp.qnapModel);
    object.insert(QStringLiteral("fingerprint"), fingerprint);
    return object;
}

} // namespace SlurmDeck
