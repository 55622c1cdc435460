// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/LocalImages.h"

#include <QObject>
#include <QProcess>

namespace SlurmDeck {

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

QString LocalImages::origin() const
{
    return QObject::tr("this machine");
}

Result<ImageSupply::Found> LocalImages::lookUp(const QString &image)
{
    const Run inspected =
        runDocker(m_docker,
                  {QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                   QStringLiteral("{{.Id}} {{.Architecture}}"), image},
                  30000);
    if (!inspected.ok || inspected.out.isEmpty()) {
        return makeError(
            Error::Code::NotFound,
            QObject::tr("The image %1 is not in this machine's Docker, so it cannot be sent to the "
                        "hosts. Build it with compose-templates/build-images.sh, or let the hosts "
                        "build it (--images build).")
                .arg(image),
            inspected.err);
    }
    return parseInspect(inspected.out);
}

Result<void> LocalImages::save(const QString &image, const QString &file)
{
    const Run saved =
        runDocker(m_docker, {QStringLiteral("save"), QStringLiteral("-o"), file, image}, 600000);
    if (!saved.ok)
        return makeError(Error::Code::Io, QObject::tr("docker save %1 failed.").arg(image), saved.err);
    return {};
}

} // namespace SlurmDeck
