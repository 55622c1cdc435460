// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built `slurmdeck` and `slurmdeck-cli` as a user would.
#include "common/Version.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        run.err = QStringLiteral("did not finish: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

const QString gui = QStringLiteral(SLURMDECK_GUI_EXE);
const QString cli = QStringLiteral(SLURMDECK_CLI_EXE);
const QString version = QLatin1String(SlurmDeck::Version::text);

} // namespace

class TestExecutables final : public QObject
{
    Q_OBJECT

private slots:
    void cliVersion()
    {
        const Run run = runProgram(cli, {QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("slurmdeck-cli ") + version);
    }

    void cliHelp()
    {
        const Run run = runProgram(cli, {QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Usage: slurmdeck-cli")));
    }

    // "%n host(s)" reads "1 host" and "2 hosts": the CLI loads the English plural forms
    // (translations/slurmdeck_en.ts, compiled into each executable).
    void cliSpeaksPluralsInEnglish()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString clusters = home.filePath(QStringLiteral("SlurmDeck/clusters"));
        QVERIFY(QDir().mkpath(clusters));
        const QByteArray host = "  - name: %1\n    address: 10.0.0.%1\n    roles: [compute]\n";
        for (const auto &[name, hosts] : {std::pair{"one", 1}, std::pair{"two", 2}}) {
            QFile file(clusters + u'/' + QLatin1String(name) + QStringLiteral(".yaml"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("name: " + QByteArray(name) + "\nhosts:\n");
            for (int i = 1; i <= hosts; ++i)
                file.write(QByteArray(host)
                               .replace("%1", QByteArray::number(i))
                               .replace("[compute]", i == 1 ? "[controller, compute]" : "[compute]"));
        }
        qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
        const Run run = runProgram(cli, {QStringLiteral("clusters")});
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("one, 1 host\n")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("two, 2 hosts\n")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("(s)")), qPrintable(run.out));
    }

    void guiVersion()
    {
        const Run run = runProgram(gui, {QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(version), qPrintable(run.out));
    }

    void guiScreenshot_data()
    {
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<QSize>("size");
        QTest::newRow("default") << QStringList{} << QSize(1280, 800);
        QTest::newRow("jobs view, small") << QStringList{QStringLiteral("--view"), QStringLiteral("jobs"),
                                                         QStringLiteral("--size"), QStringLiteral("900x600")}
                                          << QSize(900, 600);
    }
    void guiScreenshot()
    {
        QFETCH(QStringList, extraArguments);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shot.png"));
        const Run run = runProgram(gui, QStringList{QStringLiteral("--screenshot"), path} + extraArguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(path, "PNG");
        QVERIFY2(!image.isNull(), "no PNG written");
        QCOMPARE(image.size(), size);
    }

    void guiRejectsUnknownView()
    {
        const Run run = runProgram(gui, {QStringLiteral("--screenshot"), QStringLiteral("/tmp/never.png"),
                                         QStringLiteral("--view"), QStringLiteral("nope")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("unknown view 'nope'")));
    }

    void guiScreenshotToBadPathFails()
    {
        const Run run =
            runProgram(gui, {QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/shot.png")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Cannot write the screenshot")), qPrintable(run.err));
    }

    // Ctrl+C while a command waits on a host: the command is cancelled and the process ends
    // with 130, saying so, without waiting for the host. The host accepts and stays silent.
    void cliCtrlCEndsTheCommandWith130()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QFile cluster(home.filePath(QStringLiteral("ctrlc.yaml")));
        QVERIFY(cluster.open(QIODevice::WriteOnly));
        cluster.write(
            QStringLiteral("name: ctrlc\nhosts:\n  - name: h1\n    address: 127.0.0.1\n    port: %1\n"
                           "    user: nobody\n    roles: [controller, compute]\n")
                .arg(silent.serverPort())
                .toUtf8());
        cluster.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        process.setProcessEnvironment(env);
        process.start(cli, {QStringLiteral("--cluster"), cluster.fileName(), QStringLiteral("status"),
                            QStringLiteral("--timeout"), QStringLiteral("60")});
        QVERIFY(process.waitForStarted());
        // Once the connection is open, the command is waiting for the host.
        QVERIFY(QTest::qWaitFor([&] { return silent.hasPendingConnections(); }, 20000));
        QElapsedTimer timer;
        timer.start();
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(20000), "slurmdeck-cli did not end after Ctrl+C");
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130, qPrintable(QString::number(process.exitCode()) + u' ' + err));
        QVERIFY2(err.contains(QStringLiteral("Interrupted")), qPrintable(err));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    // A confirmation is asked on the terminal, not on stdout: with stdout redirected, the
    // question still reaches the person (here a pseudo-terminal from script(1)) and the
    // redirected output holds no prompt. "n" changes nothing.
    void cliAsksOnTheTerminalNotOnStdout()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QFile cluster(home.filePath(QStringLiteral("ask.yaml")));
        QVERIFY(cluster.open(QIODevice::WriteOnly));
        cluster.write(
            "name: ask\nhosts:\n  - name: h1\n    address: 127.0.0.1\n    roles: [controller, compute]\n");
        cluster.close();
        const QString stdoutFile = home.filePath(QStringLiteral("out.txt"));
        const QString stderrFile = home.filePath(QStringLiteral("err.txt"));
        QProcess terminal;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        terminal.setProcessEnvironment(env);
        terminal.start(QStringLiteral("script"), {QStringLiteral("-qec"),
                                                  QStringLiteral("'%1' --cluster '%2' down >'%3' 2>'%4'")
                                                      .arg(cli, cluster.fileName(), stdoutFile, stderrFile),
                                                  QStringLiteral("/dev/null")});
        QVERIFY(terminal.waitForStarted());
        terminal.write("n\n");
        QVERIFY(terminal.waitForFinished(30000));
        const QString shown = QString::fromUtf8(terminal.readAllStandardOutput());
        QFile out(stdoutFile);
        QFile err(stderrFile);
        QVERIFY(out.open(QIODevice::ReadOnly) && err.open(QIODevice::ReadOnly));
        const QString printed = QString::fromUtf8(out.readAll());
        const QString errors = QString::fromUtf8(err.readAll());
        QVERIFY2(shown.contains(QStringLiteral("Stop every service of ask on h1 (data is kept)? [y/N]")),
                 qPrintable(shown));
        QVERIFY2(!printed.contains(QStringLiteral("[y/N]")), qPrintable(printed));
        QVERIFY2(errors.contains(QStringLiteral("Nothing was changed")), qPrintable(errors));
        QCOMPARE(terminal.exitCode(), 1);
    }

    void cliDoesNotLoadWidgetsOrGui()
    {
#if defined(Q_OS_LINUX)
        const Run run = runProgram(QStringLiteral("ldd"), {cli});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("libQt6Core")));
        QVERIFY2(!run.out.contains(QStringLiteral("libQt6Widgets")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("libQt6Gui")), qPrintable(run.out));
#else
        const Run run = runProgram(QStringLiteral("otool"), {QStringLiteral("-L"), cli});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains(QStringLiteral("QtWidgets")), qPrintable(run.out));
#endif
    }
};

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
