// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// What the container of one of the cluster's services on one host is doing.
enum class ServiceState {
    Running,
    Restarting, // crashing and being restarted by Docker (restart: unless-stopped)
    Paused,
    Exited,  // stopped, or died (see exitCode)
    Created, // created but never started
    Absent,  // no container: never started, or taken down
};

[[nodiscard]] QString stateText(ServiceState state);

struct ServiceStatus
{
    QString service;
    ServiceState state = ServiceState::Absent;
    QDateTime since; // running: started at; exited: finished at; invalid when unknown (UTC)
    int exitCode = 0;
    QString health;      // "healthy", "starting", "unhealthy"; empty without a health check
    bool planned = true; // false: a container of the project that the plan no longer has

    bool operator==(const ServiceStatus &) const = default;
};

// What `docker inspect` prints with statusInspectFormat(), one container per line, turned
// into one status per planned service (in plan order; Absent where there is no container)
// followed by containers of services the plan does not have. Pure: tested on captured text.
[[nodiscard]] QList<ServiceStatus> parseServiceStates(const QByteArray &inspectOutput,
                                                      const QStringList &plannedServices);
// `docker inspect --format` template for parseServiceStates (tab-separated fields).
[[nodiscard]] QString statusInspectFormat();
// Docker's RFC 3339 time with nanoseconds ("2024-05-01T10:20:30.123456789Z"); invalid for
// Docker's zero time ("0001-01-01T00:00:00Z").
[[nodiscard]] QDateTime parseDockerTime(const QString &text);

enum class ServiceAction {
    Start,
    Stop,
    Restart
};

[[nodiscard]] QString actionText(ServiceAction action); // "start", "stop", "restart"

// Operations on the whole cluster, every host.
enum class ClusterOperation {
    Stop,   // compose down on every host: containers go, configuration and data stay
    Start,  // every host's services, in dependency order across hosts
    Remove, // containers and the configuration directory go; data stays unless purged
};

// The answers ServiceControl sends back, one per host and request.
struct HostServices
{
    QString host;
    std::optional<Error> error;
    QList<ServiceStatus> services;
};

struct ServiceActionReport
{
    QString host;
    ServiceAction action = ServiceAction::Start;
    QStringList services; // as asked; empty: all of the host's
    std::optional<Error> error;
    QString message; // "stopped slurmd", ...
};

struct ServiceLogs
{
    QString host;
    QString service;
    std::optional<Error> error;
    QStringList lines;
};

struct HostReport
{
    QString host;
    std::optional<Error> error;
    QString message;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

struct ClusterOperationReport
{
    ClusterOperation operation = ClusterOperation::Stop;
    bool purgeData = false; // Remove only
    QList<HostReport> hosts;

    [[nodiscard]] bool ok() const
    {
        for (const HostReport &host : hosts) {
            if (!host.ok())
                return false;
        }
        return true;
    }
};

} // namespace SlurmDeck
