// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/ClusterPlanner.h"

#include "fingerprint/SectionParsers.h"
#include "inventory/ClusterFile.h"

#include "plan/LimitEnforcement.h"
#include "plan/MonitoringConfig.h"
#include "plan/ServiceLimits.h"
#include "plan/SharedMounts.h"
#include "plan/SlurmConfig.h"
#include "plan/Topology.h"

#include <QMap>
#include <QObject>
#include <QStringList>

namespace SlurmDeck {

namespace {

QString overrideFor(Platform platform)
{
    switch (platform) {
    case Platform::MacOS:
        return QStringLiteral("overrides/macos.yml");
    case Platform::Qnap:
        return QStringLiteral("overrides/qnap.yml");
    case Platform::Linux:
    case Platform::Unknown:
        break;
    }
    return QStringLiteral("overrides/linux.yml");
}

// The template's CgroupPlugin line set to what the cluster's Slurm release needs.
QByteArray withCgroupPlugin(const QByteArray &cgroupConf, const QString &slurmRelease)
{
    const std::optional<SlurmRelease> release = SlurmRelease::find(slurmRelease);
    if (!release)
        return cgroupConf;
    QList<QByteArray> lines = cgroupConf.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith("CgroupPlugin="))
            line = "CgroupPlugin=" + release->cgroupPlugin.toUtf8();
    }
    return lines.join('\n');
}

QByteArray envFile(const Cluster &cluster, const Host &host, const PlanInputs &inputs,
                   const QString &directory)
{
    const QStringList lines{
        QStringLiteral("SLURMDECK_SLURM_IMAGE=") + inputs.slurmImageFor(cluster),
        QStringLiteral("SLURMDECK_MONITORING_IMAGE=") + inputs.monitoringImage,
        QStringLiteral("SLURMDECK_DB_IMAGE=") + inputs.databaseImage,
        QStringLiteral("SLURM_NODENAME=") + host.name,
        QStringLiteral("SLURMDECK_DIR=") + directory,
        QStringLiteral("HOST_ADDRESS=") + inputs.networkAddresses.value(host.name, host.address),
        QStringLiteral("SLURMDECK_SRUN_PORT_RANGE=%1-%2").arg(inputs.srunPortFirst).arg(inputs.srunPortLast),
    };
    return generatedHeader(cluster.name) + lines.join(u'\n').toUtf8() + '\n';
}

} // namespace

Result<ImageBuildContext> ClusterPlanner::buildContext(const QString &name, const QString &image) const
{
    const QString directory = QStringLiteral("images/") + name;
    const Result<QStringList> paths = m_templates.list(directory);
    if (!paths)
        return paths.error();
    ImageBuildContext context{image, name, {}};
    for (const QString &path : *paths) {
        const Result<QByteArray> content = m_templates.read(directory + u'/' + path);
        if (!content)
            return content.error();
        // The modes git records (and build-images.sh hashes): scripts executable, the rest not.
        const int mode = path.endsWith(QLatin1String(".sh")) ? 0755 : 0644;
        context.files.append(RenderedFile{path, *content, mode, false});
    }
    return context;
}

QString ClusterPlanner::projectName(const Cluster &cluster)
{
    return QStringLiteral("slurmdeck-") + cluster.name.toLower();
}

QString ClusterPlanner::clusterDescriptionFile()
{
    return QStringLiteral("slurmdeck-cluster.yaml");
}

QByteArray ClusterPlanner::clusterDescription(const Cluster &cluster)
{
    // Key files are paths on the machine that deployed; another machine uses its own.
    Cluster shared = cluster;
    for (Host &host : shared.hosts)
        host.identity.clear();
    return "# Written by SlurmDeck's deploy for 'slurmdeck-cli adopt': the cluster file, without\n"
           "# key file paths. It holds no secret.\n" +
           ClusterFile::toYaml(shared);
}

QStringList ClusterPlanner::managedFiles()
{
    return {QStringLiteral("compose.yml"),
            QStringLiteral("compose.override.yml"),
            QStringLiteral("compose.gpu.yml"),
            SharedMounts::composeFileName(),
            QStringLiteral(".env"),
            QStringLiteral("etc/slurm/slurm.conf"),
            QStringLiteral("etc/slurm/cgroup.conf"),
            QStringLiteral("etc/slurm/gres.conf"),
            QStringLiteral("etc/slurm/users.conf"),
            QStringLiteral("etc/slurm/slurmdbd.conf"),
            QStringLiteral("secrets/munge.key"),
            QStringLiteral("secrets/db_password"),
            QStringLiteral("prometheus/prometheus.yml"),
            clusterDescriptionFile()};
}

