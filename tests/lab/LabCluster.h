// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The cluster that a lab test deploys on the lab's hosts: the seed's topology (the first
// host runs everything, every host computes), its cluster file and ssh config in a private
// HOME, the deploy plan and SSH targets, commands on a host or in slurmctld, the engine's
// deploy (images transferred from here: the lab is offline) and the teardown (containers,
// networks and directories of the cluster's project). Header-only, for tests/lab.
#include "LabCleanup.h"
#include "LabManifest.h"
#include "common/Result.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "remote/ShellQuote.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <optional>

namespace SlurmDeck::Lab {

// MemTotal of this machine in MiB, as a fingerprint of a lab host reports it; 0 unreadable.
inline qint64 machineMemoryMib()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : meminfo.readAll().split('\n')) {
        if (line.startsWith("MemTotal:"))
            return line.mid(9).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return 0;
}

class LabCluster
{
public:
    Manifest manifest;
    QTemporaryDir home;
    Cluster cluster;
    ClusterPlan plan;
    QHash<QString, SshTarget> targets;

    [[nodiscard]] const QList<Host> &hosts() const { return manifest.hosts; }
    [[nodiscard]] const Host &primary() const { return manifest.hosts.first(); }
    [[nodiscard]] QString clusterFile() const { return home.filePath(m_fileName); }
    [[nodiscard]] QString sshConfig() const { return home.filePath(QStringLiteral("ssh_config")); }

    // The SSH settings shared by every host: the ssh config below, SlurmDeck's own known_hosts.
    [[nodiscard]] SshTarget shared() const
    {
        SshTarget ssh;
        ssh.configFile = sshConfig();
        ssh.slurmDeckKnownHostsFile = home.filePath(QStringLiteral("own_known_hosts"));
        return ssh;
    }

    // An ssh config that trusts the lab's known_hosts (and nothing else).
    [[nodiscard]] bool writeSshConfig() const
    {
        QFile config(sshConfig());
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write("Host *\n    UserKnownHostsFile " + manifest.knownHosts().toUtf8() +
                     "\n    GlobalKnownHostsFile /dev/null\n");
        return true;
    }

    // The cluster `name` on every lab host (the second one overridden to macOS where
    // `macOsWorker`), saved as `fileName` in the home; the plan and targets prepared.
    [[nodiscard]] Result<void> prepare(const QString &name, const QString &fileName, bool macOsWorker,
                                       const QByteArray &mungeKey, const QByteArray &password)
    {
        m_fileName = fileName;
        cluster.name = name;
        for (const Host &lab : std::as_const(manifest.hosts)) {
            SlurmDeck::Host host;
            host.name = lab.name;
            host.address = lab.address;
            host.user = lab.user;
            host.identity = manifest.clientKey();
            host.detected.loginUid = lab.uid;
            host.detected.home = lab.home;
            host.detected.platform = Lab::platformOf(lab);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            host.detected.memoryMib = machineMemoryMib(); // the hosts share this machine's memory
            cluster.hosts << host;
        }
        if (macOsWorker)
            cluster.hosts[1].platformOverride = Platform::MacOS;
        assignDefaultRoles(cluster);
        m_mungeKey = mungeKey;
        m_password = password;
        return replan();
    }

    // `cluster` as a test changed it, saved; the plan and targets again, same secrets.
    [[nodiscard]] Result<void> replan()
    {
        if (Result<void> saved = ClusterFile::save(cluster, clusterFile()); !saved)
            return saved.error();
        const DeploySession session(cluster, shared());
        const Result<DeploySession::Prepared> prepared = session.prepareWith(m_mungeKey, m_password);
        if (!prepared)
            return prepared.error();
        plan = prepared->plan;
        targets = prepared->targets;
        return {};
    }

    Result<ExecResult> onHost(const Host &host, const QString &command) const
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(targets.value(host.name), &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    // `command` in the slurmctld container on the primary; stdout and stderr, trimmed.
    QString slurm(const QString &command) const { return inService(QStringLiteral("slurmctld"), command); }

    // `command` in the container of `service` on the primary; stdout and stderr, trimmed.
    QString inService(const QString &service, const QString &command) const
    {
        const QString container =
            QStringLiteral("$(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                           "label=com.docker.compose.service=%3)")
                .arg(Shell::quote(primary().docker), Shell::quote(plan.projectName), Shell::quote(service));
        const Result<ExecResult> ran =
            onHost(primary(), QStringLiteral("%1 exec %2 sh -c %3")
                                  .arg(Shell::quote(primary().docker), container, Shell::quote(command)));
        if (!ran)
            return QStringLiteral("error: ") + ran.error().toString();
        return QString::fromUtf8(ran->standardOutput + ran->standardError).trimmed();
    }

    // Every node of the cluster idle, as sinfo says.
    [[nodiscard]] bool allNodesIdle() const
    {
        return slurm(QStringLiteral("sinfo -h -N -o %T | sort -u")) == QLatin1StringView("idle");
    }

    // The engine's deploy of the plan; nullopt when it did not finish in 15 minutes. Its log
    // lines ("host: line") go to `log` where given. `verify`: with the end-of-deploy checks.
    std::optional<DeployReport> deploy(QStringList *log = nullptr, bool verify = false) const
    {
        DeployRunner runner(plan, targets, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                            nullptr);
        QSignalSpy finished(&runner, &DeployRunner::finished);
        if (log) {
            QObject::connect(&runner, &DeployRunner::logLine, &runner,
                             [log](const QString &host, const QString &line) {
                                 *log << host + QStringLiteral(": ") + line;
                             });
        }
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.verify = verify;
        runner.start(options);
        if (!finished.wait(900000))
            return std::nullopt;
        return finished.first().first().value<DeployReport>();
    }

    // The cluster's containers, networks and directories removed from every host, whatever
    // state a run left them in.
    void tearDown() const
    {
        for (const HostPlan &host : plan.hosts) {
            for (const Host &lab : manifest.hosts) {
                if (lab.name != host.hostName)
                    continue;
                const QString docker = Shell::quote(lab.docker);
                const Result<ExecResult> removed = onHost(
                    lab, QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                        "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; "
                                        "%1 network ls -q --filter label=com.docker.compose.project=%2 | "
                                        "xargs -r %1 network rm >/dev/null 2>&1; %3")
                             .arg(docker, Shell::quote(plan.projectName),
                                  Lab::removeDirectoryCommand(lab.docker, host.directory)));
                Q_UNUSED(removed);
            }
        }
    }

private:
    QString m_fileName = QStringLiteral("cluster.yaml");
    QByteArray m_mungeKey;
    QByteArray m_password;
};

} // namespace SlurmDeck::Lab
