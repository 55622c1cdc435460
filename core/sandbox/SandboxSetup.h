// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "sandbox/LabManifest.h"

#include <QString>

namespace SlurmDeck::Sandbox {

// The sandbox: the seed's topology — a primary host and three workers, one set up like a
// QNAP, one with the macOS override's networking — emulated on this machine by the test lab
// (tests/lab/lab.sh: network namespaces, one sshd and one Docker engine per host), with the
// cluster deployed by SlurmDeck's own deploy engine.
inline constexpr auto clusterName = "sandbox";
inline constexpr auto baseImage = "slurmdeck-lab/bookworm-minbase:latest";

struct Scripts
{
    QString lab;         // lab.sh
    QString buildImages; // compose-templates/build-images.sh
};

// Linux and root (namespaces, Docker engines); otherwise says why and what to do.
[[nodiscard]] Result<void> checkCanRun();

// Finds the scripts: $SLURMDECK_SHARE_DIR, then <executable dir>/../share/slurmdeck, then
// the source tree SlurmDeck was built from.
[[nodiscard]] Result<Scripts> locate();

// <AppPaths::configDirectory()>/clusters/sandbox.yaml
[[nodiscard]] QString clusterFilePath();

// Makes SlurmDeck trust the lab hosts' keys: the sandbox created them on this machine, so
// they go into SlurmDeck's own known_hosts (replacing older entries for the same addresses)
// instead of being asked about.
[[nodiscard]] Result<void> trustHostKeys(const Lab::Manifest &lab, const QString &knownHostsFile);
// The same into SlurmDeck's own known_hosts (SshConnection::defaultSlurmDeckKnownHosts()).
[[nodiscard]] Result<void> trustHostKeys(const Lab::Manifest &lab);

// After discovery: the roles are the defaults (the first Linux host runs controller,
// database, monitoring; every host computes). The lab's second host answers as a Mac, so
// discovery already gave it the macOS platform, as in the seed.
void applySeedTopology(Cluster &cluster);

} // namespace SlurmDeck::Sandbox