bool ClusterPlanner::usesHomeDirectory(const Host &host)
{
    const DetectedFacts &facts = host.detected;
    if (facts.home.isEmpty() || host.effectivePlatform() == Platform::Qnap)
        return false;
    // Docker Desktop bind-mounts only what it shares (/Users, not /opt); an ordinary Linux
    // user cannot create /opt/slurmdeck.
    return host.effectivePlatform() == Platform::MacOS || (facts.loginUid && *facts.loginUid != 0);
}

QString ClusterPlanner::homeRemoteDirectory(const QString &home)
{
    QString base = home;
    while (base.endsWith(u'/') && base.size() > 1)
        base.chop(1);
    return base + QStringLiteral("/.local/share/slurmdeck");
}

QString ClusterPlanner::architectureNote(const Cluster &cluster)
{
    QMap<QString, QStringList> hostsByArchitecture;
    for (const Host &host : cluster.hosts) {
        if (!host.detected.arch.isEmpty())
            hostsByArchitecture[FingerprintSections::normaliseArchitecture(host.detected.arch)] << host.name;
    }
    if (hostsByArchitecture.isEmpty() ||
        (hostsByArchitecture.size() == 1 && hostsByArchitecture.contains(QStringLiteral("x86_64"))))
        return {};
    QStringList groups;
    for (auto it = hostsByArchitecture.cbegin(); it != hostsByArchitecture.cend(); ++it)
        groups << QStringLiteral("%1 (%2)").arg(it.key(), it.value().join(QStringLiteral(", ")));
    return QObject::tr(
               "Architectures: %1. Each host runs images built for its own: with --images build (the "
               "default) each host builds them; --images transfer and from:HOST send an image only to "
               "hosts of its architecture, and stop at the others.")
        .arg(groups.join(QStringLiteral("; ")));
}

QString ClusterPlanner::sharedDirectoriesNote(const Cluster &cluster)
{
    if (cluster.hostsWithRole(HostRole::Compute).isEmpty())
        return {};
    if (cluster.shared.isEmpty()) {
        return QObject::tr(
            "No shared directory: a job's files and output stay inside the slurmd container of "
            "the node that ran it. Add one under 'shared' in the cluster file (e.g. a NAS share "
            "mounted on every host) to find them in one place.");
    }
    QStringList directories;
    for (const SharedDirectory &shared : cluster.shared) {
        QStringList elsewhere;
        for (auto it = shared.sources.cbegin(); it != shared.sources.cend(); ++it)
            elsewhere << QStringLiteral("%1 on %2").arg(it.value(), it.key());
        directories << (elsewhere.isEmpty()
                            ? QObject::tr("%1 from %2").arg(shared.mount, shared.source)
                            : QObject::tr("%1 from %2 (%3)")
                                  .arg(shared.mount, shared.source, elsewhere.join(QStringLiteral(", "))));
    }
    return QObject::tr(
               "Shared directories, the same on every Slurm node: %1. The deploy checks that every host "
               "sees one filesystem there; jobs start in %2 by default.")
        .arg(directories.join(QStringLiteral("; ")), cluster.shared.constFirst().mount);
}

QString ClusterPlanner::projectDirectory(const Cluster &cluster, const Host &host)
{
    QString base = cluster.settings.remoteDirectory;
    if (base == ClusterSettings::defaultRemoteDirectory()) {
        if (host.effectivePlatform() == Platform::Qnap)
            base = QStringLiteral("/share/slurmdeck");
        else if (usesHomeDirectory(host)) // homes are often one directory on every host (NFS)
            return homeRemoteDirectory(host.detected.home) + u'/' + cluster.name + u'/' + host.name;
    }
    while (base.endsWith(u'/') && base.size() > 1)
        base.chop(1);
    return base + u'/' + cluster.name;
}

QStringList ClusterPlanner::servicesFor(const Host &host, bool gpuExporter)
{
    QStringList services;
    if (host.hasRole(HostRole::Database))
        services << QStringLiteral("mariadb") << QStringLiteral("slurmdbd");
    if (host.hasRole(HostRole::Controller))
        services << QStringLiteral("slurmctld");
    if (host.hasRole(HostRole::Compute))
        services << QStringLiteral("slurmd");
    if (host.hasRole(HostRole::Monitoring))
        services << QStringLiteral("prometheus") << QStringLiteral("slurm-exporter");
    services << QStringLiteral("node-exporter");
    if (gpuExporter && host.detected.hasGpu())
        services << QStringLiteral("gpu-exporter");
    return services;
}

