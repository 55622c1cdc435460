// SPDX-License-Identifier: GPL-3.0-or-later
// Shell quoting is checked against a real POSIX shell: every quoted string is handed to
// /bin/sh, which must give back exactly the original bytes. (The same strings go through a
// real sshd in the SSH layer's lab test.)
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QProcess>
#include <QTest>

using namespace SlurmDeck;

class TestShellQuote final : public QObject
{
    Q_OBJECT

private:
    static QByteArray throughShell(const QString &shell, const QString &commandLine)
    {
        QProcess process;
        process.start(shell, {QStringLiteral("-c"), commandLine});
        if (!process.waitForFinished(10000) || process.exitCode() != 0)
            return QByteArrayLiteral("<shell failed: ") + process.readAllStandardError() + '>';
        return process.readAllStandardOutput();
    }

    static void addAwkwardStrings()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("docker");
        QTest::newRow("path") << QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/bin/docker");
        QTest::newRow("space") << QStringLiteral("two words");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("only quotes") << QStringLiteral("''''");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("dollar paren") << QStringLiteral("$(rm -rf /)");
        QTest::newRow("backticks") << QStringLiteral("`id`");
        QTest::newRow("variable") << QStringLiteral("$HOME ${PATH}");
        QTest::newRow("newline") << QStringLiteral("line1\nline2\n");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("glob") << QStringLiteral("*.conf ? [a-z]");
        QTest::newRow("operators") << QStringLiteral("a;b&&c||d|e>f<g");
        QTest::newRow("backslash") << QStringLiteral("C:\\path\\n");
        QTest::newRow("leading dash") << QStringLiteral("-n");
        QTest::newRow("tilde") << QStringLiteral("~root");
        QTest::newRow("hash") << QStringLiteral("#not a comment");
        QTest::newRow("assignment") << QStringLiteral("A=1");
        QTest::newRow("bang") << QStringLiteral("!!");
        QTest::newRow("non-ascii") << QStringLiteral("Grüße, 東京, Ω ✓");
        QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x9a\x80 rocket");
        QTest::newRow("percent") << QStringLiteral("100%");
        QTest::newRow("mixed") << QStringLiteral("x'\"$(`\\\n'y");
    }

private slots:
    // A NUL would cut the command short where it becomes a C string; exec() refuses it
    // before anything else, even the connection.
    void commandsWithNulAreRefused()
    {
        SshTarget target;
        target.host = QStringLiteral("192.0.2.1");
        SshConnection connection(target, nullptr);
        const QString command =
            Shell::join({QStringLiteral("rm"), QStringLiteral("-rf"),
                         QStringLiteral("/srv/data") + QChar(u'\0') + QStringLiteral("/x")});
        const Result<ExecResult> ran = connection.exec(command);
        QVERIFY(!ran.has_value());
        QCOMPARE(ran.error().code, Error::Code::InvalidArgument);
        QVERIFY(ran.error().message.contains(QStringLiteral("NUL")));
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(Shell::quote(QStringLiteral("docker")), QStringLiteral("docker"));
        QCOMPARE(Shell::quote(QStringLiteral("/usr/bin/docker-compose")),
                 QStringLiteral("/usr/bin/docker-compose"));
        QCOMPARE(Shell::quote(QStringLiteral("--project-name")), QStringLiteral("--project-name"));
        QCOMPARE(Shell::quote(QString()), QStringLiteral("''"));
        QCOMPARE(Shell::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(Shell::quote(QStringLiteral("A=1")), QStringLiteral("'A=1'"));
    }

    void roundTripsThroughRealShell_data() { addAwkwardStrings(); }
    void roundTripsThroughRealShell()
    {
        QFETCH(QString, argument);
        for (const QString &shell : {QStringLiteral("/bin/sh"), QStringLiteral("/bin/bash")}) {
            const QString line = QStringLiteral("printf '%s' ") + Shell::quote(argument);
            QCOMPARE(throughShell(shell, line), argument.toUtf8());
        }
    }

    void joinKeepsArgumentBoundaries()
    {
        const QStringList argv{QStringLiteral("printf"), QStringLiteral("[%s]"), QString(),
                               QStringLiteral("a b"),    QStringLiteral("it's"), QStringLiteral("$(x)\n")};
        QCOMPARE(throughShell(QStringLiteral("/bin/sh"), Shell::join(argv)),
                 QByteArray("[][a b][it's][$(x)\n]"));
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
