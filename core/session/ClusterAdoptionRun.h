// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "session/ClusterAdoption.h"
#include "ssh/SshTarget.h"

#include <QObject>

#include <memory>

namespace SlurmDeck {

class ClusterSecrets;

// Adopting a cluster that another machine deployed, as both fronts run it (slurmdeck-cli
// adopt, the GUI's File → Adopt Cluster…): describe() reads the cluster's description from
// its controller host over a connection whose host key the user trusts; once the front has
// shown it and the user agreed, adopt() reads the munge key and database password over that
// same connection, keeps them in this machine's keychain and writes the cluster file. Each
// blocking step runs on a worker thread; the answers arrive as signals on the owner's thread.
class ClusterAdoptionRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterAdoptionRun)

public:
    // `controller`: the host to adopt from, as the user named it (its identity file, when
    // set, becomes every host's in the cluster file); `shared`: this machine's SSH settings,
    // for the database host when it is another host.
    ClusterAdoptionRun(SshTarget controller, SshTarget shared, std::shared_ptr<HostKeyPrompt> hostKeys,
                       std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~ClusterAdoptionRun() override;

    // Reads the description of the cluster `name` (empty: the only one on the host) under
    // the usual directories or `root`. Answered by described().
    void describe(const QString &name, const QString &root);
    // After described() succeeded: copies the secrets into the keychain (refused, writing
    // nothing, where it holds other values for this cluster, unless `replace`) and then
    // writes the cluster file `path`. Answered by adopted(), with the file written.
    void adopt(const QString &path, bool replace);

    [[nodiscard]] const ClusterAdoption::Described &description() const { return m_described; }
    // The cluster file adopt() writes when the front names none: NAME.yaml in the clusters
    // directory.
    [[nodiscard]] static QString defaultPath(const QString &clusterName);

signals:
    void described(const SlurmDeck::Result<SlurmDeck::ClusterAdoption::Described> &description);
    void adopted(const SlurmDeck::Result<QString> &clusterFile);

private:
    void store(const ClusterSecrets::Values &values, const QString &path, bool replace);
    void save(const QString &path);

    SshTarget m_controller;
    SshTarget m_shared;
    std::shared_ptr<HostKeyPrompt> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    std::shared_ptr<ClusterAdoption> m_adoption; // its connection, used by one task at a time
    ClusterAdoption::Described m_described;
    ClusterSecrets *m_secrets = nullptr;
};

} // namespace SlurmDeck
