// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlainDeploy.h"

#include "compose/ComposeCommand.h"
#include "remote/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <sys/stat.h>

namespace SlurmDeck::Bench {

namespace {

const Lab::Host *labHost(const Lab::Manifest &lab, const QString &name)
{
    for (const Lab::Host &host : lab.hosts) {
        if (host.name == name)
            return &host;
    }
    return nullptr;
}

QString ssh(const Lab::Manifest &lab, const QString &host)
{
    return QStringLiteral("ssh -F %1 -o BatchMode=yes %2")
        .arg(Shell::quote(lab.sshConfig()), Shell::quote(host));
}

bool stage(const HostPlan &host, const QString &directory)
{
    for (const RenderedFile &file : host.files) {
        const QString path = directory + u'/' + file.path;
        QDir().mkpath(QFileInfo(path).path());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(file.content) != file.content.size())
            return false;
        out.close();
        if (::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(file.mode)) != 0)
            return false;
    }
    return true;
}

} // namespace

int runShell(const QString &script)
{
    QProcess bash;
    bash.setProcessChannelMode(QProcess::ForwardedChannels);
    bash.start(QStringLiteral("bash"),
               {QStringLiteral("-euo"), QStringLiteral("pipefail"), QStringLiteral("-c"), script});
    if (!bash.waitForFinished(-1))
        return -1;
    return bash.exitStatus() == QProcess::NormalExit ? bash.exitCode() : -1;
}

QString plainDeployScript(const ClusterPlan &plan, const Lab::Manifest &lab, const QString &stagingDir)
{
    QString script;
    for (const HostPlan &host : plan.hosts) {
        const Lab::Host *target = labHost(lab, host.hostName);
        const QString local = stagingDir + u'/' + host.hostName;
        if (!target || !stage(host, local))
            return QStringLiteral("echo 'cannot stage %1' >&2; exit 1").arg(host.hostName);
        const ComposeCommand compose(ComposeTool::standalone(target->compose), host.project);
        script += QStringLiteral("tar -C %1 -cf - . | %2 %3\n")
                      .arg(Shell::quote(local), ssh(lab, host.hostName),
                           Shell::quote(QStringLiteral("mkdir -p %1 && tar -C %1 -xf - && %2 >/dev/null 2>&1")
                                            .arg(Shell::quote(host.directory),
                                                 Shell::join(compose.up(host.services)))));
    }
    return script;
}

QString waitForIdleScript(const ClusterPlan &plan, const Lab::Manifest &lab, int nodes)
{
    for (const HostPlan &host : plan.hosts) {
        if (!host.services.contains(QStringLiteral("slurmctld")))
            continue;
        const Lab::Host *target = labHost(lab, host.hostName);
        if (!target)
            break;
        const QString docker = Shell::quote(target->docker);
        const QString remote =
            QStringLiteral("id=$(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
                           "label=com.docker.compose.service=slurmctld); "
                           "for i in $(seq 1200); do n=$(%1 exec \"$id\" sinfo -h -N -o %t 2>/dev/null | "
                           "grep -cx idle || true); "
                           "[ \"$n\" = %3 ] && exit 0; sleep 0.1; done; exit 1")
                .arg(docker, Shell::quote(plan.projectName))
                .arg(nodes);
        return QStringLiteral("%1 %2").arg(ssh(lab, host.hostName), Shell::quote(remote));
    }
    return QStringLiteral("echo 'no controller in the plan' >&2; exit 1");
}

QString tearDownScript(const ClusterPlan &plan, const Lab::Manifest &lab)
{
    QString script;
    for (const HostPlan &host : plan.hosts) {
        const Lab::Host *target = labHost(lab, host.hostName);
        if (!target)
            continue;
        // Files the containers' users wrote under an ordinary user's directory go through a
        // container of the Slurm image (as root there), as SlurmDeck's own remove does.
        const QString remote =
            QStringLiteral(
                "ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3 2>/dev/null || "
                "{ %1 run --rm -v %3:/gone --entrypoint rm %4 -rf /gone/data >/dev/null; rm -rf %3; }")
                .arg(Shell::quote(target->docker), Shell::quote(plan.projectName),
                     Shell::quote(host.directory), Shell::quote(plan.slurmImage));
        script += QStringLiteral("%1 %2\n").arg(ssh(lab, host.hostName), Shell::quote(remote));
    }
    return script;
}

} // namespace SlurmDeck::Bench
