// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AppPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace SlurmDeck::AppPaths {

namespace {

const QString directoryName = QStringLiteral("SlurmDeck");

QStringList moveUp(const QString &directory)
{
    QStringList moved;
    QDir old(QDir(directory).filePath(directoryName));
    if (!old.exists())
        return moved;
    for (const QFileInfo &entry :
         old.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QDir(directory).filePath(entry.fileName());
        if (QFileInfo::exists(target) || entry.fileName() == directoryName)
            continue;
        if (QDir().rename(entry.absoluteFilePath(), target))
            moved << target;
    }
    // Gone when it is empty now; kept (with what could not move) otherwise.
    QDir().rmdir(old.absolutePath());
    return moved;
}

} // namespace

QString configDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(directoryName);
}

QString dataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(directoryName);
}

QStringList migrateDoubledDirectories()
{
    return moveUp(configDirectory()) + moveUp(dataDirectory());
}

} // namespace SlurmDeck::AppPaths
