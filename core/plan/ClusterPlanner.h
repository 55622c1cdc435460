// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"
#include "plan/HostPlan.h"
#include "plan/PlanInputs.h"
#include "plan/TemplateSource.h"

namespace SlurmDeck {

// Renders the cluster: the Topology (for every host its project directory and exactly the
// services of its roles) plus the files each host gets (compose files, .env, Slurm and
// monitoring configuration, secrets). Pure: no network, no keychain; the same inputs give the same bytes,
// which is what makes a no-change re-deploy detectable from content hashes.
class ClusterPlanner final
{
public:
    explicit ClusterPlanner(TemplateSource templates = TemplateSource()) : m_templates(std::move(templates))
    {}

    [[nodiscard]] Result<ClusterPlan> plan(const Cluster &cluster, const PlanInputs &inputs) const;

    // "<remote_directory>/<cluster>". The default, /opt/slurmdeck, moves where the login can
    // write it and the engine can bind-mount it: on QNAP (whose system disk is a RAM disk)
    // under /share; for an ordinary user and on macOS under the home directory,
    // "~/.local/share/slurmdeck/<cluster>/<host>" (one directory per host: homes are often
    // shared over NFS). A remote_directory the user set is kept as it is.
    [[nodiscard]] static QString projectDirectory(const Cluster &cluster, const Host &host);
    // Whether the default remote directory moves under the login's home on `host`.
    [[nodiscard]] static bool usesHomeDirectory(const Host &host);
    [[nodiscard]] static QString homeRemoteDirectory(const QString &home);
    // What the images mean for hosts of other architectures than x86_64; empty when all are.
    [[nodiscard]] static QString architectureNote(const Cluster &cluster);
    // Where jobs find their data: the shared directories, or that output stays on the node.
    [[nodiscard]] static QString sharedDirectoriesNote(const Cluster &cluster);
    [[nodiscard]] static QString projectName(const Cluster &cluster);
    // Every file a host plan can hold, relative to the project directory: what a deploy
    // removes from a host when its plan no longer has it (e.g. the database password on a
    // host that lost the database role).
    [[nodiscard]] static QStringList managedFiles();
    // The cluster file as the controller host keeps it for another machine to adopt the
    // cluster (slurmdeck-cli adopt): no secrets, no key file paths.
    [[nodiscard]] static QString clusterDescriptionFile();
    [[nodiscard]] static QByteArray clusterDescription(const Cluster &cluster);
    // Services of a host in start order (database before controller before compute ...).
    [[nodiscard]] static QStringList servicesFor(const Host &host, bool gpuExporter);
    [[nodiscard]] static QStringList profilesFor(const Host &host, bool gpuExporter);

    // compose-templates/images/<name>/ for building `image` on a host.
    [[nodiscard]] Result<ImageBuildContext> buildContext(const QString &name, const QString &image) const;

private:
    // `plan`: the host's Topology entry; the files are added.
    [[nodiscard]] Result<HostPlan> planHost(const Cluster &cluster, const Host &host, HostPlan plan,
                                            const PlanInputs &inputs, const QByteArray &slurmConf,
                                            const QByteArray &gresConf) const;

    TemplateSource m_templates;
};

} // namespace SlurmDeck
