// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxSetup.h"

#include "common/AppPaths.h"
#include "inventory/DefaultRoles.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <unistd.h>

namespace SlurmDeck::Sandbox {

Result<void> checkCanRun()
{
#ifndef Q_OS_LINUX
    return Error{Error::Code::Unsupported,
                 QCoreApplication::translate("Sandbox",
                                             "The sandbox runs on Linux only: it emulates hosts with "
                                             "network namespaces and Docker engines. On this system, "
                                             "point SlurmDeck at real machines instead."),
                 {}};
#else
    if (::geteuid() != 0) {
        return Error{Error::Code::Unsupported,
                     QCoreApplication::translate("Sandbox",
                                                 "The sandbox needs root: it creates network namespaces "
                                                 "and Docker engines. Run it again with sudo."),
                     {}};
    }
    return {};
#endif
}

Result<Scripts> locate()
{
    QStringList roots;
    if (qEnvironmentVariableIsSet("SLURMDECK_SHARE_DIR"))
        roots << qEnvironmentVariable("SLURMDECK_SHARE_DIR");
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty())
        roots << QDir(appDir).filePath(QStringLiteral("../share/slurmdeck"));
    for (const QString &root : std::as_const(roots)) {
        const Scripts scripts{root + QStringLiteral("/lab/lab.sh"),
                              root + QStringLiteral("/compose-templates/build-images.sh")};
        if (QFileInfo(scripts.lab).isExecutable() && QFileInfo(scripts.buildImages).isExecutable())
            return scripts;
    }
    const QString tree = QStringLiteral(SLURMDECK_SOURCE_TREE);
    const Scripts scripts{tree + QStringLiteral("/tests/lab/lab.sh"),
                          tree + QStringLiteral("/compose-templates/build-images.sh")};
    if (QFileInfo(scripts.lab).isExecutable() && QFileInfo(scripts.buildImages).isExecutable())
        return scripts;
    return Error{Error::Code::NotFound,
                 QCoreApplication::translate("Sandbox",
                                             "The sandbox scripts (lab.sh, build-images.sh) are not "
                                             "installed. Set SLURMDECK_SHARE_DIR to the directory "
                                             "holding lab/ and compose-templates/."),
                 roots.join(QStringLiteral(", "))};
}

QString clusterFilePath()
{
    return AppPaths::configDirectory() + QStringLiteral("/clusters/sandbox.yaml");
}

Result<void> trustHostKeys(const Lab::Manifest &lab)
{
    return trustHostKeys(lab, SshConnection::defaultSlurmDeckKnownHosts());
}

Result<void> trustHostKeys(const Lab::Manifest &lab, const QString &knownHostsFile)
{
    QFile labKeys(lab.knownHosts());
    if (!labKeys.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io,
                     QCoreApplication::translate("Sandbox",
                                                 "Cannot read the lab's host keys; bring the lab up again."),
                     labKeys.fileName() + QStringLiteral(": ") + labKeys.errorString()};
    }
    QStringList addresses;
    for (const Lab::Host &host : lab.hosts)
        addresses << host.address << host.name;
    const auto isLabEntry = [&addresses](const QString &line) {
        const QStringList names = line.section(u' ', 0, 0).split(u',');
        for (const QString &name : names) {
            if (addresses.contains(name))
                return true;
        }
        return false;
    };

    QStringList lines;
    QFile existing(knownHostsFile);
    if (existing.open(QIODevice::ReadOnly)) {
        for (const QString &line : QString::fromUtf8(existing.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
            if (!isLabEntry(line))
                lines << line;
        }
    }
    for (const QString &line : QString::fromUtf8(labKeys.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        if (isLabEntry(line))
            lines << line;
    }
    QDir().mkpath(QFileInfo(knownHostsFile).path());
    QSaveFile out(knownHostsFile);
    if (!out.open(QIODevice::WriteOnly) || out.write((lines.join(u'\n') + u'\n').toUtf8()) < 0 ||
        !out.commit()) {
        return Error{Error::Code::Io,
                     QCoreApplication::translate("Sandbox", "Cannot write SlurmDeck's known hosts."),
                     knownHostsFile + QStringLiteral(": ") + out.errorString()};
    }
    return {};
}

void applySeedTopology(Cluster &cluster)
{
    assignDefaultRoles(cluster);
}

} // namespace SlurmDeck::Sandbox
