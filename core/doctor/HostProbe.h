// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/HostEvidence.h"

namespace SlurmDeck {

class HostDeployer;

namespace HostProbe {

// Reads one host's evidence for the doctor over `host`'s connection, which
// connectAndCheck(true) has opened: its project's containers (and the last log lines of
// those not running), the munge key's hash, its clock, the disks of the project directory
// and of Docker's data, the architecture of the images its containers use. A command that
// fails leaves its part empty (the rule then says nothing). Blocking: a worker thread's.
[[nodiscard]] HostEvidence collect(HostDeployer &host, bool controller);

// The evidence of a host that could not be connected to or checked.
[[nodiscard]] HostEvidence unreachable(const QString &host, const QStringList &services, bool controller,
                                       const QString &why);

} // namespace HostProbe

} // namespace SlurmDeck
