// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "deploy/DeployTypes.h"
#include "plan/SlurmConfChange.h"

#include <QStringList>

namespace SlurmDeck {

class HostDeployer;

// Makes running Slurm daemons read the configuration a deploy replaced, without losing a
// job: `scontrol reconfigure` where Slurm takes the change at run time; otherwise
// slurmctld's container restarts (its state survives in StateSaveLocation) and then slurmd
// restarts inside each container, so job steps keep running. Blocking, for a worker thread.

// What one host's replaced files need, from its deployer after syncFiles() and its result
// after startServices(). A host whose Slurm daemons all started in this run needs nothing:
// they read the new files when they started.
[[nodiscard]] SlurmConfChange slurmConfigChange(const HostDeployer &deployer, const HostDeployResult &result);

// On the controller host: restarts slurmctld's container (RestartDaemons) or runs scontrol
// reconfigure (Reconfigure), once slurmctld answers. Returns the containers it restarted.
[[nodiscard]] Result<QStringList> applyOnController(HostDeployer &controller, const SlurmConfChange &change,
                                                    const HostDeployResult &result);

// On a compute host, after the controller: restarts slurmd in place (RestartDaemons) where
// it ran before this deploy and was not restarted by it. Returns {"slurmd"} when it did.
[[nodiscard]] Result<QStringList> applyOnComputeHost(HostDeployer &host, const SlurmConfChange &change,
                                                     const HostDeployResult &result);

} // namespace SlurmDeck
