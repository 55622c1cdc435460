#include "deploy/ImageSupply.h"

#include <QDir>
#include <QFile>
#include <QObject>
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

Result<QString> ImageSupply::idLocked(const QString &image)
{
    if (const auto known = m_ids.constFind(image); known != m_ids.cend())
        return *known;
    Result<QString> id = lookUpId(image);
    if (id)
        m_ids.insert(image, *id);
    return id;
}

Result<QString> ImageSupply::imageId(const QString &image)
{
    QMutexLocker lock(&m_mutex);
    return idLocked(image);
}

Result<QString> ImageSupply::archive(const QString &image)
{
    QMutexLocker lock(&m_mutex);
    const Result<QString> id = idLocked(image);
    if (!id)
        return id.error();
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
