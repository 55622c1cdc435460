// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fingerprint/HostFingerprint.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>

// The per-section parsers behind parseFingerprint(), one per tool output. Pure, tolerant:
// what they cannot read they leave out, never crash.
namespace SlurmDeck::FingerprintSections {

// KEY=VALUE lines with shell-style quoting ("..." or '...'), as in /etc/os-release.
[[nodiscard]] QMap<QString, QString> parseOsRelease(const QByteArray &text);

// "KEY<sep>VALUE" lines, both sides trimmed; the first separator splits. sw_vers uses
// ':', sysctl ": " (also " = " on older systems), QNAP's ini files '='.
[[nodiscard]] QMap<QString, QString> parseKeyValues(const QByteArray &text, QChar separator);

// x86_64/amd64 -> x86_64, arm64/aarch64 -> aarch64, armv7l/armv7 -> armv7, i686 -> i686.
[[nodiscard]] QString normaliseArchitecture(const QString &unameMachine);

// More CPUs than any machine SlurmDeck could meet; larger claims are clamped to it.
inline constexpr int maxCpus = 1 << 20;

struct CpuTopology final
{
    std::optional<int> logicalCpus; // "processor" entries
    std::optional<int> sockets;
    std::optional<int> coresPerSocket;
    std::optional<int> threadsPerCore;
    QString model;
};
// /proc/cpuinfo. Without "physical id" (many ARM kernels) one socket is assumed; without
// "core id" every processor counts as a core.
[[nodiscard]] CpuTopology parseCpuInfo(const QByteArray &text);

// MemTotal from /proc/meminfo, in bytes.
[[nodiscard]] std::optional<qint64> parseMemTotal(const QByteArray &text);

// `nvidia-smi --query-gpu=index,name,memory.total,driver_version,uuid
//  --format=csv,noheader,nounits`. Lines that are not GPU rows (driver errors) go to
// `warnings`.
[[nodiscard]] QList<GpuInfo> parseNvidiaSmi(const QByteArray &text, QStringList *warnings = nullptr);

struct DockerVersion final
{
    QString serverVersion;
    QString serverOs;
    QString serverArch;
    QString clientVersion;
    QString error; // whatever else the CLI said (stderr), trimmed
};
// `docker version --format '{{.Server.Version}}|{{.Server.Os}}|{{.Server.Arch}}|{{.Client.Version}}'`
// with stderr folded in.
[[nodiscard]] DockerVersion parseDockerVersion(const QByteArray &text);

// `docker info --format '{{json .Runtimes}}'`: whether a runtime named like "nvidia" is
// registered. Nothing when the text holds no JSON object (engine unreachable).
[[nodiscard]] std::optional<bool> parseNvidiaRuntime(const QByteArray &text);

// The first thing that looks like a version ("2.27.0", "v2.24.6-desktop.1" -> without 'v')
// in `compose version --short` output.
[[nodiscard]] QString parseComposeVersion(const QByteArray &text);

// Listening TCP ports from `ss -Htln`, `ss -tln`, Linux/BusyBox `netstat -tln` or BSD
// `netstat -an -p tcp` (where "*.22" / "127.0.0.1.631" name the port after the last dot).
[[nodiscard]] std::set<quint16> parseListeningPorts(const QByteArray &text);

// `date -u +%s` then `date -u +%s.%N`: the fractional line when %N was expanded (GNU),
// else the whole seconds (macOS prints "N", BusyBox "%N").
[[nodiscard]] std::optional<double> parseEpoch(const QByteArray &text);

} // namespace SlurmDeck::FingerprintSections
