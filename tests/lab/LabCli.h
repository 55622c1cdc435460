// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// slurmdeck-cli run by a lab test as the test's user would: the lab cluster's file and ssh
// config, its private HOME (and keyring, where the test runs in keyring-session.sh), no SSH
// agent, no terminal. And commands run as root inside a lab host, outside SSH (lab.sh host),
// the way a test makes faults. Header-only, for tests/lab.
#include "LabCluster.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace SlurmDeck::Lab {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    // stderr first, then the end of stdout: QTest cuts long messages, and the error is what
    // a failure needs.
    [[nodiscard]] QByteArray text() const
    {
        return (QStringLiteral("exit %1; stderr: ").arg(exitCode) + err.right(1500) +
                QStringLiteral("\n--- end of stdout:\n") + out.right(2500))
            .toUtf8();
    }
};

// Starts slurmdeck-cli (`executable`) on `lab`'s cluster as its user (own HOME, no agent).
inline void startCli(QProcess &process, const LabCluster &lab, const QString &executable,
                     const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), lab.home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), lab.home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), lab.home.filePath(QStringLiteral(".local/share")));
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    process.setProcessEnvironment(env);
    process.start(executable, QStringList{QStringLiteral("--cluster"), lab.clusterFile()} + arguments +
                                  QStringList{QStringLiteral("--ssh-config"), lab.sshConfig()});
}

// Runs it to its end (killed after `timeoutMs`), stdin closed: confirmations need --yes.
inline CliRun runCli(const LabCluster &lab, const QString &executable, const QStringList &arguments,
                     int timeoutMs)
{
    QProcess process;
    startCli(process, lab, executable, arguments);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out\n");
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
    run.out += QString::fromUtf8(process.readAllStandardOutput());
    run.err += QString::fromUtf8(process.readAllStandardError());
    return run;
}

// `argv` as root inside the lab host `host` (its own namespaces, not SSH: it works while the
// host's network is cut); `labScript` is tests/lab/lab.sh. Returns the exit status, -1 when it
// did not finish in 60 s; `output` gets stdout and stderr.
inline int onLabHost(const QString &labScript, const QString &host, const QStringList &argv,
                     QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(labScript, QStringList{QStringLiteral("host"), host, QStringLiteral("--")} + argv);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace SlurmDeck::Lab
