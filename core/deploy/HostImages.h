// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "deploy/HostDeployer.h"

namespace SlurmDeck {

class ImageSupply;

// Puts the images a host's services need on it, the way DeployOptions::images says:
// - BuildOnHost: sends the image's build context to <project directory>/images/<name> and
//   runs `docker build` there from DeployOptions::baseImage (no --pull: a base image on the
//   host is used as it is). An image whose content-hash label (the one build-images.sh
//   writes) matches is left alone, so a re-run builds nothing.
// - AlreadyOnHost: checks that they are there, for the host's architecture.
// - TransferFromHere / TransferFromHost: `docker load`s the supply's archive where the
//   host lacks the image or has another ID.
// Blocking, on the host's deploy task.
class HostImages final
{
public:
    // Whether an image built for `imageArchitecture` (Docker's name: amd64, arm64, arm) runs
    // on a host whose `uname -m` is `hostArchitecture` (x86_64, aarch64, armv7l).
    [[nodiscard]] static bool fitsHost(const QString &imageArchitecture, const QString &hostArchitecture);

    // What `image` is built from: `options.baseImage`, but a Slurm image gets
    // `options.slurmBaseImage`, or the Debian of its release when the base is the default
    // (Slurm 24.11: debian:trixie).
    [[nodiscard]] static QString baseImageFor(const QString &image, const DeployOptions &options);

    struct Outcome
    {
        QStringList loaded;
        QStringList built;
    };

    explicit HostImages(HostDeployer &host) : m_host(host) {}

    // `supply`: for the transfer modes. `contexts`: for BuildOnHost.
    [[nodiscard]] Result<Outcome> ensure(const QStringList &images, const DeployOptions &options,
                                         ImageSupply *supply, const QList<ImageBuildContext> &contexts);

    // How many lines of a failed build's log the error shows.
    static constexpr int buildLogLines = 30;

private:
    struct OnHost
    {
        bool present = false;
        QString id;
        QString architecture;
    };
    [[nodiscard]] Result<OnHost> inspect(const QString &image);
    [[nodiscard]] Result<bool> transfer(const QString &image, ImageSource source, ImageSupply *supply);
    [[nodiscard]] Result<bool> build(const ImageBuildContext &context, const QString &base);
    [[nodiscard]] Result<void> uploadContext(const ImageBuildContext &context, const QString &directory);
    [[nodiscard]] Result<void> checkArchitecture(const QString &image, const OnHost &onHost) const;
    [[nodiscard]] Error failure(const QString &message, const QString &detail = {}) const;
    [[nodiscard]] QString docker() const;

    HostDeployer &m_host;
};

} // namespace SlurmDeck
