#include "cli/CliApplication.h"
#include "common/ApplicationInfo.h"
#include "common/Version.h"

#include <QSignalSpy>
#include <QTest>

using namespace SlurmDeck;

class TestCliApplication final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(QStringList arguments)
    {
        Run result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        CliApplication cli(out, err);
        QSignalSpy finished(&cli, &CliApplication::finished);
        arguments.prepend(QStringLiteral("slurmdeck-cli"));
        cli.start(arguments);
        if (finished.wait(30000) && finished.count() == 1)
            result.exitCode = finished.first().first().toInt();
        out.flush();
        err.flush();
        return result;
    }

private slots:
    void initTestCase() { applyApplicationInfo(); }

    void versionOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("long") << QStringLiteral("--version");
        QTest::newRow("short") << QStringLiteral("-v");
    }
    void versionOption()
    {
        QFETCH(QString, option);
        const Run result = run({option});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("slurmdeck-cli %1\n").arg(QLatin1String(Version::text)));
        QVERIFY(result.err.isEmpty());
    }

    void helpListsOptionsAndCommands()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QStringLiteral("Usage: slurmdeck-cli")));
        for (const char *word : {"--version", "--cluster", "discover", "init", "version "})
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

    void unknownCommandIsAUsageError()
    {
        const Run result = run({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QVERIFY(result.err.contains(QStringLiteral("--help")));
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
};

QTEST_GUILESS_MAIN(TestCliApplication)
#include "tst_cliapplication.moc"
