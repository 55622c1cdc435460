#include "render/TemplateSource.h"

#include <QFile>
#include <QObject>

namespace SlurmDeck {

Result<QByteArray> TemplateSource::read(const QString &path) const
{
    const QString file =
        (m_directory.isEmpty() ? QStringLiteral(":/compose-templates") : m_directory) + u'/' + path;
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
