// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ImageSupply.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace SlurmDeck {

Result<QString> ImageSupply::cacheDirectory()
{
    const QString cache =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/images");
    if (!QDir().mkpath(cache))
        return makeError(Error::Code::Io, QObject::tr("Cannot create the image cache %1.").arg(cache));
    return cache;
}

bool ImageSupply::isImageId(const QString &id)
{
    // Anchored: '$' alone would also match before a trailing newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("sha256:[0-9a-f]{64}")));
    return pattern.match(id).hasMatch();
}

ImageSupply::Found ImageSupply::parseInspect(const QString &output)
{
    const QStringList fields = output.trimmed().split(u' ', Qt::SkipEmptyParts);
    return Found{fields.value(0), fields.value(1)};
}

Result<ImageSupply::Found> ImageSupply::foundLocked(const QString &image)
{
    if (const auto known = m_found.constFind(image); known != m_found.cend())
        return *known;
    Result<Found> found = lookUp(image);
    if (!found)
        return found;
    if (!isImageId(found->id)) {
        return makeError(Error::Code::Parse,
                         QObject::tr("%1 gave '%2' as the ID of the image %3, which is not an image ID "
                                     "(sha256:<64 hex digits>); it is not used.")
                             .arg(origin(), found->id.left(100), image));
    }
    m_found.insert(image, *found);
    return found;
}

Result<QString> ImageSupply::imageId(const QString &image)
{
    QMutexLocker lock(&m_mutex);
    const Result<Found> found = foundLocked(image);
    if (!found)
        return found.error();
    return found->id;
}

Result<QString> ImageSupply::architecture(const QString &image)
{
    QMutexLocker lock(&m_mutex);
    const Result<Found> found = foundLocked(image);
    if (!found)
        return found.error();
    return found->architecture;
}

Result<QString> ImageSupply::archive(const QString &image)
{
    QMutexLocker lock(&m_mutex);
    const Result<Found> found = foundLocked(image);
    if (!found)
        return found.error();
    const QString *id = &found->id;
    const Result<QString> cache = cacheDirectory();
    if (!cache)
        return cache.error();
    QString name = *id;
    name.replace(u':', u'-');
    const QString archive = *cache + u'/' + name + QStringLiteral(".tar");
    if (QFile::exists(archive))
        return archive;
    const QString partial = archive + QStringLiteral(".partial");
    QFile::remove(partial);
    if (Result<void> saved = save(image, partial); !saved) {
        QFile::remove(partial);
        return saved.error();
    }
    if (!QFile::rename(partial, archive)) {
        QFile::remove(partial);
        return makeError(Error::Code::Io, QObject::tr("Cannot write %1.").arg(archive));
    }
    return archive;
}

} // namespace SlurmDeck
