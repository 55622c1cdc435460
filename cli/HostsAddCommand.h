// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/DiscoveryRun.h"
#include "inventory/ClusterDocument.h"
#include "inventory/HostRole.h"

#include <QPointer>

namespace SlurmDeck {

// slurmdeck-cli hosts add HOST... [--roles compute,...] [login options] [--images MODE] [--yes]
// Grows the running cluster: fingerprints the named hosts over SSH (the same discovery as
// `init`), adds them to the cluster file (compute hosts unless --roles says otherwise; a host
// already in the file keeps its place and gets its facts refreshed, so running this again
// resumes an add whose deploy failed) and deploys. The deploy tells Slurm about the new nodes
// without killing the jobs running elsewhere (see SlurmConfChange). Nothing is written when a
// host named cannot be fingerprinted.
class HostsAddCommand final : public DiscoveryRun
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsAddCommand)

public:
    explicit HostsAddCommand(QObject *parent = nullptr) : DiscoveryRun(parent) {}
    void start(const CliContext &context) override;
    void interrupt() override;

    // "compute,monitoring" -> the roles; an unknown or empty role is an error naming the ids.
    [[nodiscard]] static Result<HostRoles> parseRoles(const QString &text);

private:
    void discoveryFinished(const QList<DiscoveredHost> &hosts) override;
    void deploy();
    void finish(int exitCode);

    ClusterDocument m_document;
    HostRoles m_roles = HostRole::Compute;
    bool m_yes = false;
    bool m_finished = false;
    QStringList m_deployArguments; // passed on to the deploy
    QPointer<CliCommand> m_deploy;
};

} // namespace SlurmDeck
