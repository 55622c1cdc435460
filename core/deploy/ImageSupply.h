// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace SlurmDeck {

// Where the images a deploy sends to hosts come from: `docker save` archives on this
// machine, made from this machine's Docker (LocalImages) or downloaded from a host's
// (RemoteImages). Thread-safe: the hosts' deploy tasks share one. Each image is looked up
// once, and archived only when a host lacks it; archives are cached by image ID under the
// user's cache directory, so later deploys (from either source) reuse them.
class ImageSupply
{
public:
    ImageSupply() = default;
    virtual ~ImageSupply() = default;
    Q_DISABLE_COPY_MOVE(ImageSupply)

    // The image's ID where it comes from: a host with this ID has the image already.
    [[nodiscard]] Result<QString> imageId(const QString &image);
    // The architecture it is built for, as Docker names it: amd64, arm64, arm.
    [[nodiscard]] Result<QString> architecture(const QString &image);
    // The image's `docker save` archive on this machine. Blocking; can take minutes.
    [[nodiscard]] Result<QString> archive(const QString &image);
    // Where the images come from, for messages: "this machine", "primary".
    [[nodiscard]] virtual QString origin() const = 0;

    // "sha256:" and 64 lower-case hex digits, as Docker writes image IDs. An ID comes from
    // another machine's output and names a file here: nothing else may be used.
    [[nodiscard]] static bool isImageId(const QString &id);

    // <the user's cache directory>/images, created when missing.
    [[nodiscard]] static Result<QString> cacheDirectory();

protected:
    struct Found
    {
        QString id;
        QString architecture;
    };
    // "{{.Id}} {{.Architecture}}" of `docker image inspect`, read into a Found.
    [[nodiscard]] static Found parseInspect(const QString &output);
    [[nodiscard]] virtual Result<Found> lookUp(const QString &image) = 0;
    // Writes the image's `docker save` archive to `file`.
    [[nodiscard]] virtual Result<void> save(const QString &image, const QString &file) = 0;

private:
    [[nodiscard]] Result<Found> foundLocked(const QString &image);

    QMutex m_mutex;
    QHash<QString, Found> m_found;
};

} // namespace SlurmDeck
