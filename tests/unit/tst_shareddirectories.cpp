// SPDX-License-Identifier: GPL-3.0-or-later
// Shared data directories: the cluster file's `shared` list (read with its places, written
// back, kept in step with the hosts), what a host's Slurm containers mount, and the deploy's
// verdict on which hosts see one filesystem.
#include "InventoryFixtures.h"
#include "ResultTesting.h"
#include "compose/ComposeCommand.h"
#include "deploy/SharedDataVerdict.h"
#include "inventory/ClusterDocument.h"
#include "inventory/ClusterFile.h"
#include "inventory/ClusterRules.h"
#include "plan/ClusterPlanner.h"
#include "plan/PlanInputs.h"
#include "plan/SharedMounts.h"
#include "plan/TemplateSource.h"
#include "plan/Topology.h"
#include "slurm/SlurmEndpoint.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::InventoryFixtures;

namespace {

const QString hostsYaml =
    QStringLiteral("name: lab\n"
                   "hosts:\n"
                   "  - {name: primary, address: 10.0.0.1, roles: [controller, database, "
                   "monitoring, compute]}\n"
                   "  - {name: mac, address: 10.0.0.2, platform: macos, roles: [compute]}\n");

QStringList diagnostics(const QString &shared)
{
    return diagnosticsOf(hostsYaml + shared);
}

ClusterPlan planOf(const Cluster &cluster)
{
    PlanInputs inputs;
    inputs.mungeKey = QByteArray(1024, 'k');
    inputs.databasePassword = QByteArrayLiteral("pw");
    const Result<ClusterPlan> plan =
        ClusterPlanner(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")))
            .plan(cluster, inputs);
    return plan ? *plan : ClusterPlan{};
}

} // namespace

class TestSharedDirectories final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSharedList()
    {
        const Result<Cluster> cluster = ClusterFile::loadFromString(
            hostsYaml + QStringLiteral("shared:\n"
                                       "  - mount: /data\n"
                                       "    source: /mnt/nas/data\n"
                                       "    sources:\n"
                                       "      mac: /Volumes/data\n"
                                       "  - {mount: /scratch, source: /srv/scratch}\n"),
            QStringLiteral("t.yaml"));
        SLURMDECK_VERIFY_OK(cluster);
        QCOMPARE(cluster->shared.size(), 2);
        const SharedDirectory &data = cluster->shared.at(0);
        QCOMPARE(data.mount, QStringLiteral("/data"));
        QCOMPARE(data.sourceOn(QStringLiteral("primary")), QStringLiteral("/mnt/nas/data"));
        QCOMPARE(data.sourceOn(QStringLiteral("mac")), QStringLiteral("/Volumes/data"));
        QCOMPARE(cluster->shared.at(1).sourceOn(QStringLiteral("mac")), QStringLiteral("/srv/scratch"));

        // Written and read back unchanged.
        const Result<Cluster> again = ClusterFile::loadFromString(
            QString::fromUtf8(ClusterFile::toYaml(*cluster)), QStringLiteral("again"));
        SLURMDECK_VERIFY_OK(again);
        QCOMPARE(again->shared, cluster->shared);
    }

