// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QStringList>

namespace SlurmDeck {

// What a backup archive says about itself (its first member, slurmdeck-backup.json).
struct BackupManifest
{
    static constexpr int currentFormat = 1;

    int format = currentFormat;
    QString cluster;         // the cluster's name: a restore goes to a cluster of that name only
    QDateTime created;       // UTC
    QString slurmdeck;       // the version that wrote it
    QStringList members;     // the other members, see ClusterBackup
    QStringList secretsLeft; // what a restore does not bring back: "munge key", ...

    [[nodiscard]] QByteArray toJson() const;
    // Refuses anything but this format's manifest, naming what is wrong.
    [[nodiscard]] static Result<BackupManifest> fromJson(const QByteArray &json);
};

// A backup on this machine: one tar archive (the system's tar, here and on a Mac) holding the
// manifest and the members. Written as FILE.partial and renamed, so FILE is either complete
// or the one from before.
namespace BackupArchive {

inline constexpr auto manifestFile = "slurmdeck-backup.json";

// Writes `manifest` into `directory`, then archives it and its members into `archive`.
[[nodiscard]] Result<void> pack(const QString &directory, const BackupManifest &manifest,
                                const QString &archive);
// Extracts the manifest and the members it names (nothing else, whatever the archive holds)
// into `directory`; a member named but missing is an error.
[[nodiscard]] Result<BackupManifest> unpack(const QString &archive, const QString &directory);

} // namespace BackupArchive

} // namespace SlurmDeck
