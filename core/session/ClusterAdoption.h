// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/SshTarget.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class SshConnection;

// Taking over, from this machine, a cluster that another machine deployed (slurmdeck-cli
// adopt): the deploy leaves the cluster's description (ClusterPlanner::clusterDescription)
// in the controller host's project directory; the secrets are read from the hosts' deployed
// files over the connection whose host key was verified for the description. Blocking, for
// a worker thread; one call at a time. The prompts must outlive this object.
class ClusterAdoption final
{
public:
    struct Described
    {
        Cluster cluster;
        QString directory; // the controller host's project directory
        QString host;      // the controller host as reached
    };

    ClusterAdoption(SshTarget controller, HostKeyPrompt *hostKeys, CredentialPrompt *credentials);
    ~ClusterAdoption();
    ClusterAdoption(const ClusterAdoption &) = delete;
    ClusterAdoption &operator=(const ClusterAdoption &) = delete;

    // Connects to the controller host and reads the description of the cluster `name`
    // (empty: the only one there) under /opt/slurmdeck, /share/slurmdeck or `root`.
    [[nodiscard]] Result<Described> describe(const QString &name, const QString &root);

    // After describe(): the munge key from the controller host and the database password
    // from the database host (this connection when it is the same host, else one to it with
    // `shared`'s settings and its address, user and port from the description).
    [[nodiscard]] Result<ClusterSecrets::Values> readSecrets(const SshTarget &shared);

    // The files holding cluster descriptions under the usual roots and `root`.
    [[nodiscard]] static Result<QStringList> findDescriptions(SshConnection &connection, const QString &root);

private:
    SshTarget m_target;
    HostKeyPrompt *m_hostKeys;
    CredentialPrompt *m_credentials;
    std::unique_ptr<SshConnection> m_connection;
    Described m_described;
};

} // namespace SlurmDeck
