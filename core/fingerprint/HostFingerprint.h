// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/ComposeTool.h"
#include "inventory/Platform.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <set>

namespace SlurmDeck {

struct GpuInfo final
{
    int index = -1;
    QString model;                   // "NVIDIA GeForce RTX 3090"
    std::optional<qint64> memoryMiB; // nothing where nvidia-smi says [N/A] / [Not Supported]
    QString driver;                  // "535.104.05"
    QString uuid;                    // "GPU-..."

    friend bool operator==(const GpuInfo &, const GpuInfo &) = default;
};

// What one run of the fingerprint probe found out about a host. Everything is optional
// in spirit: a field the probe could not establish stays empty / unset, and `warnings`
// says why in words a user can act on.
struct HostFingerprint final
{
    Platform platform = Platform::Unknown;
    QString osName;       // "Debian GNU/Linux", "macOS", "QTS"
    QString osVersion;    // "12", "14.5", "5.1.0"
    QString osPrettyName; // "Debian GNU/Linux 12 (bookworm)", "macOS 14.5", "QTS 5.1.0 (TS-453D)"
    QString qnapModel;    // "TS-453D"
    QString qnapBuild;    // "20230822"
    QString hostname;
    QString kernel;              // `uname -r`
    QString loginShell;          // the SSH account's login shell ($SHELL), e.g. "/bin/bash"
    std::optional<int> loginUid; // the SSH account's uid (0: root, or a QNAP admin)
    std::optional<int> loginGid; // its primary group
    QString loginUser;           // its name, e.g. "alice"
    QString homeDirectory;       // its $HOME, absolute; empty: unknown
    QString architecture;        // normalised: x86_64, aarch64, armv7, ...
    QString cpuModel;

    std::optional<int> sockets;
    std::optional<int> coresPerSocket;
    std::optional<int> threadsPerCore;
    std::optional<int> logicalCpus;
    std::optional<qint64> memoryBytes;
    [[nodiscard]] std::optional<qint64> memoryMiB() const
    {
        return memoryBytes ? std::optional<qint64>(*memoryBytes / (1024 * 1024)) : std::nullopt;
    }

    QList<GpuInfo> gpus;

    // What the container engine provides (`docker info`: NCPU, MemTotal): on a Mac, the Docker
    // VM's share of the machine, and what slurmd in a container sees. Unset: not reported.
    std::optional<int> engineCpus;
    std::optional<qint64> engineMemoryBytes;
    [[nodiscard]] std::optional<qint64> engineMemoryMiB() const
    {
        return engineMemoryBytes ? std::optional<qint64>(*engineMemoryBytes / (1024 * 1024)) : std::nullopt;
    }

    QString dockerPath; // empty: no docker CLI found
    QString dockerClientVersion;
    QString dockerServerVersion; // empty: the engine did not answer (see dockerServerError)
    QString dockerServerOs;
    QString dockerServerArch;
    QString dockerServerError; // the CLI's own words, e.g. "permission denied while trying..."
    // The engine answered the CLI with "permission denied" on its socket: the login may not
    // use Docker (Linux: not in the 'docker' group).
    [[nodiscard]] bool dockerAccessDenied() const
    {
        return dockerServerVersion.isEmpty() &&
               dockerServerError.contains(QLatin1String("permission denied"));
    }
    std::optional<bool> nvidiaRuntime; // unset when `docker info` did not answer

    std::optional<ComposeFlavour> composeFlavour; // v2 preferred when both exist
    QString composePath;                          // the docker CLI for v2, docker-compose for v1
    QString composeVersion;                       // "2.27.0", "1.29.2"

    std::set<quint16> listeningPorts;

    // Seconds since the epoch on the remote clock, taken around the probe's other work:
    // the midpoint of its first and last reading, which lines up with the midpoint of
    // the local send/receive times (see clockOffset).
    std::optional<double> remoteEpoch;

    QStringList warnings;

    [[nodiscard]] bool hasDockerServer() const { return !dockerServerVersion.isEmpty(); }
};

// Ports SlurmDeck's services publish on a host: slurmctld, slurmd, slurmdbd,
// Prometheus, node_exporter.
inline constexpr std::array<quint16, 5> serviceports{6817, 6818, 6819, 9090, 9100};

// The service ports something already listens on, ascending.
[[nodiscard]] QList<quint16> portsInConflict(const HostFingerprint &fingerprint);

// Remote clock minus local clock, in seconds (positive: the remote clock is ahead).
// `localBefore` / `localAfter` are the local epoch just before sending the probe and just
// after its output arrived; with symmetric latency the error is at most half their gap.
[[nodiscard]] double clockOffset(double remoteEpoch, double localBefore, double localAfter);

} // namespace SlurmDeck
