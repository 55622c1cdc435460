// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The doctor's rules over what it reads on each host (HostEvidence, gathered by HostProbe):
// a host that does not answer, a service whose container is not running (with its last log
// lines) or whose port another program holds, a munge key that differs from the
// controller's, a clock too far off for munge, a disk almost full, an image built for
// another architecture than its engine. Pure.
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
// services, ports, munge key, clock, disks, images. A healthy cluster gives none.
[[nodiscard]] QList<Finding> diagnose(const QList<HostEvidence> &hosts);

// `df -Pk PATH...` as POSIX prints it (a header, then one line per path asked about, in
// that order) -> one usage per line; lines that do not parse are left out. Paths with
// spaces in a mount point are kept whole.
[[nodiscard]] QList<DiskUsage> parseDiskUsage(const QString &dfOutput, const QStringList &paths);

// Docker's and images' spellings, made one: amd64 -> x86_64, arm64 -> aarch64.
[[nodiscard]] QString normalisedArchitecture(const QString &architecture);

} // namespace SlurmDeck::HostRules
