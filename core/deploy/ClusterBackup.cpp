// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ClusterBackup.h"

#include "deploy/HostDeployer.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>

namespace SlurmDeck::ClusterBackup {

namespace {

constexpr auto stateDirectory = "/var/lib/slurm/slurmctld";
constexpr std::chrono::minutes transferTimeout{30};

Result<void> failedOn(HostDeployer &host, const QString &what, const ExecResult &ran)
{
    return makeError(Error::Code::RemoteCommandFailed, what.arg(host.plan().hostName),
                     QString::fromUtf8(ran.standardError).trimmed().right(1500));
}

// `argv` on the host with its standard output into `localFile` (or its input from it).
Result<ExecResult> stream(HostDeployer &host, const QStringList &argv, const QString &outputFile,
                          const QString &inputFile = {})
{
    ExecOptions options;
    options.timeout = transferTimeout;
    options.standardOutputFile = outputFile;
    options.standardInputFile = inputFile;
    return host.connection().exec(Shell::join(argv), options, host.cancelToken());
}

Result<void> runService(HostDeployer &host, const QStringList &argv, const QString &what)
{
    const Result<ExecResult> ran = host.runArgv(argv, std::chrono::seconds(300));
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return failedOn(host, what, *ran);
    return {};
}

// The last bytes of `path`: where mariadb-dump says it finished.
QByteArray tailOf(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(std::max<qint64>(0, file.size() - bytes));
    return file.readAll();
}

// Stops `service`, runs `work`, and starts `service` again whatever `work` gave; the first
// failure is the answer.
Result<void> withServiceStopped(HostDeployer &host, const QString &service,
                                const std::function<Result<void>()> &work)
{
    if (Result<void> stopped =
            runService(host, host.compose().stop({service}),
                       QObject::tr("%1 could not be stopped on %2.").arg(service, QStringLiteral("%1")));
        !stopped)
        return stopped;
    const Result<void> done = work();
    const Result<void> started =
        runService(host, host.compose().up({service}),
                   QObject::tr("%1 could not be started again on %2.").arg(service, QStringLiteral("%1")));
    if (!done)
        return done;
    return started;
}

} // namespace

Result<void> dumpAccounting(HostDeployer &host, const QString &localFile)
{
    const Result<ExecResult> dumped =
        stream(host,
               host.compose().exec(QStringLiteral("mariadb"),
                                   {QStringLiteral("mariadb-dump"), QStringLiteral("--protocol=socket"),
                                    QStringLiteral("--single-transaction"), QStringLiteral("--routines"),
                                    QStringLiteral("--databases"), QStringLiteral("slurm_acct_db")}),
               localFile);
    if (!dumped)
        return dumped.error();
    if (!dumped->succeeded())
        return failedOn(host, QObject::tr("The accounting database on %1 could not be dumped."), *dumped);
    // A dump cut short (the connection dropped, the disk here filled) lacks its last line.
    if (!tailOf(localFile, 200).contains("-- Dump completed")) {
        return makeError(Error::Code::RemoteCommandFailed,
                         QObject::tr("The dump of the accounting database on %1 is incomplete (%2 bytes).")
                             .arg(host.plan().hostName)
                             .arg(QFileInfo(localFile).size()));
    }
    return {};
}

Result<void> saveControllerState(HostDeployer &host, const QString &localFile)
{
    const Result<ExecResult> saved = stream(
        host,
        host.compose().exec(QStringLiteral("slurmctld"),
                            {QStringLiteral("tar"), QStringLiteral("-C"), QString::fromLatin1(stateDirectory),
                             QStringLiteral("-cf"), QStringLiteral("-"), QStringLiteral(".")}),
        localFile);
    if (!saved)
        return saved.error();
    if (!saved->succeeded())
        return failedOn(host, QObject::tr("slurmctld's state on %1 could not be read."), *saved);
    return {};
}

Result<void> restoreAccounting(HostDeployer &host, const QString &localFile)
{
    return withServiceStopped(host, QStringLiteral("slurmdbd"), [&]() -> Result<void> {
        const Result<ExecResult> loaded =
            stream(host,
                   host.compose().exec(QStringLiteral("mariadb"),
                                       {QStringLiteral("mariadb"), QStringLiteral("--protocol=socket")}),
                   {}, localFile);
        if (!loaded)
            return loaded.error();
        if (!loaded->succeeded())
            return failedOn(host, QObject::tr("The accounting database on %1 could not be loaded."), *loaded);
        return {};
    });
}

Result<void> restoreControllerState(HostDeployer &host, const QString &localFile)
{
    return withServiceStopped(host, QStringLiteral("slurmctld"), [&]() -> Result<void> {
        // A one-off container of the same image with the same state volume: the files keep
        // the owner slurmctld runs as, whatever user SSH logs in as.
        const QString replace = QStringLiteral("cd %1 && find . -mindepth 1 -delete && tar -xpf -")
                                    .arg(QString::fromLatin1(stateDirectory));
        const Result<ExecResult> replaced =
            stream(host,
                   host.compose().arguments({QStringLiteral("run"), QStringLiteral("--rm"),
                                             QStringLiteral("--no-deps"), QStringLiteral("-T"),
                                             QStringLiteral("--entrypoint"), QStringLiteral("sh"),
                                             QStringLiteral("slurmctld"), QStringLiteral("-c"), replace}),
                   {}, localFile);
        if (!replaced)
            return replaced.error();
        if (!replaced->succeeded())
            return failedOn(host, QObject::tr("slurmctld's state on %1 could not be replaced."), *replaced);
        return {};
    });
}

} // namespace SlurmDeck::ClusterBackup
