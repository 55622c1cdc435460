// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/TemplateSource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QObject>

namespace SlurmDeck {

QString TemplateSource::root() const
{
    return m_directory.isEmpty() ? QStringLiteral(":/compose-templates") : m_directory;
}

Result<QStringList> TemplateSource::list(const QString &directory) const
{
    const QDir dir(root() + u'/' + directory);
    if (!dir.exists()) {
        return makeError(
            Error::Code::NotFound,
            QObject::tr("The template directory %1 is missing from %2.").arg(directory, describe()));
    }
    QStringList files;
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << dir.relativeFilePath(it.next());
    files.sort();
    return files;
}

Result<QByteArray> TemplateSource::read(const QString &path) const
{
    const QString file = root() + u'/' + path;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::NotFound,
                         QObject::tr("The template %1 is missing from %2.").arg(path, describe()),
                         in.errorString());
    }
    return in.readAll();
}

QString TemplateSource::describe() const
{
    return m_directory.isEmpty() ? QObject::tr("SlurmDeck's built-in templates") : m_directory;
}

} // namespace SlurmDeck
