// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The doctor's rules over what it reads on each host (HostEvidence, gathered by HostProbe):
// a host that does not answer, a service whose container is not running (with its last log
// lines) or whose port another program holds, a munge key that differs from the
// controller's, a clock too far off for munge, a disk almost full, an image built for
// another architecture than its engine; and what the Slurm daemons logged about munge (a
// clock off for munge alone, a key munged holds that the files no longer show, munged gone);
// Prometheus targets down while their exporter runs, and slurmd's port 6818 blocked between
// the controller and a host whose slurmd runs. Pure.
#include "doctor/Finding.h"
#include "doctor/HostEvidence.h"

#include <QList>

namespace SlurmDeck::HostRules {

// Munge refuses a credential older than its time-to-live (300 s by default): "Expired
// credential". Deploy refuses hosts more than kClockWarning apart.
inline constexpr double kClockWarningSeconds = 60;
inline constexpr double kMungeTtlSeconds = 300;
inline constexpr int kDiskWarningPercent = 90;
inline constexpr int kDiskErrorPercent = 97;

// Findings host by host in the order given, each host's in a fixed order: reachability,
// services, ports, munge key, clock, disks, images; then the daemons' munge failures, at the
// host they concern (the sender, where the controller logged them); then what the controller
// and Prometheus could not reach. A healthy cluster gives none.
[[nodiscard]] QList<Finding> diagnose(const QList<HostEvidence> &hosts);

// `df -Pk PATH...` as POSIX prints it (a header, then one line per path asked about, in
// that order) -> one usage per line; lines that do not parse are left out. Paths with
// spaces in a mount point are kept whole.
[[nodiscard]] QList<DiskUsage> parseDiskUsage(const QString &dfOutput, const QStringList &paths);

// The munge failures in a Slurm daemon's recent log (`docker logs --timestamps`): only those
// after the last sign of a fresh start (the daemon's "version ... started", the image's
// "munged ready"). Pure; reads any text.
[[nodiscard]] MungeFailures mungeFailures(const QString &log);

// Prometheus' /api/v1/targets answer (JSON) -> its active targets; nothing for anything else.
[[nodiscard]] QList<ScrapeTarget> parseScrapeTargets(const QByteArray &json);

// Docker's and images' spellings, made one: amd64 -> x86_64, arm64 -> aarch64.
[[nodiscard]] QString normalisedArchitecture(const QString &architecture);

} // namespace SlurmDeck::HostRules
