// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the doctor reads on one host (HostProbe) for its host rules (HostRules): whether it
// answered, its containers, the munge key's hash, its clock, its disks, its images.
#include "inventory/Platform.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>

namespace SlurmDeck {

// One filesystem as `df -Pk` reports it.
struct DiskUsage
{
    QString path;       // what was asked about: the project directory, Docker's data
    QString mountPoint; // where the filesystem holding it is mounted
    qint64 sizeKiB = 0;
    qint64 usedKiB = 0;
    qint64 availableKiB = 0; // for ordinary users: without the blocks kept for root

    // As df's Capacity: used of what ordinary users may use, rounded up.
    [[nodiscard]] int usedPercent() const
    {
        const qint64 usable = usedKiB + availableKiB;
        return usable <= 0 ? 0 : static_cast<int>((usedKiB * 100 + usable - 1) / usable);
    }
    friend bool operator==(const DiskUsage &, const DiskUsage &) = default;
};

// What a Slurm daemon's log says about munge since the daemon (or its munged) last started:
// how often decoding a message failed, and the last failure's lines.
struct MungeFailures
{
    int count = 0;
    QString reason;    // munge's words: "Expired credential", "Invalid credential", ...
    QString peer;      // who sent the message, where the log names it ("nas1")
    QStringList lines; // the last failure as logged
    friend bool operator==(const MungeFailures &, const MungeFailures &) = default;
};

// One of Prometheus' scrape targets as its targets API reports it.
struct ScrapeTarget
{
    QString job;      // "node", "gpu", "prometheus"
    QString node;     // the host it scrapes (SlurmDeck's `node` label)
    QString instance; // "10.213.7.12:9100"
    bool up = false;
    QString lastError; // Prometheus' words, e.g. "... connect: connection refused"
    friend bool operator==(const ScrapeTarget &, const ScrapeTarget &) = default;
};

// What the controller's slurmctld container found trying TCP 6818 of a slurmd host.
enum class PortReach {
    Open,
    Refused, // nothing listens, or a firewall rejects
    TimedOut // a firewall drops it (or the host is gone)
};

struct HostEvidence
{
    QString host;
    QStringList services;    // what the plan runs there, in start order
    bool controller = false; // runs slurmctld
    QString directory;       // the project directory
    Platform platform = Platform::Linux;

    QString unreachable; // empty: connected and Docker answered; else why not

    // service -> "<status> <restart count>" of its container, e.g. "exited 0"; a planned
    // service missing here has no container.
    QHash<QString, QString> serviceStates;
    QHash<QString, QString> lastLogLines;        // of the planned services that are not running
    QHash<QString, MungeFailures> mungeFailures; // running Slurm daemon -> its recent log's
    std::set<quint16> listeningPorts;            // TCP ports something listens on
    QString mungeKeySha256;                      // of secrets/munge.key; empty: no such file
    std::optional<double> clockOffsetSeconds;    // the host's clock minus this machine's
    QList<DiskUsage> disks;
    QString engineArchitecture;                 // Docker's, normalised: x86_64, aarch64
    QHash<QString, QString> imageArchitectures; // image -> its architecture, normalised

    QString networkAddress; // how the other hosts reach it (NodeAddr, scrape targets)
    // Deployed files (not the secrets) whose content is not what a deploy would put there now,
    // and those missing; empty when the plan's files were not given.
    QStringList changedFiles;
    QStringList missingFiles;
    // Service -> the container holding the name Compose gives it that belongs to another
    // project (or none): "name (project X)".
    QHash<QString, QString> foreignContainers;
    // On the host that runs Prometheus: its scrape targets (empty: not asked, or no answer).
    QList<ScrapeTarget> scrapeTargets;
    // On the controller: slurmd host -> whether slurmctld's container reaches its port 6818.
    QHash<QString, PortReach> slurmdReach;
};

} // namespace SlurmDeck
