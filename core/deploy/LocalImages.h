#pragma once

#include "common/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace SlurmDeck::LocalImages {

struct Prepared
{
    QHash<QString, QString> archives; // image -> `docker save` archive
    QHash<QString, QString> imageIds; // image -> image ID on this machine
};

// Makes a `docker save` archive of each image in this machine's Docker, cached by image ID
// under the user's cache directory, so later deploys (and every host of one deploy) reuse
// it. Blocking: runs the docker CLI; call it on a worker thread.
[[nodiscard]] Result<Prepared> prepare(const QStringList &images, const QString &docker);

} // namespace SlurmDeck::LocalImages
