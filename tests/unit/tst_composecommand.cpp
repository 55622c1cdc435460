// SPDX-License-Identifier: GPL-3.0-or-later
// Compose command construction for both flavours. The v1 lines are also run through the
// real docker-compose (no engine needed for `config`) to prove the flags and the profile
// selection are what Compose understands; v2 (`docker compose`) accepts the same flags.
#include "compose/ComposeCommand.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace SlurmDeck;

namespace {

const QString dataDir = QStringLiteral(SLURMDECK_TEST_DATA_DIR "/compose");

ComposeProject fixtureProject(QStringList profiles)
{
    return {QStringLiteral("slurmdeck-lab"),
            dataDir,
            {QStringLiteral("base.yml"), QStringLiteral("override-macos.yml")},
            std::move(profiles)};
}

} // namespace

class TestComposeCommand final : public QObject
{
    Q_OBJECT

private slots:
    void pluginV2Arguments()
    {
        const ComposeCommand command(ComposeTool::plugin(),
                                     {QStringLiteral("demo"),
                                      QStringLiteral("/opt/slurmdeck/demo"),
                                      {QStringLiteral("base.yml"), QStringLiteral("linux.yml")},
                                      {QStringLiteral("compute")}});
        QCOMPARE(command.up({QStringLiteral("slurmd")}),
                 (QStringList{QStringLiteral("docker"), QStringLiteral("compose"),
                              QStringLiteral("--project-name"), QStringLiteral("demo"),
                              QStringLiteral("--project-directory"), QStringLiteral("/opt/slurmdeck/demo"),
                              QStringLiteral("--file"), QStringLiteral("/opt/slurmdeck/demo/base.yml"),
                              QStringLiteral("--file"), QStringLiteral("/opt/slurmdeck/demo/linux.yml"),
                              QStringLiteral("--profile"), QStringLiteral("compute"), QStringLiteral("up"),
                              QStringLiteral("--detach"), QStringLiteral("--remove-orphans"),
                              QStringLiteral("slurmd")}));
    }

    void standaloneV1OnQnapPath()
    {
        const QString dockerCompose =
            QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/bin/docker-compose");
        const ComposeCommand command(ComposeTool::standalone(dockerCompose),
                                     {QStringLiteral("demo"),
                                      QStringLiteral("/share/slurmdeck/demo"),
                                      {QStringLiteral("base.yml")},
                                      {}});
        const QStringList argv = command.logs(QStringLiteral("slurmd"), 200);
        // Container Station's docker, which v1's exec runs, is found beside docker-compose.
        QCOMPARE(
            argv.mid(0, 3),
            (QStringList{QStringLiteral("env"),
                         QStringLiteral("PATH=/share/CACHEDEV1_DATA/.qpkg/container-station/bin:/usr/local/"
                                        "sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                         dockerCompose}));
        QVERIFY(!argv.contains(QStringLiteral("compose")));
        QCOMPARE(argv.mid(argv.indexOf(QStringLiteral("logs"))),
                 (QStringList{QStringLiteral("logs"), QStringLiteral("--no-color"), QStringLiteral("--tail"),
                              QStringLiteral("200"), QStringLiteral("slurmd")}));
    }

    void absoluteFilesAreKept()
    {
        const ComposeCommand command(
            ComposeTool::plugin(),
            {QStringLiteral("p"), QStringLiteral("/d"), {QStringLiteral("/elsewhere/base.yml")}, {}});
        QVERIFY(command.ps().contains(QStringLiteral("/elsewhere/base.yml")));
    }

    void execHasNoTty()
    {
        const ComposeCommand command(ComposeTool::plugin(QStringLiteral("/usr/local/bin/docker")),
                                     fixtureProject({}));
        const QStringList argv =
            command.exec(QStringLiteral("slurmctld"), {QStringLiteral("sinfo"), QStringLiteral("-h")});
        QCOMPARE(argv.first(2),
                 (QStringList{QStringLiteral("/usr/local/bin/docker"), QStringLiteral("compose")}));
        QCOMPARE(argv.mid(argv.indexOf(QStringLiteral("exec"))),
                 (QStringList{QStringLiteral("exec"), QStringLiteral("-T"), QStringLiteral("slurmctld"),
                              QStringLiteral("sinfo"), QStringLiteral("-h")}));
    }

    void shellLineQuotesAwkwardPaths()
    {
        const ComposeCommand command(
            ComposeTool::plugin(QStringLiteral("/opt/my docker/docker")),
            {QStringLiteral("p"), QStringLiteral("/srv/it's here"), {QStringLiteral("base.yml")}, {}});
        QCOMPARE(command.shellLine({QStringLiteral("ps")}),
                 QStringLiteral("'/opt/my docker/docker' compose --project-name p "
                                "--project-directory '/srv/it'\\''s here' "
                                "--file '/srv/it'\\''s here/base.yml' ps"));
    }

    void flavourNames()
    {
        QCOMPARE(toString(ComposeFlavour::PluginV2), QStringLiteral("docker compose (v2)"));
        QCOMPARE(toString(ComposeFlavour::StandaloneV1), QStringLiteral("docker-compose (v1)"));
    }

    // docker-compose 1.29's `config --services` lists every service of the merged files
    // whatever --profile says (seen here); only `up` and friends honour profiles. So the
    // deploy names each host's services explicitly as well, and this test checks that the
    // flags we build are accepted and the files are merged in order.
    void realComposeAcceptsProfilesAndFiles_data()
    {
        QTest::addColumn<QStringList>("profiles");
        QTest::newRow("no profile") << QStringList{};
        QTest::newRow("compute") << QStringList{QStringLiteral("compute")};
        QTest::newRow("controller+compute")
            << QStringList{QStringLiteral("controller"), QStringLiteral("compute")};
    }
    void realComposeAcceptsProfilesAndFiles()
    {
        QFETCH(QStringList, profiles);

        const QString dockerCompose = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
        QVERIFY2(!dockerCompose.isEmpty(),
                 "docker-compose (v1) is not installed: run scripts/install-deps.sh test");
        const ComposeCommand command(ComposeTool::standalone(dockerCompose), fixtureProject(profiles));
        const QStringList argv = command.arguments({QStringLiteral("config"), QStringLiteral("--services")});

        QProcess process;
        process.start(argv.constFirst(), argv.mid(1));
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QStringList listed =
            QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        listed.sort();
        QCOMPARE(listed, (QStringList{QStringLiteral("node-exporter"), QStringLiteral("slurmctld"),
                                      QStringLiteral("slurmd")}));
    }

    void realComposeMergesOverride()
    {
        const QString dockerCompose = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
        QVERIFY2(!dockerCompose.isEmpty(), "docker-compose (v1) is not installed");
        const ComposeCommand command(ComposeTool::standalone(dockerCompose),
                                     fixtureProject({QStringLiteral("compute")}));
        const QStringList argv = command.arguments({QStringLiteral("config")});
        QProcess process;
        process.start(argv.constFirst(), argv.mid(1));
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QString merged = QString::fromUtf8(process.readAllStandardOutput());
        // The override comes last and wins: slurmd leaves host networking for a published port.
        QVERIFY2(merged.contains(QStringLiteral("published: 6818")), qPrintable(merged));
        QVERIFY2(merged.contains(QStringLiteral("network_mode: bridge")), qPrintable(merged));
    }
};

QTEST_GUILESS_MAIN(TestComposeCommand)
#include "tst_composecommand.moc"