    void readsTheFixture()
    {
        const Result<Cluster> cluster =
            ClusterFile::load(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-shared-users.yaml"));
        SLURMDECK_VERIFY_OK(cluster);
        QCOMPARE(cluster->shared.size(), 1);
        QCOMPARE(cluster->shared.first().sourceOn(QStringLiteral("macbook")),
                 QStringLiteral("/Volumes/data"));
        QCOMPARE(cluster->users.size(), 2);
        QCOMPARE(cluster->hosts.at(1).detected.loginGid, std::optional<int>(20));
        QCOMPARE(cluster->hosts.at(1).detected.loginUser, QStringLiteral("alice"));
    }

    void reportsEachProblemWithItsPlace()
    {
        QStringList found =
            diagnostics(QStringLiteral("shared:\n"
                                       "  - {mount: data, source: /mnt/data}\n"
                                       "  - {mount: /etc/data, source: /mnt/data}\n"
                                       "  - {mount: /data, source: mnt/data}\n"
                                       "  - {mount: /data, source: /mnt/../data}\n"
                                       "  - {mount: \"/x\\ny\", source: /mnt/data}\n"
                                       "  - {mount: /y, source: /m, sources: {ghost: /g, mac: /a//b}}\n"
                                       "  - {source: /mnt/data}\n"));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:6:13: 'mount' must be an absolute path")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:7:13: 'mount' must not be in /etc")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:8:28: 'source' must be an absolute path")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(
            anyContains(found, QStringLiteral("t.yaml:9:13: shared mount '/data' is given twice (first on "
                                              "line 8)")),
            qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:9:28: 'source' must not contain '.' or '..'")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(
            anyContains(found, QStringLiteral("t.yaml:10:13: 'mount' must not contain control characters")),
            qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:11:39: 'sources' names unknown host 'ghost'")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("the path of 'mac' must not have an empty component")),
                 qPrintable(found.join(u'\n')));
        QVERIFY2(anyContains(found, QStringLiteral("t.yaml:12:5: this shared directory has no 'mount'")),
                 qPrintable(found.join(u'\n')));
        QVERIFY(
            anyContains(diagnostics(QStringLiteral("shared: /data\n")), QStringLiteral("must be a list")));
    }

    void aClusterBuiltInCodeIsCheckedToo()
    {
        Cluster cluster = sampleCluster();
        cluster.shared = {
            SharedDirectory{QStringLiteral("/usr/local/data"), QStringLiteral("/mnt/data"), {}}};
        const Result<void> checked = ClusterRules::check(cluster);
        QVERIFY(!checked);
        QVERIFY2(checked.error().message.contains(QLatin1String("'/usr/local/data'")),
                 qPrintable(checked.error().toString()));
        cluster.shared.first().mount = QStringLiteral("/data");
        cluster.shared.first().sources.insert(QStringLiteral("mac"), QStringLiteral("Volumes/data"));
        QVERIFY(!ClusterRules::check(cluster));
    }

    void removingAHostDropsItsSources()
    {
        Cluster cluster = sampleCluster();
        cluster.shared = {SharedDirectory{QStringLiteral("/data"),
                                          QStringLiteral("/mnt/data"),
                                          {{QStringLiteral("mac"), QStringLiteral("/Volumes/data")}}}};
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.replaceCluster(cluster));
        SLURMDECK_VERIFY_OK(document.removeHost(QStringLiteral("mac")));
        QVERIFY(document.cluster().shared.first().sources.isEmpty());
        // What is saved reads back: no source of a host that is gone.
        SLURMDECK_VERIFY_OK(ClusterFile::loadFromString(
            QString::fromUtf8(ClusterFile::toYaml(document.cluster())), QStringLiteral("saved")));
    }

    void slurmContainersMountEachHostsSource()
    {
        Cluster cluster = sampleCluster(); // mac: compute; gpu: controller, database, monitoring, compute
        Host storage = makeHost(QStringLiteral("nas"), Platform::Qnap);
        storage.roles = HostRole::Monitoring;
        cluster.hosts.first().roles = HostRole::Compute;
        cluster.hosts[1].roles = HostRole::Controller | HostRole::Database | HostRole::Compute;
        cluster.hosts << storage;
        cluster.shared = {SharedDirectory{QStringLiteral("/data"),
                                          QStringLiteral("/mnt/nas $HOME"),
                                          {{QStringLiteral("mac"), QStringLiteral("/Volumes/data")}}}};
        const ClusterPlan plan = planOf(cluster);
        QCOMPARE(plan.hosts.size(), 3);

        const HostPlan &mac = plan.hosts.at(0);
        QVERIFY(mac.project.files.contains(SharedMounts::composeFileName()));
        QCOMPARE(mac.sharedMounts,
                 (QList<SharedMount>{{QStringLiteral("/Volumes/data"), QStringLiteral("/data")}}));
        const RenderedFile *macFile = mac.file(SharedMounts::composeFileName());
        QVERIFY(macFile);
        QCOMPARE(macFile->content.count("type: bind"), 1); // slurmd only
        QVERIFY(macFile->content.contains("  slurmd:\n    volumes:\n      - type: bind\n        source: "
                                          "\"/Volumes/data\"\n        target: \"/data\"\n"));
        QVERIFY(!macFile->content.contains("slurmctld"));

        const HostPlan &gpu = plan.hosts.at(1);
        const RenderedFile *gpuFile = gpu.file(SharedMounts::composeFileName());
        QVERIFY(gpuFile);
        QVERIFY(gpuFile->content.contains("  slurmctld:\n"));
        QVERIFY(gpuFile->content.contains("  slurmd:\n"));
        // Compose would read "$HOME" as a variable: doubled.
        QVERIFY2(gpuFile->content.contains("source: \"/mnt/nas $$HOME\""), gpuFile->content.constData());

        // A host without slurmd or slurmctld mounts nothing.
        const HostPlan &nas = plan.hosts.at(2);
        QVERIFY(nas.sharedMounts.isEmpty());
        QVERIFY(!nas.file(SharedMounts::composeFileName()));
        QVERIFY(!nas.project.files.contains(SharedMounts::composeFileName()));
        QVERIFY(ClusterPlanner::managedFiles().contains(SharedMounts::composeFileName()));

        QVERIFY(std::any_of(plan.notes.cbegin(), plan.notes.cend(), [](const QString &note) {
            return note.contains(QLatin1String("/data from /mnt/nas $HOME (/Volumes/data on mac)"));
        }));
    }

    // What docker-compose v1 (Debian's, QNAP's Container Station) makes of the host's files.
    void realComposeMountsTheSource()
    {
        Cluster cluster = sampleCluster();
        cluster.shared = {SharedDirectory{QStringLiteral("/data"),
                                          QStringLiteral("/mnt/nas/data"),
                                          {{QStringLiteral("mac"), QStringLiteral("/Volumes/data")}}}};
        const ClusterPlan plan = planOf(cluster);
        const QString dockerCompose = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
        QVERIFY2(!dockerCompose.isEmpty(),
                 "docker-compose (v1) is not installed: run scripts/install-deps.sh test");
        for (const HostPlan &host : plan.hosts) {
            QTemporaryDir directory;
            QVERIFY(directory.isValid());
            for (const RenderedFile &file : host.files) {
                QVERIFY(QDir(directory.path()).mkpath(QFileInfo(directory.filePath(file.path)).path()));
                QFile out(directory.filePath(file.path));
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(file.content);
            }
            ComposeProject project = host.project;
            project.directory = directory.path();
            const QStringList argv = ComposeCommand(ComposeTool::standalone(dockerCompose), project)
                                         .arguments({QStringLiteral("config")});
            QProcess process;
            process.start(argv.constFirst(), argv.mid(1));
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QString merged = QString::fromUtf8(process.readAllStandardOutput());
            const QString source =
                host.hostName == u"mac" ? QStringLiteral("/Volumes/data") : QStringLiteral("/mnt/nas/data");
            QVERIFY2(merged.contains(QStringLiteral("source: ") + source) &&
                         merged.contains(QStringLiteral("target: /data")),
                     qPrintable(merged));
        }
    }

    void withoutSharedDirectoriesNothingChanges()
    {
        const ClusterPlan plan = planOf(sampleCluster());
        for (const HostPlan &host : plan.hosts) {
            QVERIFY(!host.file(SharedMounts::composeFileName()));
            QVERIFY(host.sharedMounts.isEmpty());
        }
        QVERIFY(std::any_of(plan.notes.cbegin(), plan.notes.cend(), [](const QString &note) {
            return note.startsWith(QLatin1String("No shared directory: a job's files and output stay"));
        }));
    }

    void jobsStartInTheFirstSharedDirectory()
    {
        Cluster cluster = sampleCluster();
        const auto endpointOf = [](const Cluster &c) {
            const Result<Topology> topology = Topology::of(c, {});
            QHash<QString, SshTarget> targets;
            for (const Host &host : c.hosts)
                targets.insert(host.name, SshTarget{});
            const Result<SlurmEndpoint> endpoint = topology ? SlurmEndpoint::fromTopology(*topology, targets)
                                                            : Result<SlurmEndpoint>(topology.error());
            return endpoint ? *endpoint : SlurmEndpoint{};
        };
        QCOMPARE(endpointOf(cluster).sharedWorkingDirectory(), QString());
        cluster.shared = {SharedDirectory{QStringLiteral("/data"), QStringLiteral("/mnt/data"), {}},
                          SharedDirectory{QStringLiteral("/scratch"), QStringLiteral("/mnt/scratch"), {}}};
        QCOMPARE(endpointOf(cluster).sharedWorkingDirectory(), QStringLiteral("/data"));
    }

    void hostsThatSeeEachOthersMarkersShare()
    {
        const auto sighting = [](const QString &host, const QString &source, const QStringList &seen) {
            return SharedMarkerSighting{host, source, seen};
        };
        const QStringList all{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QVERIFY(sharedDataMismatches({{QStringLiteral("/data"),
                                       {sighting(QStringLiteral("a"), QStringLiteral("/s"), all),
                                        sighting(QStringLiteral("b"), QStringLiteral("/s"), all),
                                        sighting(QStringLiteral("c"), QStringLiteral("/V"), all)}}})
                    .isEmpty());

        // c has a local directory of that name: it sees only its own marker, a and b not c's.
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        QList<SharedDataMismatch> found = sharedDataMismatches(
            {{QStringLiteral("/data"),
              {sighting(QStringLiteral("a"), QStringLiteral("/s"), ab),
               sighting(QStringLiteral("b"), QStringLiteral("/s"), ab),
               sighting(QStringLiteral("c"), QStringLiteral("/s"), {QStringLiteral("c")})}}});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().together, ab);
        QCOMPARE(found.first().apart, QStringList{QStringLiteral("c")});
        QVERIFY2(found.first().message.contains(
                     QLatin1String("a and b see the same directory (/s); c sees another one (/s)")),
                 qPrintable(found.first().message));

        // Nobody shares: every host is named.
        found = sharedDataMismatches(
            {{QStringLiteral("/data"),
              {sighting(QStringLiteral("a"), QStringLiteral("/s"), {QStringLiteral("a")}),
               sighting(QStringLiteral("b"), QStringLiteral("/t"), {})}}});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().apart, ab);
        QVERIFY(found.first().message.contains(QLatin1String("not one filesystem on any two hosts")));
    }
};

QTEST_GUILESS_MAIN(TestSharedDirectories)
#include "tst_shareddirectories.moc"