QStringList ClusterPlanner::profilesFor(const Host &host, bool gpuExporter)
{
    QStringList profiles;
    for (HostRole role : allHostRoles()) {
        if (host.hasRole(role))
            profiles << hostRoleId(role);
    }
    profiles << QStringLiteral("node");
    if (gpuExporter && host.detected.hasGpu())
        profiles << QStringLiteral("gpu");
    return profiles;
}

Result<HostPlan> ClusterPlanner::planHost(const Cluster &cluster, const Host &host, HostPlan plan,
                                          const PlanInputs &inputs, const QByteArray &slurmConf,
                                          const QByteArray &gresConf) const
{
    const Result<QByteArray> base = m_templates.read(QStringLiteral("compose.yml"));
    if (!base)
        return base.error();
    const Result<QByteArray> cgroupConf = m_templates.read(QStringLiteral("config/cgroup.conf"));
    if (!cgroupConf)
        return cgroupConf.error();
    const Result<QByteArray> platformOverride = m_templates.read(overrideFor(plan.platform));
    if (!platformOverride)
        return platformOverride.error();
    plan.files << RenderedFile{QStringLiteral("compose.yml"), *base, 0644, false}
               << RenderedFile{QStringLiteral("compose.override.yml"), *platformOverride, 0644, false};
    if (plan.project.files.contains(QStringLiteral("compose.gpu.yml"))) {
        const Result<QByteArray> gpu = m_templates.read(QStringLiteral("overrides/gpu.yml"));
        if (!gpu)
            return gpu.error();
        plan.files << RenderedFile{QStringLiteral("compose.gpu.yml"), *gpu, 0644, false};
    }
    if (plan.project.files.contains(SharedMounts::composeFileName()))
        plan.files << RenderedFile{SharedMounts::composeFileName(), SharedMounts::composeFile(plan), 0644,
                                   false};
    plan.files << RenderedFile{QStringLiteral(".env"), envFile(cluster, host, inputs, plan.directory), 0644,
                               false}
               << RenderedFile{QStringLiteral("etc/slurm/slurm.conf"), slurmConf, 0644, false}
               << RenderedFile{QStringLiteral("etc/slurm/cgroup.conf"),
                               withCgroupPlugin(*cgroupConf, cluster.settings.slurmRelease), 0644, false};
    if (!gresConf.isEmpty())
        plan.files << RenderedFile{QStringLiteral("etc/slurm/gres.conf"), gresConf, 0644, false};
    if (const QList<ClusterUser> users = ClusterUsers::effective(cluster); !users.isEmpty()) {
        QByteArray accounts =
            generatedHeader(cluster.name) +
            "# The cluster's users, name:uid:gid: accounts in the Slurm containers and in slurmdbd.\n";
        for (const ClusterUser &user : users)
            accounts += QStringLiteral("%1:%2:%3\n").arg(user.name).arg(user.uid).arg(user.gid).toUtf8();
        plan.files << RenderedFile{QStringLiteral("etc/slurm/users.conf"), accounts, 0644, false};
    }
    plan.files << RenderedFile{QStringLiteral("secrets/munge.key"), inputs.mungeKey, 0400, true};
    if (host.hasRole(HostRole::Database)) {
        plan.files << RenderedFile{QStringLiteral("etc/slurm/slurmdbd.conf"), renderSlurmdbdConf(cluster),
                                   0600, false}
                   << RenderedFile{QStringLiteral("secrets/db_password"), inputs.databasePassword, 0600,
                                   true};
    }
    if (host.hasRole(HostRole::Monitoring)) {
        plan.files << RenderedFile{QStringLiteral("prometheus/prometheus.yml"),
                                   renderPrometheusConfig(cluster, inputs, false), 0644, false};
    }
    if (host.hasRole(HostRole::Controller))
        plan.files << RenderedFile{clusterDescriptionFile(), clusterDescription(cluster), 0644, false};
    return plan;
}

