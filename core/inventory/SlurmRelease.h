// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace SlurmDeck {

// A Slurm release a cluster can run: Debian's package of it, in the Debian release that ships
// it. The cluster file names it (settings.slurm_release); the image, its base and the
// cgroup.conf follow from it. New clusters get 22.05 unless they choose.
struct SlurmRelease final
{
    QString version;      // "22.05": Slurm's major release, as Slurm numbers them
    QString patchLevel;   // "22.05.8": what Debian ships (for the user)
    QString debianSuite;  // "bookworm"
    QString cgroupPlugin; // cgroup.conf's CgroupPlugin (SlurmDeck's cluster uses no cgroups)

    [[nodiscard]] QString image() const;     // slurmdeck/slurm:<version>
    [[nodiscard]] QString baseImage() const; // debian:<suite>, what the image is built from
    [[nodiscard]] QString describe() const;  // "Slurm 22.05.8 (Debian 12 bookworm)"

    [[nodiscard]] static QString defaultVersion();
    [[nodiscard]] static const QList<SlurmRelease> &offered();
    [[nodiscard]] static std::optional<SlurmRelease> find(const QString &version);
    // The release of a SlurmDeck Slurm image ("slurmdeck/slurm:22.05-arm64" -> "22.05");
    // empty for another image.
    [[nodiscard]] static QString ofImage(const QString &image);
    // The release that wrote a slurmctld state file, from its first bytes (packstr
    // "PROTOCOL_VERSION", then the protocol version, big-endian: 22.05 is 38 << 8); empty
    // when they are not such a header or the release is unknown.
    [[nodiscard]] static QString ofStateHeader(const QByteArray &header);
};

// Slurm's supported upgrade path (upgrades.html): a release reads the state and accounting
// database of at most two earlier releases (three from 24.11 on), and never goes back. Empty
// when moving `from` -> `to` is supported (or no change); otherwise what to tell the user.
[[nodiscard]] QString slurmUpgradeRefusal(const QString &from, const QString &to);

} // namespace SlurmDeck
