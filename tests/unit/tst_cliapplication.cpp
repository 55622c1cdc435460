// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliApplication.h"
#include "common/ApplicationInfo.h"
#include "common/Version.h"
#include "inventory/ClusterFile.h"

#include "InProcessCli.h"
#include "ResultTesting.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>

#include <unistd.h>

using namespace SlurmDeck;
using namespace Qt::StringLiterals;

class TestCliApplication final : public QObject
{
    Q_OBJECT

private:
    using Run = Testing::CliRun;
    static Run run(const QStringList &arguments) { return Testing::runCliInProcess(arguments); }

private slots:
    void initTestCase() { applyApplicationInfo(); }

    void versionOption()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("slurmdeck-cli %1\n").arg(QLatin1String(Version::text)));
        QVERIFY(result.err.isEmpty());
    }

    // -v/--verbose is accepted before or after the command and removed from its arguments.
    void verboseIsAGlobalOption()
    {
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("-v"), QStringLiteral("--version")},
              QStringList{QStringLiteral("--version"), QStringLiteral("--verbose")}}) {
            const Run result = run(arguments);
            QCOMPARE(result.exitCode, 0);
            QCOMPARE(result.out, QStringLiteral("slurmdeck-cli %1\n").arg(QLatin1String(Version::text)));
        }
        const Run plan = run({QStringLiteral("plan"), QStringLiteral("-v"), QStringLiteral("--cluster"),
                              QStringLiteral("/nonexistent/slurmdeck/cluster.yaml")});
        QCOMPARE(plan.exitCode, 1);
        QVERIFY2(plan.err.contains(QStringLiteral("There is no cluster file")), qPrintable(plan.err));
    }

    void helpListsOptionsAndCommands()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QStringLiteral("Usage: slurmdeck-cli")));
        for (const char *word : {"--version", "--verbose", "--cluster", "discover", "init", "version "})
            QVERIFY2(result.out.contains(QLatin1String(word)), word);
    }

    void versionCommandNamesLibraries()
    {
        const Run result = run({QStringLiteral("version")});
        QCOMPARE(result.exitCode, 0);
        for (const char *component : {"SlurmDeck", "Qt", "libssh", "yaml-cpp", "QtKeychain"})
            QVERIFY2(result.out.contains(QLatin1String(component)), component);
        QVERIFY(result.out.contains(QStringLiteral("libssh 0.")));
    }

    // The completion scripts, run by the shells themselves: bash completes commands,
    // subcommands and options (file names after --cluster); zsh's script parses.
    void completionsCompleteInTheShell_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command") << u"slurmdeck-cli dep"_s << u"deploy"_s;
        QTest::newRow("after --cluster") << u"slurmdeck-cli --cluster x.yaml sta"_s << u"status"_s;
        QTest::newRow("subcommand") << u"slurmdeck-cli services re"_s << u"restart"_s;
        QTest::newRow("option") << u"slurmdeck-cli deploy --no-"_s << u"--no-verify"_s;
        QTest::newRow("help's argument") << u"slurmdeck-cli help sub"_s << u"submit"_s;
        QTest::newRow("a file after --cluster")
            << u"slurmdeck-cli --cluster " SLURMDECK_TEST_DATA_DIR "/inventory/valid-f"_s
            << QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-full.yaml");
    }

    void completionsCompleteInTheShell()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        const Run bash = run({QStringLiteral("completions"), QStringLiteral("bash")});
        QCOMPARE(bash.exitCode, 0);
        QTemporaryDir dir;
        QFile script(dir.filePath(QStringLiteral("slurmdeck-cli.bash")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(bash.out.toUtf8());
        script.close();
        QProcess shell;
        shell.start(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "source \"$1\"; read -ra COMP_WORDS <<<\"$2\"; [[ $2 == *' ' ]] && COMP_WORDS+=(''); "
                 "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _slurmdeck_cli; printf '%s\\n' \"${COMPREPLY[@]}\""),
             QStringLiteral("complete"), script.fileName(), line});
        QVERIFY(shell.waitForFinished(10000));
        const QString offered = QString::fromUtf8(shell.readAllStandardOutput());
        QVERIFY2(shell.exitCode() == 0, qPrintable(QString::fromUtf8(shell.readAllStandardError())));
        QCOMPARE(offered.trimmed(), expected);
    }

    void completionsForZshAndAUsageError()
    {
        const Run zsh = run({QStringLiteral("completions"), QStringLiteral("zsh")});
        QCOMPARE(zsh.exitCode, 0);
        QVERIFY(zsh.out.startsWith(QStringLiteral("#compdef slurmdeck-cli\n")));
        QVERIFY(zsh.out.contains(QStringLiteral("deploy) offered=(")));
        QTemporaryDir dir;
        QFile script(dir.filePath(QStringLiteral("_slurmdeck-cli")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(zsh.out.toUtf8());
        script.close();
        // Its syntax is checked by zsh where zsh is there; bash's -n at least parses the shape.
        const QString checker =
            QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty() ? u"bash"_s : u"zsh"_s;
        QProcess parse;
        parse.start(checker, {QStringLiteral("-n"), script.fileName()});
        QVERIFY(parse.waitForFinished(10000));
        QVERIFY2(parse.exitCode() == 0, qPrintable(QString::fromUtf8(parse.readAllStandardError())));

        const Run wrong = run({QStringLiteral("completions"), QStringLiteral("fish")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains(QStringLiteral("bash, zsh")));
    }

    void unknownCommandIsAUsageError()
    {
        const Run result = run({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QVERIFY(result.err.contains(QStringLiteral("--help")));
    }

    // `sandbox down` purges its cluster's data and deletes its file: with another cluster
    // named, it must refuse before touching anything.
    void sandboxRefusesAnotherCluster_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("down") << QStringLiteral("down");
        QTest::newRow("up") << QStringLiteral("up");
        QTest::newRow("status") << QStringLiteral("status");
    }
    void sandboxRefusesAnotherCluster()
    {
        QFETCH(QString, action);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString prod = dir.filePath(QStringLiteral("prod.yaml"));
        const QByteArray content = "name: prod\nhosts: []\n";
        {
            QFile file(prod);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("--cluster"), prod, QStringLiteral("sandbox"), action},
              QStringList{QStringLiteral("sandbox"), action, QStringLiteral("--cluster=") + prod}}) {
            const Run result = run(arguments);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains(QStringLiteral("--cluster is not accepted")),
                     qPrintable(result.err));
            QVERIFY(result.out.isEmpty());
            QFile file(prod);
            QVERIFY2(file.open(QIODevice::ReadOnly), "the named cluster file must survive");
            QCOMPARE(file.readAll(), content);
        }
    }

    // `help COMMAND` prints that command's own help, as `COMMAND --help` does.
    void helpCommandPrintsTheCommandsHelp()
    {
        const Run help = run({QStringLiteral("help"), QStringLiteral("deploy")});
        const Run option = run({QStringLiteral("deploy"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("deploy [--hosts H,...]")), qPrintable(help.out));
        QCOMPARE(help.out, option.out);
    }

    // The clusters directory lists its files; --cluster NAME and SLURMDECK_CLUSTER=NAME pick one.
    void clustersAreListedAndFoundByName()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString directory = ClusterFile::clustersDirectory();
        QDir(directory).removeRecursively();
        const auto cleanup = qScopeGuard([directory] {
            QDir(directory).removeRecursively();
            qunsetenv("SLURMDECK_CLUSTER");
        });
        QVERIFY(QDir().mkpath(directory));
        Cluster lab;
        lab.name = QStringLiteral("lab");
        Host head;
        head.name = QStringLiteral("head");
        head.address = QStringLiteral("10.0.0.1");
        head.roles = HostRole::Controller;
        lab.hosts << head;
        SLURMDECK_VERIFY_OK(ClusterFile::save(lab, directory + QStringLiteral("/lab.yaml")));
        {
            QFile broken(directory + QStringLiteral("/broken.yaml"));
            QVERIFY(broken.open(QIODevice::WriteOnly));
            broken.write("name: [\n");
        }
        QCOMPARE(ClusterFile::resolvePath(QStringLiteral("lab")), directory + QStringLiteral("/lab.yaml"));
        QCOMPARE(ClusterFile::resolvePath(QStringLiteral("./lab.yaml")), QStringLiteral("./lab.yaml"));

        const Run listed =
            run({QStringLiteral("--cluster"), QStringLiteral("lab"), QStringLiteral("clusters")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral("\\* lab +lab, 1 host"))),
                 qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QStringLiteral("broken")) &&
                     listed.out.contains(QStringLiteral("unreadable")),
                 qPrintable(listed.out));

        qputenv("SLURMDECK_CLUSTER", "lab");
        QCOMPARE(ClusterFile::resolvePath(QString()), directory + QStringLiteral("/lab.yaml"));
        const Run json = run({QStringLiteral("clusters"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray clusters =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"clusters").toArray();
        QCOMPARE(clusters.size(), 2);
        QCOMPARE(clusters.at(1).toObject().value(u"name").toString(), QStringLiteral("lab"));
        QVERIFY(clusters.at(1).toObject().value(u"current").toBool());
        QCOMPARE(clusters.at(1).toObject().value(u"hosts").toInt(), 1);
    }

    void unknownOptionIsAUsageError()
    {
        const Run result = run({QStringLiteral("--frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("unknown option '--frobnicate'")));
    }

    void unknownCommandOptionIsAUsageError()
    {
        const Run result = run({QStringLiteral("discover"), QStringLiteral("--frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("frobnicate")));
    }

    void clusterOptionIsAcceptedBeforeAndAfterTheCommand_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("before") << QStringList{QStringLiteral("--cluster"), QStringLiteral("/tmp/x.yaml"),
                                               QStringLiteral("init")};
        QTest::newRow("after") << QStringList{QStringLiteral("init"),
                                              QStringLiteral("--cluster=/tmp/x.yaml")};
    }
    void clusterOptionIsAcceptedBeforeAndAfterTheCommand()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(arguments);
        // Parsed as the global option: init then complains about the missing NAME only.
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("init wants a cluster NAME")), qPrintable(result.err));
    }

    void initRefusesASlurmReleaseItCannotBuild()
    {
        const Run result = run({QStringLiteral("init"), QStringLiteral("lab"), QStringLiteral("primary"),
                                QStringLiteral("--slurm-release"), QStringLiteral("23.02")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(
            result.err.contains(QStringLiteral("--slurm-release must be one of 22.05, 24.11, not '23.02'")),
            qPrintable(result.err));
    }

    void clusterOptionWithoutFileIsAUsageError()
    {
        const Run result = run({QStringLiteral("init"), QStringLiteral("--cluster")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("--cluster wants a FILE")));
    }

    void badSubnetIsAUsageError()
    {
        const Run result =
            run({QStringLiteral("discover"), QStringLiteral("--subnet"), QStringLiteral("10.0.0.0/8")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("too large")), qPrintable(result.err));
    }

    void commandHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("discover") << QStringLiteral("discover");
        QTest::newRow("init") << QStringLiteral("init");
    }
    void commandHelp()
    {
        QFETCH(QString, command);
        const Run result = run({command, QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("slurmdeck-cli ") + command));
        QVERIFY(result.out.contains(QStringLiteral("--accept-new-host-keys")));
        QVERIFY(result.out.contains(QStringLiteral("--identity")));
    }

    void helpListsTheDeployCommands()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const char *word : {"plan [--json]", "deploy [--hosts", "services [HOST]", "down [--yes]",
                                 "remove [--purge-data] [--yes]"})
            QVERIFY2(result.out.contains(QLatin1String(word)), word);
    }

    void clusterCommandHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("option");
        QTest::newRow("plan") << QStringLiteral("plan") << QStringLiteral("--diff");
        QTest::newRow("deploy") << QStringLiteral("deploy") << QStringLiteral("--no-verify");
        QTest::newRow("services") << QStringLiteral("services") << QStringLiteral("--tail");
        QTest::newRow("down") << QStringLiteral("down") << QStringLiteral("--yes");
        QTest::newRow("remove") << QStringLiteral("remove") << QStringLiteral("--purge-data");
        QTest::newRow("submit") << QStringLiteral("submit") << QStringLiteral("--cpus-per-task");
        QTest::newRow("hosts remove") << QStringLiteral("hosts remove") << QStringLiteral("--force");
    }
    void clusterCommandHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, option);
        const Run result = run(command.split(u' ') << QStringLiteral("--help"));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QStringLiteral("Usage: slurmdeck-cli [--cluster FILE] ") + command),
                 qPrintable(result.out));
        for (const QString &expected :
             {option, QStringLiteral("--ssh-config"), QStringLiteral("--accept-new-host-keys"),
              QStringLiteral("--timeout")})
            QVERIFY2(result.out.contains(expected), qPrintable(expected));
        QVERIFY(result.err.isEmpty());
    }

    void hostsChecksItsArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown action") << QStringList{QStringLiteral("hosts"), QStringLiteral("frobnicate")}
                                        << QStringLiteral("hosts remove HOST");
        QTest::newRow("add, no terminal")
            << QStringList{QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("x")}
            << QStringLiteral("--yes");
        QTest::newRow("add, no host") << QStringList{QStringLiteral("hosts"), QStringLiteral("add")}
                                      << QStringLiteral("Name each host");
        QTest::newRow("add, subnet") << QStringList{QStringLiteral("hosts"), QStringLiteral("add"),
                                                    QStringLiteral("--subnet"), QStringLiteral("10.0.0.0/24")}
                                     << QStringLiteral("Name each host");
        QTest::newRow("add, bad role")
            << QStringList{QStringLiteral("hosts"),   QStringLiteral("add"), QStringLiteral("x"),
                           QStringLiteral("--roles"), QStringLiteral("gpu"), QStringLiteral("--yes")}
            << QStringLiteral("'gpu' is no role; the roles are controller");
        QTest::newRow("two hosts") << QStringList{QStringLiteral("hosts"), QStringLiteral("remove"),
                                                  QStringLiteral("a"), QStringLiteral("b")}
                                   << QStringLiteral("hosts remove HOST");
        QTest::newRow("bad wait") << QStringList{QStringLiteral("hosts"), QStringLiteral("remove"),
                                                 QStringLiteral("a"),     QStringLiteral("--wait"),
                                                 QStringLiteral("soon"),  QStringLiteral("--yes")}
                                  << QStringLiteral("--wait");
        QTest::newRow("no terminal") << QStringList{QStringLiteral("hosts"), QStringLiteral("remove"),
                                                    QStringLiteral("a")}
                                     << QStringLiteral("--yes");
        QTest::newRow("options before remove")
            << QStringList{QStringLiteral("hosts"),  QStringLiteral("--wait"), QStringLiteral("soon"),
                           QStringLiteral("remove"), QStringLiteral("a"),      QStringLiteral("--yes")}
            << QStringLiteral("--wait");
    }
    void hostsChecksItsArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void adoptChecksItsArguments()
    {
        const Run noHost = run({QStringLiteral("adopt")});
        QCOMPARE(noHost.exitCode, 2);
        QVERIFY2(noHost.err.contains(QStringLiteral("controller host")), qPrintable(noHost.err));
        const Run noTerminal = run({QStringLiteral("adopt"), QStringLiteral("nas1")});
        QCOMPARE(noTerminal.exitCode, 2);
        QVERIFY2(noTerminal.err.contains(QStringLiteral("--yes")), qPrintable(noTerminal.err));
        const Run badPort = run(
            {QStringLiteral("adopt"), QStringLiteral("nas1"), QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(badPort.exitCode, 2);
        const Run help = run({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("adopt HOST")));
    }

    void deployHelpExplainsImageModes()
    {
        const Run result = run({QStringLiteral("deploy"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const QString &expected :
             {QStringLiteral("--images build|present|transfer|from:HOST"), QStringLiteral("--base-image"),
              QStringLiteral("build (the default)"), QStringLiteral("hosts without internet access"),
              QStringLiteral("from:HOST: copy them from")}) {
            QVERIFY2(result.out.simplified().contains(expected), qPrintable(expected));
        }
        const Run overview = run({QStringLiteral("--help")});
        QVERIFY(overview.out.contains(QStringLiteral("[--images build|present|transfer|from:HOST]")));
    }

    void clusterCommandUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("plan --show-secrets")
            << QStringList{QStringLiteral("plan"), QStringLiteral("--show-secrets")}
            << QStringLiteral("never shows secrets");
        QTest::newRow("plan argument") << QStringList{QStringLiteral("plan"), QStringLiteral("extra")}
                                       << QStringLiteral("takes no arguments");
        QTest::newRow("plan unknown option")
            << QStringList{QStringLiteral("plan"), QStringLiteral("--frobnicate")}
            << QStringLiteral("frobnicate");
        QTest::newRow("deploy argument")
            << QStringList{QStringLiteral("deploy"), QStringLiteral("primary")} << QStringLiteral("--hosts");
        QTest::newRow("deploy bad timeout") << QStringList{QStringLiteral("deploy"), QStringLiteral("--yes"),
                                                           QStringLiteral("--timeout"), QStringLiteral("0")}
                                            << QStringLiteral("--timeout wants seconds");
        QTest::newRow("deploy unknown image mode")
            << QStringList{QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                           QStringLiteral("frobnicate")}
            << QStringLiteral("--images: 'frobnicate' is not an image mode; use build, present, transfer or "
                              "from:HOST.");
        QTest::newRow("deploy images from nobody")
            << QStringList{QStringLiteral("deploy"), QStringLiteral("--yes"), QStringLiteral("--images"),
                           QStringLiteral("from:")}
            << QStringLiteral("from: needs the name of the host");
        QTest::newRow("deploy base image without build")
            << QStringList{QStringLiteral("deploy"),       QStringLiteral("--yes"),
                           QStringLiteral("--images"),     QStringLiteral("transfer"),
                           QStringLiteral("--base-image"), QStringLiteral("x:1")}
            << QStringLiteral("--base-image and --slurm-base-image go with --images build");
        QTest::newRow("deploy slurm base image without build")
            << QStringList{QStringLiteral("deploy"),
                           QStringLiteral("--yes"),
                           QStringLiteral("--images"),
                           QStringLiteral("present"),
                           QStringLiteral("--slurm-base-image"),
                           QStringLiteral("local/trixie:1")}
            << QStringLiteral("--base-image and --slurm-base-image go with --images build");
        QTest::newRow("rotate-munge-key on some hosts")
            << QStringList{QStringLiteral("rotate-munge-key"), QStringLiteral("--yes"),
                           QStringLiteral("--hosts"), QStringLiteral("primary")}
            << QStringLiteral("hosts");
        QTest::newRow("rotate-munge-key argument")
            << QStringList{QStringLiteral("rotate-munge-key"), QStringLiteral("primary")}
            << QStringLiteral("the new key goes to every host");
        QTest::newRow("rotate-munge-key without a terminal")
            << QStringList{QStringLiteral("rotate-munge-key")}
            << QStringLiteral("rotate-munge-key changes the hosts");
        QTest::newRow("services unknown action")
            << QStringList{QStringLiteral("services"), QStringLiteral("primary"),
                           QStringLiteral("frobnicate")}
            << QStringLiteral("unknown action 'frobnicate'");
        QTest::newRow("services logs without service")
            << QStringList{QStringLiteral("services"), QStringLiteral("primary"), QStringLiteral("logs")}
            << QStringLiteral("wants a SERVICE");
        QTest::newRow("services too many")
            << QStringList{QStringLiteral("services"), QStringLiteral("primary"), QStringLiteral("stop"),
                           QStringLiteral("slurmd"), QStringLiteral("slurmctld")}
            << QStringLiteral("too many arguments");
        QTest::newRow("doctor argument") << QStringList{QStringLiteral("doctor"), QStringLiteral("node01")}
                                         << QStringLiteral("doctor takes no arguments");
        QTest::newRow("services --json with an action")
            << QStringList{QStringLiteral("services"), QStringLiteral("primary"), QStringLiteral("stop"),
                           QStringLiteral("--json")}
            << QStringLiteral("--json goes with the list");
        QTest::newRow("services -f without logs")
            << QStringList{QStringLiteral("services"), QStringLiteral("primary"), QStringLiteral("-f")}
            << QStringLiteral("go with the logs action");
        QTest::newRow("services bad tail")
            << QStringList{QStringLiteral("services"), QStringLiteral("logs"), QStringLiteral("slurmd"),
                           QStringLiteral("--tail"), QStringLiteral("many")}
            << QStringLiteral("--tail wants a number");
        QTest::newRow("down argument") << QStringList{QStringLiteral("down"), QStringLiteral("primary")}
                                       << QStringLiteral("services HOST stop SERVICE");
        QTest::newRow("remove argument") << QStringList{QStringLiteral("remove"), QStringLiteral("primary")}
                                         << QStringLiteral("slurmdeck-cli down");
        QTest::newRow("remove unknown option")
            << QStringList{QStringLiteral("remove"), QStringLiteral("--purge")} << QStringLiteral("purge");
        QTest::newRow("submit without script")
            << QStringList{QStringLiteral("submit")} << QStringLiteral("submit wants one SCRIPT");
        QTest::newRow("submit bad memory") << QStringList{QStringLiteral("submit"), QStringLiteral("job.sh"),
                                                          QStringLiteral("--mem"), QStringLiteral("lots")}
                                           << QStringLiteral("--mem: 'lots' is not an amount of memory");
        QTest::newRow("submit bad gpus") << QStringList{QStringLiteral("submit"), QStringLiteral("job.sh"),
                                                        QStringLiteral("--gpus"), QStringLiteral("a100:")}
                                         << QStringLiteral("--gpus: 'a100:' is not a GPU request");
        QTest::newRow("submit bad time") << QStringList{QStringLiteral("submit"), QStringLiteral("job.sh"),
                                                        QStringLiteral("-t"), QStringLiteral("1h")}
                                         << QStringLiteral("--time: '1h' is not a time limit");
        QTest::newRow("submit zero nodes") << QStringList{QStringLiteral("submit"), QStringLiteral("job.sh"),
                                                          QStringLiteral("-N"), QStringLiteral("0")}
                                           << QStringLiteral("--nodes wants a whole number");
        QTest::newRow("upgrade argument") << QStringList{QStringLiteral("upgrade"), QStringLiteral("worker1")}
                                          << QStringLiteral("upgrade takes no arguments");
        QTest::newRow("upgrade bad wait") << QStringList{QStringLiteral("upgrade"), QStringLiteral("--wait"),
                                                         QStringLiteral("soon"), QStringLiteral("--yes")}
                                          << QStringLiteral("--wait");
        QTest::newRow("upgrade without terminal")
            << QStringList{QStringLiteral("upgrade")} << QStringLiteral("run it with --yes");
        QTest::newRow("backup without file")
            << QStringList{QStringLiteral("backup")} << QStringLiteral("backup wants one FILE");
        QTest::newRow("restore without terminal")
            << QStringList{QStringLiteral("restore"), QStringLiteral("b.tar")}
            << QStringLiteral("run it with --yes");
        QTest::newRow("submit missing script")
            << QStringList{QStringLiteral("submit"), QStringLiteral("/nonexistent/job.sh")}
            << QStringLiteral("Cannot read the script /nonexistent/job.sh");
    }
    void clusterCommandUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void clusterCommandsWithoutClusterFileSayHowToWriteOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("plan") << QStringList{QStringLiteral("plan")};
        QTest::newRow("deploy") << QStringList{QStringLiteral("deploy"), QStringLiteral("--yes")};
        QTest::newRow("rotate-munge-key")
            << QStringList{QStringLiteral("rotate-munge-key"), QStringLiteral("--yes")};
        QTest::newRow("services") << QStringList{QStringLiteral("services")};
        QTest::newRow("down") << QStringList{QStringLiteral("down"), QStringLiteral("--yes")};
        QTest::newRow("remove") << QStringList{QStringLiteral("remove"), QStringLiteral("--yes")};
        QTest::newRow("backup") << QStringList{
            QStringLiteral("backup"), QDir::temp().filePath(QStringLiteral("slurmdeck-cli-test.tar"))};
        QTest::newRow("hosts add") << QStringList{QStringLiteral("hosts"), QStringLiteral("add"),
                                                  QStringLiteral("x"), QStringLiteral("--yes")};
    }
    void clusterCommandsWithoutClusterFileSayHowToWriteOne()
    {
        QFETCH(QStringList, arguments);
        const QString missing = QStringLiteral("/nonexistent/slurmdeck/cluster.yaml");
        const Run result = run(arguments + QStringList{QStringLiteral("--cluster"), missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(missing), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("slurmdeck-cli init")), qPrintable(result.err));
    }

    void deployWithoutTerminalWantsYes()
    {
        // Run without a terminal even when the test itself has one: stdin from /dev/null.
        const int savedStdin = dup(STDIN_FILENO);
        const int devNull = open("/dev/null", O_RDONLY);
        QVERIFY(savedStdin >= 0 && devNull >= 0);
        QCOMPARE(dup2(devNull, STDIN_FILENO), STDIN_FILENO);
        close(devNull);
        const auto restore = qScopeGuard([savedStdin] {
            dup2(savedStdin, STDIN_FILENO);
            close(savedStdin);
        });
        QVERIFY(!isatty(STDIN_FILENO));
        for (const QString &command :
             {QStringLiteral("deploy"), QStringLiteral("down"), QStringLiteral("remove")}) {
            const Run result =
                run({command, QStringLiteral("--cluster"), QStringLiteral("/nonexistent.yaml")});
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains(QStringLiteral("--yes")), qPrintable(result.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliApplication)
#include "tst_cliapplication.moc"
