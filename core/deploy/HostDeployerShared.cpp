// SPDX-License-Identifier: GPL-3.0-or-later
// The shared-directory check of a deploy: every host that mounts a shared directory leaves a
// marker there with this run's token, then reads back whose markers it finds. Hosts that see
// each other's markers see one filesystem; DeployRunner names the ones that do not.
#include "deploy/HostDeployer.h"

#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QObject>

namespace SlurmDeck {

namespace {

// ".<project>.node.": the marker of host H is ".slurmdeck-lab.node.H".
QString markerPrefix(const HostPlan &plan)
{
    return u'.' + plan.project.name + QStringLiteral(".node.");
}

} // namespace

Result<void> HostDeployer::markSharedDirectories(const QString &runToken)
{
    m_sharedMarkers.clear();
    if (m_plan.sharedMounts.isEmpty())
        return {};
    QStringList lines;
    for (const SharedMount &mount : std::as_const(m_plan.sharedMounts)) {
        const QString source = Shell::quote(mount.source);
        lines << QStringLiteral(
                     "if [ ! -d %1 ]; then printf 'missing %s\\n' %1; "
                     "elif ! printf '%s\\n' %2 > %1/%3 2>/dev/null; then printf 'denied %s\\n' %1; fi")
                     .arg(source, Shell::quote(runToken),
                          Shell::quote(markerPrefix(m_plan) + m_plan.hostName));
    }
    const Result<ExecResult> marked = runShell(lines.join(u'\n'), std::chrono::seconds(60));
    if (!marked)
        return marked.error();
    const QString answer = QString::fromUtf8(marked->standardOutput).trimmed();
    if (answer.isEmpty() && marked->succeeded())
        return {};
    const QString path = answer.section(u' ', 1).section(u'\n', 0, 0);
    if (answer.startsWith(QLatin1String("missing "))) {
        return failure(
            QObject::tr("The shared directory %1 does not exist on %2. Mount the share there (the same "
                        "filesystem as on the other hosts), or give %2's own path in the shared "
                        "directory's 'sources' in the cluster file.")
                .arg(path, m_plan.hostName));
    }
    if (answer.startsWith(QLatin1String("denied "))) {
        const QString user =
            m_fingerprint.loginUser.isEmpty() ? QObject::tr("the SSH user") : m_fingerprint.loginUser;
        return failure(
            QObject::tr("%1 cannot write in the shared directory %2 on %3, so the deploy cannot check "
                        "that it is the same filesystem as on the other hosts (and jobs may not "
                        "write there either). Let %1 write it (the share's permissions), or choose "
                        "another directory.")
                .arg(user, path, m_plan.hostName));
    }
    return failure(QObject::tr("Could not check the shared directories on %1.").arg(m_plan.hostName),
                   QString::fromUtf8(marked->standardError).trimmed());
}

Result<void> HostDeployer::readSharedMarkers(const QString &runToken)
{
    m_sharedMarkers.clear();
    QStringList lines;
    for (qsizetype i = 0; i < m_plan.sharedMounts.size(); ++i) {
        // Hosts are named [A-Za-z0-9-]: the name is what follows the prefix.
        lines << QStringLiteral("for f in %1/%2*; do [ -f \"$f\" ] && printf '%3 %s %s\\n' \"${f##*/%2}\" "
                                "\"$(head -c 200 \"$f\")\"; done")
                     .arg(Shell::quote(m_plan.sharedMounts.at(i).source), Shell::quote(markerPrefix(m_plan)))
                     .arg(i);
    }
    if (lines.isEmpty())
        return {};
    const Result<ExecResult> listed = runShell(lines.join(QStringLiteral("; ")), std::chrono::seconds(60));
    if (!listed)
        return listed.error();
    for (const QString &line : QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(u' ');
        bool isIndex = false;
        const int index = parts.value(0).toInt(&isIndex);
        if (parts.size() != 3 || !isIndex || index < 0 || index >= m_plan.sharedMounts.size() ||
            parts.at(2) != runToken)
            continue; // another run's marker
        m_sharedMarkers[m_plan.sharedMounts.at(index).mount] << parts.at(1);
    }
    return {};
}

Result<void> HostDeployer::removeSharedMarker()
{
    QStringList paths;
    for (const SharedMount &mount : std::as_const(m_plan.sharedMounts))
        paths << Shell::quote(mount.source + u'/' + markerPrefix(m_plan) + m_plan.hostName);
    if (paths.isEmpty())
        return {};
    const Result<ExecResult> removed =
        runShell(QStringLiteral("rm -f ") + paths.join(u' '), std::chrono::seconds(30));
    if (!removed)
        return removed.error();
    return {};
}

} // namespace SlurmDeck
