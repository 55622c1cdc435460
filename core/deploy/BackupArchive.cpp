// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/BackupArchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>

namespace SlurmDeck {

namespace {

const QStringList &knownMembers()
{
    static const QStringList members{QStringLiteral("accounting.sql"), QStringLiteral("slurmctld-state.tar"),
                                     QStringLiteral("cluster.yaml"), QStringLiteral("secrets.enc")};
    return members;
}

Result<QByteArray> runTar(const QStringList &arguments)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), arguments);
    if (!tar.waitForStarted(10000))
        return makeError(Error::Code::Io, QObject::tr("Cannot run tar: %1").arg(tar.errorString()));
    tar.closeWriteChannel();
    if (!tar.waitForFinished(-1) || tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0) {
        return makeError(Error::Code::Io, QObject::tr("tar failed (exit code %1).").arg(tar.exitCode()),
                         QString::fromLocal8Bit(tar.readAllStandardError()).trimmed().right(1000));
    }
    return tar.readAllStandardOutput();
}

Result<BackupManifest> refuse(const QString &why)
{
    return makeError(Error::Code::Parse, QObject::tr("Not a SlurmDeck backup: %1").arg(why));
}

} // namespace

QByteArray BackupManifest::toJson() const
{
    QJsonObject json{{QStringLiteral("format"), format},
                     {QStringLiteral("cluster"), cluster},
                     {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)},
                     {QStringLiteral("slurmdeck"), slurmdeck},
                     {QStringLiteral("members"), QJsonArray::fromStringList(members)},
                     {QStringLiteral("secrets_left_out"), QJsonArray::fromStringList(secretsLeft)}};
    return QJsonDocument(json).toJson();
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return refuse(QObject::tr("its manifest is not a JSON object (%1).").arg(error.errorString()));
    const QJsonObject object = document.object();
    BackupManifest manifest;
    manifest.format = object.value(QStringLiteral("format")).toInt(-1);
    if (manifest.format != currentFormat) {
        return refuse(QObject::tr("its format is %1; this SlurmDeck reads format %2.")
                          .arg(object.value(QStringLiteral("format")).toVariant().toString())
                          .arg(currentFormat));
    }
    manifest.cluster = object.value(QStringLiteral("cluster")).toString();
    if (manifest.cluster.isEmpty())
        return refuse(QObject::tr("its manifest names no cluster."));
    manifest.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODate);
    manifest.slurmdeck = object.value(QStringLiteral("slurmdeck")).toString();
    for (const QJsonValue &member : object.value(QStringLiteral("members")).toArray()) {
        const QString name = member.toString();
        if (!knownMembers().contains(name))
            return refuse(QObject::tr("its manifest names an unknown member '%1'.").arg(name.left(80)));
        if (!manifest.members.contains(name))
            manifest.members << name;
    }
    for (const QJsonValue &secret : object.value(QStringLiteral("secrets_left_out")).toArray())
        manifest.secretsLeft << secret.toString().left(80);
    return manifest;
}

namespace BackupArchive {

Result<void> pack(const QString &directory, const BackupManifest &manifest, const QString &archive)
{
    QFile file(QDir(directory).filePath(QString::fromLatin1(manifestFile)));
    if (!file.open(QIODevice::WriteOnly) || file.write(manifest.toJson()) < 0 || !file.flush())
        return makeError(Error::Code::Io,
                         QObject::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.close();
    const QString partial = archive + QStringLiteral(".partial");
    QFile::remove(partial);
    if (Result<QByteArray> packed = runTar(QStringList{QStringLiteral("-C"), directory, QStringLiteral("-cf"),
                                                       partial, QString::fromLatin1(manifestFile)} +
                                           manifest.members);
        !packed) {
        QFile::remove(partial);
        return packed.error();
    }
    QFile::remove(archive);
    if (!QFile::rename(partial, archive))
        return makeError(Error::Code::Io, QObject::tr("Cannot rename %1 to %2.").arg(partial, archive));
    return {};
}

Result<BackupManifest> unpack(const QString &archive, const QString &directory)
{
    if (!QFile::exists(archive))
        return makeError(Error::Code::NotFound, QObject::tr("There is no file %1.").arg(archive));
    const Result<QByteArray> listed = runTar({QStringLiteral("-tf"), archive});
    if (!listed)
        return refuse(listed.error().toString());
    QStringList present;
    for (const QByteArray &line : listed->split('\n')) {
        QString name = QString::fromUtf8(line.trimmed());
        if (name.startsWith(QLatin1String("./")))
            name.remove(0, 2);
        present << name;
    }
    if (!present.contains(QString::fromLatin1(manifestFile)))
        return refuse(QObject::tr("%1 holds no %2.").arg(archive, QString::fromLatin1(manifestFile)));
    if (Result<QByteArray> extracted = runTar({QStringLiteral("-C"), directory, QStringLiteral("-xf"),
                                               archive, QString::fromLatin1(manifestFile)});
        !extracted)
        return extracted.error();
    QFile file(QDir(directory).filePath(QString::fromLatin1(manifestFile)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io,
                         QObject::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const Result<BackupManifest> manifest = BackupManifest::fromJson(file.read(1024 * 1024));
    if (!manifest)
        return manifest.error();
    for (const QString &member : manifest->members) {
        if (!present.contains(member))
            return refuse(QObject::tr("its manifest names %1, which it does not hold.").arg(member));
    }
    if (!manifest->members.isEmpty()) {
        if (Result<QByteArray> extracted =
                runTar(QStringList{QStringLiteral("-C"), directory, QStringLiteral("-xf"), archive} +
                       manifest->members);
            !extracted)
            return extracted.error();
    }
    // Plain files only: a member that is a link would have the restore read another file.
    for (const QString &member : manifest->members) {
        const QFileInfo extracted(QDir(directory).filePath(member));
        if (extracted.isSymLink() || !extracted.isFile())
            return refuse(QObject::tr("its member %1 is not a plain file.").arg(member));
    }
    return manifest;
}

} // namespace BackupArchive

} // namespace SlurmDeck
