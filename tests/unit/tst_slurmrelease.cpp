// SPDX-License-Identifier: GPL-3.0-or-later
// The Slurm release a cluster runs (settings.slurm_release): what the cluster file accepts,
// the image, base image and cgroup.conf that follow from it, and Slurm's upgrade path.
#include "ResultTesting.h"
#include "SeedCluster.h"
#include "deploy/HostImages.h"
#include "inventory/ClusterFile.h"
#include "plan/ClusterPlanner.h"
#include "plan/Topology.h"

#include <QTest>

using namespace SlurmDeck;
using SlurmDeck::Testing::seedCluster;
using SlurmDeck::Testing::seedInputs;
using namespace Qt::StringLiterals;

namespace {

const RenderedFile *fileOf(const HostPlan &host, const QString &path)
{
    for (const RenderedFile &file : host.files) {
        if (file.path == path)
            return &file;
    }
    return nullptr;
}

} // namespace

class TestSlurmRelease : public QObject
{
    Q_OBJECT

private slots:
    void offeredReleases()
    {
        QCOMPARE(SlurmRelease::defaultVersion(), u"22.05"_s);
        QCOMPARE(SlurmRelease::offered().size(), 2);
        const std::optional<SlurmRelease> old = SlurmRelease::find(u"22.05"_s);
        QVERIFY(old);
        QCOMPARE(old->image(), u"slurmdeck/slurm:22.05"_s);
        QCOMPARE(old->baseImage(), u"debian:bookworm"_s);
        QCOMPARE(old->cgroupPlugin, u"cgroup/v1"_s);
        const std::optional<SlurmRelease> trixie = SlurmRelease::find(u"24.11"_s);
        QVERIFY(trixie);
        QCOMPARE(trixie->image(), u"slurmdeck/slurm:24.11"_s);
        QCOMPARE(trixie->baseImage(), u"debian:trixie"_s);
        QCOMPARE(trixie->cgroupPlugin, u"disabled"_s);
        QCOMPARE(trixie->describe(), u"Slurm 24.11.5 (Debian 13 trixie)"_s);
        QVERIFY(!SlurmRelease::find(u"23.02"_s));
        QVERIFY(!SlurmRelease::find(QString()));
    }

