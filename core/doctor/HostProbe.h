// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/HostEvidence.h"

namespace SlurmDeck {

class HostDeployer;

namespace HostProbe {

// What a host's probe needs to know of the others.
struct Scope
{
    bool controller = false; // runs slurmctld: it also tries each slurmd's port
    // Each host that runs slurmd -> the address slurmctld reaches it at (NodeAddr).
    QList<std::pair<QString, QString>> slurmdAddresses;
};

// Reads one host's evidence for the doctor over `host`'s connection, which
// connectAndCheck(true) has opened: its project's containers (and the last log lines of
// those not running, the munge failures of the Slurm daemons that run), the munge key's
// hash, its clock, the disks of the project directory and of Docker's data, the architecture
// of the images its containers use; where Prometheus runs, its scrape targets; on the
// controller, whether slurmctld's container reaches each slurmd's port 6818. A command that
// fails leaves its part empty (the rule then says nothing). Blocking: a worker thread's.
[[nodiscard]] HostEvidence collect(HostDeployer &host, const Scope &scope);

// The evidence of a host that could not be connected to or checked.
[[nodiscard]] HostEvidence unreachable(const QString &host, const QStringList &services, bool controller,
                                       const QString &why);

} // namespace HostProbe

} // namespace SlurmDeck
