// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ImageBuild.h"

#include "remote/ShellQuote.h"

#include <QCryptographicHash>

#include <algorithm>

namespace SlurmDeck::ImageBuild {

QString contextHashLabel()
{
    return QStringLiteral("org.slurmdeck.context-hash");
}

QString contentHash(const QList<RenderedFile> &files, const QString &base, const QString &baseId)
{
    // build-images.sh: printf 'base=%s\nbase_id=%s\n'; then, over `find . -type f` sorted
    // bytewise, "<mode> ./<path>" lines, then "<sha256>  ./<path>" lines; sha256 of it all.
    QList<const RenderedFile *> sorted;
    for (const RenderedFile &file : files)
        sorted << &file;
    std::sort(sorted.begin(), sorted.end(), [](const RenderedFile *a, const RenderedFile *b) {
        return a->path.toUtf8() < b->path.toUtf8();
    });
    QByteArray input = "base=" + base.toUtf8() + "\nbase_id=" + baseId.toUtf8() + '\n';
    for (const RenderedFile *file : std::as_const(sorted))
        input += QByteArray::number(file->mode, 8) + " ./" + file->path.toUtf8() + '\n';
    for (const RenderedFile *file : std::as_const(sorted)) {
        input += QCryptographicHash::hash(file->content, QCryptographicHash::Sha256).toHex() + "  ./" +
                 file->path.toUtf8() + '\n';
    }
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

QStringList buildArguments(const QString &docker, const QString &tag, const QString &base,
                           const QString &hash, const QString &contextDirectory)
{
    return {docker,
            QStringLiteral("build"),
            QStringLiteral("--build-arg"),
            QStringLiteral("BASE_IMAGE=") + base,
            QStringLiteral("--label"),
            contextHashLabel() + u'=' + hash,
            QStringLiteral("--label"),
            QStringLiteral("org.slurmdeck.base-image=") + base,
            QStringLiteral("-t"),
            tag,
            contextDirectory};
}

QString buildCommand(const QStringList &buildArguments, const QString &logFile, int tailLines)
{
    const QString log = Shell::quote(logFile);
    return QStringLiteral("%1 >%2 2>&1; status=$?; tail -n %3 %2; exit $status")
        .arg(Shell::join(buildArguments), log)
        .arg(tailLines);
}

} // namespace SlurmDeck::ImageBuild