    void releaseOfImage_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("release");
        QTest::newRow("22.05") << u"slurmdeck/slurm:22.05"_s << u"22.05"_s;
        QTest::newRow("24.11 arm64") << u"slurmdeck/slurm:24.11-arm64"_s << u"24.11"_s;
        QTest::newRow("newline after") << u"slurmdeck/slurm:24.11\n"_s << u"24.11"_s;
        QTest::newRow("a patch level is not a release") << u"slurmdeck/slurm:24.11.5"_s << QString();
        QTest::newRow("another repository") << u"example/slurm:22.05"_s << QString();
        QTest::newRow("monitoring") << u"slurmdeck/monitoring:2.42"_s << QString();
        QTest::newRow("none") << QString() << QString();
    }

    void releaseOfImage()
    {
        QFETCH(QString, image);
        QFETCH(QString, release);
        QCOMPARE(SlurmRelease::ofImage(image), release);
    }

    // The first 23 bytes of slurmctld's node_state, as the deploy's check reads them.
    void releaseOfState_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("release");
        const QByteArray magic("\0\0\0\x11PROTOCOL_VERSION\0", 21);
        QTest::newRow("22.05") << magic + QByteArray("\x26\x00", 2) << u"22.05"_s;
        QTest::newRow("24.11") << magic + QByteArray("\x2a\x00", 2) << u"24.11"_s;
        QTest::newRow("23.02") << magic + QByteArray("\x27\x00", 2) << u"23.02"_s;
        QTest::newRow("too old to know") << magic + QByteArray("\x10\x00", 2) << QString();
        QTest::newRow("too new to know") << magic + QByteArray("\x60\x00", 2) << QString();
        QTest::newRow("cut short") << magic + QByteArray("\x26", 1) << QString();
        QTest::newRow("another file") << QByteArray("\0\0\0\x11PROTOCOL_VERSIOM\0\x26\0", 23) << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void releaseOfState()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, release);
        QCOMPARE(SlurmRelease::ofStateHeader(header), release);
    }

    void upgradePath_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("refusal"); // a part of it; empty: supported
        QTest::newRow("no change") << u"22.05"_s << u"22.05"_s << QString();
        QTest::newRow("nothing deployed") << QString() << u"24.11"_s << QString();
        QTest::newRow("two releases") << u"22.05"_s << u"23.11"_s << QString();
        QTest::newRow("three before 24.11") << u"22.05"_s << u"24.05"_s << u"only of 23.02, 23.11"_s;
        QTest::newRow("three into 24.11") << u"23.02"_s << u"24.11"_s << QString();
        QTest::newRow("22.05 to 24.11")
            << u"22.05"_s << u"24.11"_s
            << u"Slurm does not support upgrading 22.05 to 24.11: 24.11 reads the controller's state and the "
               u"accounting database only of 23.02, 23.11, 24.05. Keep slurm_release: \"22.05\""_s;
        QTest::newRow("back") << u"24.11"_s << u"22.05"_s << u"Slurm cannot go back from 24.11 to 22.05"_s;
        QTest::newRow("a release SlurmDeck does not know") << u"17.11"_s << u"24.11"_s << QString();
    }

    void upgradePath()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, refusal);
        const QString said = slurmUpgradeRefusal(from, to);
        if (refusal.isEmpty())
            QVERIFY2(said.isEmpty(), qPrintable(said));
        else
            QVERIFY2(said.contains(refusal), qPrintable(said));
    }

    void clusterFileNamesTheRelease()
    {
        const QString head =
            u"name: lab\nhosts:\n  - name: a\n    address: 10.0.0.1\n    roles: [controller, compute]\n"_s;
        const Result<Cluster> plain = ClusterFile::loadFromString(head, u"plain"_s);
        SLURMDECK_VERIFY_OK(plain);
        QCOMPARE(plain->settings.slurmRelease, u"22.05"_s);
        QVERIFY(!ClusterFile::toYaml(*plain).contains("slurm_release")); // the default is not written

        for (const QString &value : {u"24.11"_s, u"\"24.11\""_s}) {
            const Result<Cluster> newer = ClusterFile::loadFromString(
                head + u"settings:\n  slurm_release: "_s + value + u'\n', u"newer"_s);
            SLURMDECK_VERIFY_OK(newer);
            QCOMPARE(newer->settings.slurmRelease, u"24.11"_s);
            const QByteArray yaml = ClusterFile::toYaml(*newer);
            QVERIFY2(yaml.contains("slurm_release: "), yaml.constData());
            const Result<Cluster> again = ClusterFile::loadFromString(QString::fromUtf8(yaml), u"again"_s);
            SLURMDECK_VERIFY_OK(again);
            QCOMPARE(*again, *newer);
        }

        const QList<Diagnostic> bad =
            ClusterFile::validate(head + u"settings:\n  slurm_release: 23.02\n"_s, u"bad.yaml"_s);
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad.first().line, 7);
        QCOMPARE(bad.first().column, 18);
        QVERIFY2(bad.first().message.contains(
                     u"'slurm_release' must be one of \"22.05\", \"24.11\", not '23.02'"_s),
                 qPrintable(bad.first().message));
    }

    // 24.11: its image in every .env and in the plan, CgroupPlugin=disabled; 22.05 keeps
    // cgroup/v1. Topology (services, monitoring) names the same image.
    void planFollowsTheRelease_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<QByteArray>("cgroupLine");
        QTest::newRow("22.05") << u"22.05"_s << QByteArray("CgroupPlugin=cgroup/v1");
        QTest::newRow("24.11") << u"24.11"_s << QByteArray("CgroupPlugin=disabled");
    }

    void planFollowsTheRelease()
    {
        QFETCH(QString, release);
        QFETCH(QByteArray, cgroupLine);
        Cluster cluster = seedCluster();
        QVERIFY(!cluster.hosts.isEmpty());
        cluster.settings.slurmRelease = release;
        const QString image = u"slurmdeck/slurm:"_s + release;
        const Result<ClusterPlan> plan =
            ClusterPlanner(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")))
                .plan(cluster, seedInputs());
        SLURMDECK_VERIFY_OK(plan);
        QCOMPARE(plan->slurmImage, image);
        QVERIFY(std::any_of(plan->buildContexts.cbegin(), plan->buildContexts.cend(),
                            [&image](const ImageBuildContext &context) { return context.image == image; }));
        for (const HostPlan &host : plan->hosts) {
            const RenderedFile *env = fileOf(host, u".env"_s);
            QVERIFY(env);
            QVERIFY2(env->content.split('\n').contains("SLURMDECK_SLURM_IMAGE=" + image.toUtf8()),
                     env->content.constData());
            const RenderedFile *cgroup = fileOf(host, u"etc/slurm/cgroup.conf"_s);
            QVERIFY(cgroup);
            const QList<QByteArray> lines = cgroup->content.split('\n');
            QVERIFY2(lines.contains(cgroupLine), cgroup->content.constData());
            QCOMPARE(std::count_if(lines.cbegin(), lines.cend(),
                                   [](const QByteArray &line) { return line.startsWith("CgroupPlugin="); }),
                     1);
        }
        const Result<Topology> topology = Topology::of(cluster, {});
        SLURMDECK_VERIFY_OK(topology);
        QCOMPARE(topology->withoutFiles().slurmImage, image);
    }

    // The base an image is built from: a Slurm image of 24.11 gets trixie unless told
    // otherwise; every other image the deploy's base.
    void baseImageOfEachImage()
    {
        DeployOptions options;
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/slurm:22.05"_s, options), u"debian:bookworm"_s);
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/slurm:24.11"_s, options), u"debian:trixie"_s);
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/mariadb:10.11"_s, options), u"debian:bookworm"_s);
        options.baseImage = u"local/bookworm:1"_s;
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/slurm:22.05"_s, options), u"local/bookworm:1"_s);
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/monitoring:2.42"_s, options), u"local/bookworm:1"_s);
        options.slurmBaseImage = u"local/trixie:1"_s;
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/slurm:24.11"_s, options), u"local/trixie:1"_s);
        QCOMPARE(HostImages::baseImageFor(u"slurmdeck/monitoring:2.42"_s, options), u"local/bookworm:1"_s);
    }
};

QTEST_GUILESS_MAIN(TestSlurmRelease)
#include "tst_slurmrelease.moc"
