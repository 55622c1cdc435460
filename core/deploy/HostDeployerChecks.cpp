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

QString HostDeployer::directoryMarkerPrefix()
{
    return QStringLiteral(".slurmdeck-host.");
}

Result<void> HostDeployer::markDirectory()
{
    const QString marker = m_plan.directory + u'/' + directoryMarkerPrefix() + m_plan.hostName;
    const Result<ExecResult> marked = runShell(
        QStringLiteral("mkdir -p %1 && printf '%s\\n' %2 > %3")
            .arg(Shell::quote(m_plan.directory), Shell::quote(m_plan.hostName), Shell::quote(marker)),
        std::chrono::seconds(30));
    if (!marked)
        return marked.error();
    if (!marked->succeeded())
        return failure(QObject::tr("Cannot create %1 on %2.").arg(m_plan.directory, m_plan.hostName),
                       QString::fromUtf8(marked->standardError).trimmed());
    return {};
}

Result<void> HostDeployer::readDirectoryMarkers()
{
    const Result<ExecResult> listed = runShell(
        QStringLiteral("cd %1 && ls -a").arg(Shell::quote(m_plan.directory)), std::chrono::seconds(30));
    if (!listed)
        return listed.error();
    m_directoryMarkers.clear();
    for (const QString &name : QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
        if (name.startsWith(directoryMarkerPrefix()))
            m_directoryMarkers << name.mid(directoryMarkerPrefix().size());
    }
    return {};
}

} // namespace SlurmDeck
