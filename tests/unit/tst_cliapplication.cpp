#include "cli/CliApplication.h"
#include "common/ApplicationInfo.h"
#include "common/Version.h"

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
        arguments.prepend(QStringLiteral("slurmdeck-cli"));
        result.exitCode = cli.run(arguments);
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
        QVERIFY(result.out.contains(QStringLiteral("--version")));
        QVERIFY(result.out.contains(QStringLiteral("version ")));
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
        QVERIFY(result.err.contains(QStringLiteral("frobnicate")));
    }
};

QTEST_GUILESS_MAIN(TestCliApplication)
#include "tst_cliapplication.moc"
