// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads the lab's manifest ($SLURMDECK_LAB_DIR/hosts.tsv, written by tests/lab/lab.sh up):
// the emulated hosts the lab tests and the sandbox (`slurmdeck --sandbox`) run on. A missing
// manifest is an error for the caller to report, never a skip.
#include "inventory/Platform.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck::Lab {

struct Host
{
    QString name;
    QString address;
    QString platform; // linux | qnap | macos (a Linux host that answers the probe as a Mac)
    QString hostname;
    QString docker;  // docker CLI as seen from an SSH session on the host
    QString compose; // docker-compose likewise
    QString dataRoot;
    QString user = QStringLiteral("root"); // who the lab's ssh config logs in as
    int uid = 0;
    QString home = QStringLiteral("/root");
};

// What SlurmDeck detects on a lab host.
inline Platform platformOf(const Host &host)
{
    if (host.platform == u"qnap")
        return Platform::Qnap;
    return host.platform == u"macos" ? Platform::MacOS : Platform::Linux;
}

// Where `host` has the lab's one shared data directory ($SLURMDECK_LAB_DIR/shared-data, as a
// NAS share mounted on every host; host-init.sh): /Volumes/shared on the Mac, /srv/shared on
// the others.
inline QString sharedDataPath(const Host &host)
{
    return platformOf(host) == Platform::MacOS ? QStringLiteral("/Volumes/shared")
                                               : QStringLiteral("/srv/shared");
}

struct Manifest
{
    QString directory;
    QList<Host> hosts;

    [[nodiscard]] QString clientKey() const { return directory + QStringLiteral("/client/id_ed25519"); }
    [[nodiscard]] QString knownHosts() const { return directory + QStringLiteral("/known_hosts"); }
    [[nodiscard]] QString sshConfig() const { return directory + QStringLiteral("/ssh_config"); }
    [[nodiscard]] QString hostKeyPub(const QString &name) const
    {
        return directory + QStringLiteral("/hosts/") + name + QStringLiteral("/ssh_host_ed25519_key.pub");
    }
    [[nodiscard]] std::optional<Host> firstOfPlatform(const QString &platform) const
    {
        for (const Host &host : hosts) {
            if (host.platform == platform)
                return host;
        }
        return std::nullopt;
    }
};

// Returns the manifest, or an explanation of why it cannot be read.
inline std::optional<Manifest> readManifest(QString *why)
{
    Manifest manifest;
    manifest.directory = qEnvironmentVariable("SLURMDECK_LAB_DIR", QStringLiteral("/var/lib/slurmdeck-lab"));
    QFile file(manifest.directory + QStringLiteral("/hosts.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1 (%2): is the lab up? (tests/lab/lab.sh up)")
                   .arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QStringList f = lines.at(i).split(u'\t');
        if (f.size() < 7) {
            *why = QStringLiteral("malformed manifest line %1: %2").arg(i + 1).arg(lines.at(i));
            return std::nullopt;
        }
        Host host{f.at(0), f.at(1), f.at(2), f.at(3), f.at(4), f.at(5), f.at(6)};
        if (f.size() >= 10) {
            host.user = f.at(7);
            host.uid = f.at(8).toInt();
            host.home = f.at(9);
        }
        manifest.hosts.append(host);
    }
    if (manifest.hosts.isEmpty()) {
        *why = QStringLiteral("the manifest %1 lists no hosts").arg(file.fileName());
        return std::nullopt;
    }
    return manifest;
}

} // namespace SlurmDeck::Lab
