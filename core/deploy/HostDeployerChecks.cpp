// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/HostDeployer.h"

#include "inventory/SlurmRelease.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QObject>
#include <QRegularExpression>

namespace SlurmDeck {

namespace {

// Prints what Slurm the directory holds: "image IMAGE", the Slurm image an earlier deploy
// left in .env, and "state BYTES", the first bytes of slurmctld's saved node state in decimal
// (either empty: none, or not readable by the login). Then "ok", or "denied PATH" for the
// first path the login cannot write: the project directory's nearest existing ancestor when
// it is not there yet, else the directory and the subdirectories SlurmDeck writes into (an
// earlier deploy as root leaves them root's).
QString writabilityCommand(const QString &directory)
{
    return QStringLiteral(
               "d=%1; printf 'image %s\\n' \"$(sed -n 's/^SLURMDECK_SLURM_IMAGE=//p' \"$d/.env\" 2>/dev/null "
               "| "
               "head -n 1)\"; printf 'state %s\\n' \"$(od -An -tu1 -N23 \"$d/data/slurmctld/node_state\" "
               "2>/dev/null | tr '\\n' ' ')\"; p=$d; while [ ! -e \"$p\" ]; do p=$(dirname -- \"$p\"); done; "
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
    QStringList lines = QString::fromUtf8(checked->standardOutput).split(u'\n');
    QString deployedImage;
    QString stateBytes;
    while (!lines.isEmpty() && (lines.constFirst().startsWith(QLatin1String("image ")) ||
                                lines.constFirst().startsWith(QLatin1String("state ")))) {
        const QString line = lines.takeFirst();
        (line.startsWith(u'i') ? deployedImage : stateBytes) = line.mid(6).trimmed();
    }
    if (Result<void> release = checkSlurmRelease(deployedImage, stateBytes); !release)
        return release;
    const QString answer = lines.join(u'\n').trimmed();
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

// A cluster deployed with one Slurm release moves to another only along Slurm's upgrade
// path: its controller state and accounting database are that release's.
Result<void> HostDeployer::checkSlurmRelease(const QString &deployedImage, const QString &stateBytes) const
{
    QByteArray header;
    for (const QString &number : stateBytes.split(u' ', Qt::SkipEmptyParts))
        header += static_cast<char>(number.toInt());
    // The state's own release counts first: it is what slurmctld will read, also after a
    // remove that kept the data.
    QString before = SlurmRelease::ofStateHeader(header);
    if (before.isEmpty())
        before = SlurmRelease::ofImage(deployedImage);
    QString planned;
    for (const RenderedFile &file : m_plan.files) {
        if (file.path != u".env")
            continue;
        for (const QByteArray &line : file.content.split('\n')) {
            if (line.startsWith("SLURMDECK_SLURM_IMAGE="))
                planned = SlurmRelease::ofImage(QString::fromUtf8(line.mid(22)));
        }
    }
    const QString refusal = slurmUpgradeRefusal(before, planned);
    if (refusal.isEmpty())
        return {};
    return failure(QObject::tr("%1 runs a cluster deployed with Slurm %2; this deploy is for Slurm %3. %4")
                       .arg(m_plan.hostName, before, planned, refusal));
}

// Docker Desktop bind-mounts only the paths it shares with its VM (/Users, /Volumes, /private,
// /tmp, /var/folders by default): a throwaway container of an image the host has mounts the
// project directory's nearest existing ancestor. No image yet: nothing to check with; the
// start names the same fix if it fails so (startFailureHint).
Result<void> HostDeployer::checkBindMount()
{
    if (m_plan.platform != Platform::MacOS)
        return {};
    const QString docker = Shell::quote(m_fingerprint.dockerPath);
    QStringList paths{Shell::quote(m_plan.directory)};
    for (const SharedMount &mount : std::as_const(m_plan.sharedMounts))
        paths << Shell::quote(mount.source);
    const QString command =
        QStringLiteral("image=$(%1 image ls -q 2>/dev/null | head -n 1); [ -n \"$image\" ] || exit 0; "
                       "for d in %2; do while [ ! -e \"$d\" ]; do d=$(dirname -- \"$d\"); done; "
                       "%1 run --rm --network none --entrypoint true -v \"$d:/slurmdeck-mount-check:ro\" "
                       "\"$image\" 2>&1 >/dev/null; done; exit 0")
            .arg(docker, paths.join(u' '));
    const Result<ExecResult> checked = runShell(command, std::chrono::seconds(120));
    if (!checked)
        return checked.error();
    const QString output = QString::fromUtf8(checked->standardOutput).trimmed();
    const QString hint = startFailureHint(output);
    if (hint.isEmpty())
        return {};
    return failure(QObject::tr("The engine on %1 cannot bind-mount what the cluster needs there. %2")
                       .arg(m_plan.hostName, hint),
                   output.left(1000));
}

QString HostDeployer::startFailureHint(const QString &composeError)
{
    // Docker Desktop: "Mounts denied: \nThe path /opt/x is not shared from the host and is not
    // known to Docker.\nYou can configure shared paths from Docker -> Preferences... ->
    // Resources -> File Sharing."
    if (!composeError.contains(QLatin1String("Mounts denied")))
        return {};
    static const QRegularExpression pathPattern(QStringLiteral("The path (\\S+)\\s+is not shared"));
    const QString path = pathPattern.match(composeError).captured(1);
    return QObject::tr("Docker Desktop does not share %1 with its VM. Add it in Docker Desktop's Settings > "
                       "Resources > File sharing; for the cluster's own files, leave remote_directory at its "
                       "default (under your home, which Docker Desktop shares).")
        .arg(path.isEmpty() ? QObject::tr("the cluster's directory") : path);
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
