// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox dialog (`slurmdeck --sandbox`, the GUI's front on the session layer's
// SandboxRun; lab.sandbox runs the real sandbox through the same SandboxRun): a step that
// fails is named with its exit code and its output, and the dialog offers Close; Cancel
// stops the step under way; down without a cluster file removes the link and the hosts, in
// that order; down never touches a file there that holds another cluster. The scripts here
// stand in for lab.sh and build-images.sh only to fail, hang or record their arguments.
// Run by a user other than root, each test checks instead that the dialog says the sandbox
// needs root and runs nothing.
#include "dialogs/SandboxDialog.h"
#include "sandbox/SandboxSetup.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestSandboxDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    [[nodiscard]] QString calls() const { return m_temp.filePath(QStringLiteral("calls")); }

    // lab.sh and build-images.sh under $SLURMDECK_SHARE_DIR, both running `labBody`.
    [[nodiscard]] bool writeScripts(const QByteArray &labBody) const
    {
        for (const QString &path : {QStringLiteral("share/lab/lab.sh"),
                                    QStringLiteral("share/compose-templates/build-images.sh")}) {
            const QString file = m_temp.filePath(path);
            QDir().mkpath(QFileInfo(file).path());
            QFile script(file);
            if (!script.open(QIODevice::WriteOnly) || script.write("#!/bin/sh\n" + labBody + '\n') < 0)
                return false;
            script.close();
            if (!script.setPermissions(script.permissions() | QFileDevice::ExeOwner))
                return false;
        }
        return true;
    }

    // Not root (a developer's fast tests): the dialog says the sandbox needs root and runs
    // nothing, whatever the action.
    void refusedWithoutRoot(SandboxDialog::Action action)
    {
        QVERIFY(writeScripts("echo \"$*\" >>\"$CALLS\""));
        SandboxDialog dialog(action);
        QSignalSpy failed(&dialog, &SandboxDialog::failed);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("needs root")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(calls()));
        QCOMPARE(buttonText(dialog), QStringLiteral("Close"));
    }

    [[nodiscard]] static QString buttonText(const SandboxDialog &dialog)
    {
        return dialog.findChild<QPushButton *>()->text();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        qputenv("SLURMDECK_SHARE_DIR", m_temp.filePath(QStringLiteral("share")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_temp.filePath(QStringLiteral("config")).toUtf8());
        qputenv("CALLS", calls().toUtf8());
    }

    void init() { QFile::remove(calls()); }

    void aFailingStepSaysWhichAndOffersClose()
    {
        QVERIFY(writeScripts("echo \"lab: no room for the hosts\"; exit 3"));
        SandboxDialog dialog(SandboxDialog::Action::Up);
        QSignalSpy failed(&dialog, &SandboxDialog::failed);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        const QString message = failed.first().first().toString();
        if (::geteuid() != 0) {
            QVERIFY2(message.contains(QStringLiteral("needs root")), qPrintable(message));
            return;
        }
        QVERIFY2(message.contains(QStringLiteral("bringing up the emulated hosts failed (exit code 3)")),
                 qPrintable(message));
        QVERIFY2(dialog.log().contains(QStringLiteral("lab: no room for the hosts")),
                 qPrintable(dialog.log()));
        QCOMPARE(dialog.findChild<QLabel *>()->text(), message);
        QCOMPARE(buttonText(dialog), QStringLiteral("Close"));
        const QProgressBar *progress = dialog.findChild<QProgressBar *>();
        QCOMPARE(progress->value(), 1); // the first of up's steps
        QCOMPARE(progress->maximum(), 5);
    }

    void cancelStopsTheStepUnderWay()
    {
        if (::geteuid() != 0)
            return refusedWithoutRoot(SandboxDialog::Action::Up);
        QVERIFY(writeScripts("echo building; exec sleep 60"));
        SandboxDialog dialog(SandboxDialog::Action::Up);
        QSignalSpy failed(&dialog, &SandboxDialog::failed);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.log().contains(QStringLiteral("building")), 10000);
        QCOMPARE(buttonText(dialog), QStringLiteral("Cancel"));
        QElapsedTimer timer;
        timer.start();
        dialog.findChild<QPushButton *>()->click();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("Cancelled while bringing up the emulated hosts."));
        QCOMPARE(buttonText(dialog), QStringLiteral("Close"));
    }

    void downWithoutAClusterFileRemovesTheLinkThenTheHosts()
    {
        if (::geteuid() != 0)
            return refusedWithoutRoot(SandboxDialog::Action::Down);
        QVERIFY(writeScripts("echo \"$*\" >>\"$CALLS\""));
        QVERIFY(!QFile::exists(Sandbox::clusterFilePath()));
        SandboxDialog dialog(SandboxDialog::Action::Down);
        QSignalSpy succeeded(&dialog, &SandboxDialog::succeeded);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 1, 10000);
        QFile recorded(calls());
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        QCOMPARE(recorded.readAll(), QByteArray("unlink\ndown\n"));
        const QProgressBar *progress = dialog.findChild<QProgressBar *>();
        QCOMPARE(progress->value(), progress->maximum());
        QCOMPARE(dialog.findChild<QLabel *>()->text(), QStringLiteral("The sandbox is removed."));
    }

    void downLeavesAnotherClusterAndItsHostsAlone()
    {
        if (::geteuid() != 0)
            return refusedWithoutRoot(SandboxDialog::Action::Down);
        QVERIFY(writeScripts("echo \"$*\" >>\"$CALLS\""));
        const QString file = Sandbox::clusterFilePath();
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        const QByteArray prod =
            "name: prod\nhosts:\n  - name: head\n    address: 10.0.0.5\n    roles: [controller]\n";
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(prod);
        }
        SandboxDialog dialog(SandboxDialog::Action::Down);
        QSignalSpy failed(&dialog, &SandboxDialog::failed);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(failed.first().first().toString().contains(
                     QStringLiteral("holds the cluster 'prod', not the sandbox")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(calls())); // no script ran: not the link, not the hosts
        QFile kept(file);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), prod);
        QVERIFY(QFile::remove(file));
    }
};

QTEST_MAIN(TestSandboxDialog)
#include "tst_sandboxdialog.moc"
