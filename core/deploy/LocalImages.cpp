#include "deploy/LocalImages.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>

namespace SlurmDeck::LocalImages {

namespace {

struct Run
{
    bool ok = false;
    QString out;
    QString err;
};

Run runDocker(const QString &docker, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(docker, arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QObject::tr("timed out");
        return run;
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    run.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return run;
}

} // namespace

Result<Prepared> prepare(const QStringList &images, const QString &docker)
{
    Prepared prepared;
    const QString cache =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/images");
    if (!QDir().mkpath(cache))
        return makeError(Error::Code::Io, QObject::tr("Cannot create the image cache %1.").arg(cache));
    for (const QString &image : images) {
        const Run inspected = runDocker(docker,
                                        {QStringLiteral("image"), QStringLiteral("inspect"),
                                         QStringLiteral("--format"), QStringLiteral("{{.Id}}"), image},
                                        30000);
        if (!inspected.ok) {
            return makeError(
                Error::Code::NotFound,
                QObject::tr("The image %1 is not in this machine's Docker, so it cannot be sent to the "
                            "hosts. Build it with compose-templates/build-images.sh.")
                    .arg(image),
                inspected.err);
        }
        const QString id = inspected.out;
        QString safeId = id;
        safeId.replace(u':', u'-');
        const QString archive = cache + u'/' + safeId + QStringLiteral(".tar");
        if (!QFile::exists(archive)) {
            const QString partial = archive + QStringLiteral(".partial");
            QFile::remove(partial);
            const Run saved =
                runDocker(docker, {QStringLiteral("save"), QStringLiteral("-o"), partial, image}, 600000);
            if (!saved.ok || !QFile::rename(partial, archive)) {
                QFile::remove(partial);
                return makeError(Error::Code::Io, QObject::tr("docker save %1 failed.").arg(image),
                                 saved.err);
            }
        }
        prepared.archives.insert(image, archive);
        prepared.imageIds.insert(image, id);
    }
    return prepared;
}

} // namespace SlurmDeck::LocalImages
