// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "plan/SlurmConfChange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// How images reach a host.
enum class ImageSource {
    BuildOnHost,      // `docker build` on the host from the build context SlurmDeck sends (default)
    AlreadyOnHost,    // the host has them; only check
    TransferFromHere, // `docker save` here, streamed over SSH into `docker load` (offline hosts)
    TransferFromHost, // `docker save` on DeployOptions::imageHost, through this machine, `docker load`
};

struct DeployOptions
{
    ImageSource images = ImageSource::BuildOnHost;
    QString imageHost; // TransferFromHost: the cluster host (by name) that has the images
    // BuildOnHost: the BASE_IMAGE build argument. Offline hosts: one imported there (README).
    QString baseImage = QStringLiteral("debian:bookworm");
    // BuildOnHost: the Slurm image's BASE_IMAGE. Empty: baseImage, except that the default
    // baseImage gives the Debian of the cluster's Slurm release (24.11: debian:trixie).
    QString slurmBaseImage;
    QString localDocker = QStringLiteral("docker"); // for `docker save` on this machine
    bool verify = true;
    QStringList onlyHosts; // empty: every host
};

// The image choice as `slurmdeck-cli deploy --images` writes it: "build", "present",
// "transfer" or "from:HOST".
struct ImageChoice
{
    ImageSource source = ImageSource::BuildOnHost;
    QString host; // TransferFromHost only

    bool operator==(const ImageChoice &) const = default;
};
[[nodiscard]] Result<ImageChoice> parseImageChoice(const QString &text);
[[nodiscard]] QString imageChoiceArgument(const ImageChoice &choice);
// One line for the user: "build on each host (base debian:bookworm)", ...
[[nodiscard]] QString describeImages(const DeployOptions &options);

// Where a host is in its deploy.
enum class DeployPhase {
    Pending,
    Connecting,
    Preflight,
    Files,
    Images,
    Starting,
    Verifying,
    Done,
    Failed,
    Cancelled
};

[[nodiscard]] QString phaseText(DeployPhase phase);

// What happened on one host.
struct HostDeployResult
{
    QString host;
    DeployPhase phase = DeployPhase::Pending;
    QString message;          // the failure, or a summary
    QStringList changedFiles; // relative paths uploaded this run
    QStringList startedServices;
    QStringList restartedServices;
    QStringList freshServices; // (re)created or restarted this run: checked to stay up
    QStringList keptServices;  // not recreated for their running jobs: their change is owed
    QStringList imagesLoaded;
    QStringList imagesBuilt;
    QString lastLogLines;   // of a service that failed to start
    QString mungeKeySha256; // of the munge key on the host after the files were pushed

    [[nodiscard]] bool ok() const { return phase == DeployPhase::Done; }
};

// One end-of-deploy check: "slurmctld answers", "every node idle", ...
struct VerificationCheck
{
    QString name;
    bool passed = false;
    QString detail;
    QString host;
};

// "munge key identical on every host", from the SHA-256 each host reported: the hosts whose
// key differs from the controller's (or, without it, from most hosts') are named in `host`.
// Hosts that reported none (they failed before) are left out. No hashes: nullopt.
[[nodiscard]] std::optional<VerificationCheck> mungeKeyCheck(const QList<HostDeployResult> &hosts,
                                                             const QString &controller);

struct DeployReport
{
    QList<HostDeployResult> hosts;
    QList<VerificationCheck> checks;
    bool nothingChanged = false;
    qint64 elapsedMs = 0;
    SlurmConfChange slurmConfig; // how the running daemons took the replaced Slurm files

    [[nodiscard]] bool ok() const
    {
        for (const HostDeployResult &host : hosts) {
            if (!host.ok())
                return false;
        }
        for (const VerificationCheck &check : checks) {
            if (!check.passed)
                return false;
        }
        return true;
    }
};

} // namespace SlurmDeck