Result<ClusterPlan> ClusterPlanner::plan(const Cluster &cluster, const PlanInputs &inputs) const
{
    Result<Topology> topology = Topology::of(cluster, inputs.networkAddresses);
    if (!topology)
        return topology.error();
    if (inputs.mungeKey.size() < 32) {
        return makeError(Error::Code::InvalidArgument,
                         QObject::tr("The munge key is missing; it comes from the OS keychain."));
    }
    if (!cluster.hostsWithRole(HostRole::Database).isEmpty() && inputs.databasePassword.isEmpty()) {
        return makeError(
            Error::Code::InvalidArgument,
            QObject::tr("The accounting database password is missing; it comes from the OS keychain."));
    }

    ClusterPlan plan;
    plan.clusterName = cluster.name;
    plan.projectName = projectName(cluster);
    plan.slurmImage = inputs.slurmImageFor(cluster);
    plan.monitoringImage = inputs.monitoringImage;
    plan.databaseImage = inputs.databaseImage;
    plan.users = topology->users;
    const QByteArray slurmConf = renderSlurmConf(cluster, inputs);
    const QByteArray gresConf = renderGresConf(cluster);
    for (qsizetype i = 0; i < cluster.hosts.size(); ++i) {
        Result<HostPlan> hostPlan =
            planHost(cluster, cluster.hosts.at(i), topology->hosts.at(i), inputs, slurmConf, gresConf);
        if (!hostPlan)
            return hostPlan.error();
        plan.hosts.append(std::move(hostPlan).value());
    }
    const std::pair<QString, QString> images[] = {{QStringLiteral("slurm"), plan.slurmImage},
                                                  {QStringLiteral("monitoring"), inputs.monitoringImage},
                                                  {QStringLiteral("mariadb"), inputs.databaseImage}};
    for (const auto &[name, image] : images) {
        Result<ImageBuildContext> context = buildContext(name, image);
        if (!context)
            return context.error();
        plan.buildContexts.append(std::move(context).value());
    }
    bool anyGpu = false;
    for (const Host &host : cluster.hosts)
        anyGpu = anyGpu || host.detected.hasGpu();
    if (anyGpu) {
        plan.notes << QObject::tr(
            "GPU metrics: no GPU exporter is packaged in Debian, so none is deployed; the GPUs "
            "view reads nvidia-smi over SSH instead.");
    }
    if (const QString note = architectureNote(cluster); !note.isEmpty())
        plan.notes << note;
    for (const Host &host : cluster.hosts) {
        if (cluster.settings.remoteDirectory == ClusterSettings::defaultRemoteDirectory() &&
            usesHomeDirectory(host)) {
            plan.notes << QObject::tr(
                              "%1: the files go under the login's home, to a directory of the host's own "
                              "(homes are often shared over NFS), %2, not %3: %4")
                              .arg(host.name, projectDirectory(cluster, host),
                                   ClusterSettings::defaultRemoteDirectory(),
                                   host.effectivePlatform() == Platform::MacOS
                                       ? QObject::tr("Docker Desktop shares /Users with its VM, not /opt.")
                                       : QObject::tr("an ordinary user cannot write /opt."));
        }
    }
    if (const QString note = sharedDirectoriesNote(cluster); !note.isEmpty())
        plan.notes << note;
    if (const QList<ClusterUser> users = ClusterUsers::effective(cluster); !users.isEmpty()) {
        QStringList names;
        for (const ClusterUser &user : users)
            names << QStringLiteral("%1 (%2:%3)").arg(user.name).arg(user.uid).arg(user.gid);
        plan.notes << QObject::tr(
                          "Jobs run as the cluster's users, by default the first: %1. They are accounts in "
                          "every Slurm container and in slurmdbd's account %2.")
                          .arg(names.join(QStringLiteral(", ")), cluster.name.toLower());
    } else {
        plan.notes << QObject::tr(
            "Jobs run as root in the containers: the cluster has no users (the controller is "
            "reached as root). List them under 'users' in the cluster file.");
    }
    if (const QString note = LimitEnforcement::of(cluster).note(cluster); !note.isEmpty())
        plan.notes << note;
    if (const Result<QByteArray> base = m_templates.read(QStringLiteral("compose.yml")); base) {
        QStringList services;
        for (const HostPlan &host : std::as_const(plan.hosts))
            services << host.services;
        if (const QString note = ServiceLimits::note(ServiceLimits::memoryLimits(*base), services);
            !note.isEmpty())
            plan.notes << note;
    }
    plan.notes << QObject::tr(
        "Grafana is optional and not deployed (no Debian package; the upstream image needs "
        "internet access).");
    return plan;
}

} // namespace SlurmDeck
