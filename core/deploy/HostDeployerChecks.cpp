// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/HostDeployer.h"

#include "remote/ShellQuote.h"

#include <QObject>

namespace SlurmDeck {

namespace {

// Prints "ok", or "denied PATH" for the first path the login cannot write: the project
// directory's nearest existing ancestor when it is not there yet, else the directory and the
// subdirectories SlurmDeck writes into (an earlier deploy as root leaves them root's).
QString writabilityCommand(const QString &directory)
{
    return QStringLiteral(
               "d=%1; p=$d; while [ ! -e \"$p\" ]; do p=$(dirname -- \"$p\"); done; "
               "if [ \"$p\" != \"$d\" ]; then set -- \"$p\"; "
               "else set -- \"$d\" \"$d/etc\" \"$d/etc/slurm\" \"$d/secrets\" \"$d/prometheus\"; fi; "
               "for x in \"$@\"; do "
               "if [ -e \"$x\" ] && { [ ! -d \"$x\" ] || [ ! -w \"$x\" ] || [ ! -x \"$x\" ]; }; then "
               "printf 'denied %s\\n' \"$x\"; exit 0; fi; done; echo ok")
        .arg(Shell::quote(directory));
}

} // namespace

Result<void> HostDeployer::checkDirectoryWritable()
{
    const Result<ExecResult> checked =
        runShell(writabilityCommand(m_plan.directory), std::chrono::seconds(30));
    if (!checked)
        return checked.error();
    const QString answer = QString::fromUtf8(checked->standardOutput).trimmed();
    if (answer == u"ok")
        return {};
    if (!answer.startsWith(QLatin1String("denied "))) {
        return failure(
            QObject::tr("Could not check that %1 may write %2.").arg(m_plan.hostName, m_plan.directory),
            QString::fromUtf8(checked->standardError).trimmed());
    }
    const QString path = answer.mid(7);
    const QString user =
        m_fingerprint.loginUser.isEmpty() ? QObject::tr("the SSH user") : m_fingerprint.loginUser;
    const QString home =
        m_fingerprint.homeDirectory.isEmpty()
            ? QString()
            : QObject::tr(" (its home, %1, is a good place)").arg(m_fingerprint.homeDirectory);
    return failure(QObject::tr("%1 cannot write %2 on %3, so SlurmDeck cannot put the cluster's files in %4. "
                               "Set remote_directory in the cluster's settings to a directory %1 can "
                               "write%5, or have an administrator give it one: sudo install -d -o %1 %4")
                       .arg(user, path, m_plan.hostName, m_plan.directory, home));
}

} // namespace SlurmDeck
