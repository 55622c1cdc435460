// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/HostPlan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace SlurmDeck::ImageBuild {

// The label that says which build context (and base image) an image was built from; the
// same label compose-templates/build-images.sh writes.
[[nodiscard]] QString contextHashLabel();

// sha256 over the base image's name and ID and the context's paths, modes and contents:
// exactly build-images.sh's context_hash, so an image built by either is recognised by
// both. `baseId` is the base image's ID on the building machine, or "unresolved:<base>"
// when it is not there.
[[nodiscard]] QString contentHash(const QList<RenderedFile> &files, const QString &base,
                                  const QString &baseId);

// `docker build` of `contextDirectory` as `tag` from `base`, labelled with `hash`. No
// --pull: a base image already on the host is used as it is.
[[nodiscard]] QStringList buildArguments(const QString &docker, const QString &tag, const QString &base,
                                         const QString &hash, const QString &contextDirectory);

// A shell command running `buildArguments` with its output in `logFile`; it prints the
// log's last `tailLines` lines and exits with docker build's status.
[[nodiscard]] QString buildCommand(const QStringList &buildArguments, const QString &logFile, int tailLines);

} // namespace SlurmDeck::ImageBuild
