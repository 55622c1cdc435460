// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/ClusterAdoptionRun.h"

#include "common/OffThread.h"
#include "inventory/ClusterFile.h"
#include "secrets/ClusterSecrets.h"

namespace SlurmDeck {

ClusterAdoptionRun::ClusterAdoptionRun(SshTarget controller, SshTarget shared,
                                       std::shared_ptr<HostKeyPrompt> hostKeys,
                                       std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_controller(std::move(controller))
    , m_shared(std::move(shared))
    , m_hostKeys(std::move(hostKeys))
    , m_credentials(std::move(credentials))
    , m_adoption(std::make_shared<ClusterAdoption>(m_controller, m_hostKeys.get(), m_credentials.get()))
{}

// A task still running keeps the connection and the prompts alive until it ends.
ClusterAdoptionRun::~ClusterAdoptionRun() = default;

QString ClusterAdoptionRun::defaultPath(const QString &clusterName)
{
    return ClusterFile::clustersDirectory() + u'/' + clusterName + QStringLiteral(".yaml");
}

void ClusterAdoptionRun::describe(const QString &name, const QString &root)
{
    const std::shared_ptr<ClusterAdoption> adoption = m_adoption;
    const auto prompts = std::make_pair(m_hostKeys, m_credentials); // alive while the task runs
    runOffThread<Result<ClusterAdoption::Described>>(
        this, [adoption, prompts, name, root] { return adoption->describe(name, root); },
        [this](const Result<ClusterAdoption::Described> &found) {
            if (found)
                m_described = *found;
            emit described(found);
        });
}

void ClusterAdoptionRun::adopt(const QString &path, bool replace)
{
    const std::shared_ptr<ClusterAdoption> adoption = m_adoption;
    const auto prompts = std::make_pair(m_hostKeys, m_credentials);
    const SshTarget shared = m_shared;
    runOffThread<Result<ClusterSecrets::Values>>(
        this, [adoption, prompts, shared] { return adoption->readSecrets(shared); },
        [this, path, replace](const Result<ClusterSecrets::Values> &values) {
            if (!values) {
                emit adopted(makeError(values.error().code,
                                       tr("Nothing was written here: cannot read the cluster's secrets. %1")
                                           .arg(values.error().toString())));
                return;
            }
            store(*values, path, replace);
        });
}

void ClusterAdoptionRun::store(const ClusterSecrets::Values &values, const QString &path, bool replace)
{
    delete m_secrets;
    m_secrets = new ClusterSecrets(m_described.cluster.keychainService(), this);
    m_secrets->store(values, replace, this, [this, path](Result<void> stored) {
        if (!stored) {
            emit adopted(makeError(stored.error().code,
                                   tr("Nothing was written here: cannot keep the secrets in the keychain. %1")
                                       .arg(stored.error().toString())));
            return;
        }
        save(path);
    });
}

void ClusterAdoptionRun::save(const QString &path)
{
    Cluster cluster = m_described.cluster;
    if (!m_controller.identityFile.isEmpty()) {
        for (Host &host : cluster.hosts)
            host.identity = m_controller.identityFile;
    }
    runOffThread<Result<void>>(
        this, [cluster, path] { return ClusterFile::save(cluster, path); },
        [this, path](const Result<void> &saved) {
            if (!saved) {
                emit adopted(makeError(
                    saved.error().code,
                    tr("The secrets are in the keychain, but the cluster file could not be written: %1")
                        .arg(saved.error().toString())));
                return;
            }
            emit adopted(path);
        });
}

} // namespace SlurmDeck
