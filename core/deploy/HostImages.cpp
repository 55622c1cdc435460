// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/HostImages.h"

#include "deploy/ImageBuild.h"
#include "deploy/ImageSupply.h"
#include "inventory/SlurmRelease.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

namespace SlurmDeck {

namespace {

QString dockerArchitecture(const QString &unameArchitecture)
{
    if (unameArchitecture == u"x86_64")
        return QStringLiteral("amd64");
    if (unameArchitecture == u"aarch64" || unameArchitecture == u"arm64")
        return QStringLiteral("arm64");
    if (unameArchitecture.startsWith(QLatin1String("armv")))
        return QStringLiteral("arm");
    return unameArchitecture;
}

QString seconds(const QElapsedTimer &timer)
{
    return QString::number(static_cast<double>(timer.elapsed()) / 1000.0, 'f', 1);
}

} // namespace

Error HostImages::failure(const QString &message, const QString &detail) const
{
    return makeError(Error::Code::RemoteCommandFailed, message, detail);
}

QString HostImages::docker() const
{
    return m_host.fingerprint().dockerPath;
}

QString HostImages::baseImageFor(const QString &image, const DeployOptions &options)
{
    const std::optional<SlurmRelease> release = SlurmRelease::find(SlurmRelease::ofImage(image));
    if (!release)
        return options.baseImage;
    if (!options.slurmBaseImage.isEmpty())
        return options.slurmBaseImage;
    return options.baseImage == DeployOptions().baseImage ? release->baseImage() : options.baseImage;
}

Result<HostImages::Outcome> HostImages::ensure(const QStringList &images, const DeployOptions &options,
                                               ImageSupply *supply, const QList<ImageBuildContext> &contexts)
{
    Outcome outcome;
    for (const QString &image : images) {
        if (options.images == ImageSource::BuildOnHost) {
            const ImageBuildContext *context = nullptr;
            for (const ImageBuildContext &candidate : contexts) {
                if (candidate.image == image)
                    context = &candidate;
            }
            if (!context) {
                return failure(
                    QObject::tr("SlurmDeck has no build context for the image %1, so %2 cannot build "
                                "it. Send it instead (--images transfer).")
                        .arg(image, m_host.plan().hostName));
            }
            const Result<bool> built = build(*context, baseImageFor(context->image, options));
            if (!built)
                return built.error();
            if (*built)
                outcome.built << image;
            continue;
        }
        const Result<bool> loaded = transfer(image, options.images, supply);
        if (!loaded)
            return loaded.error();
        if (*loaded)
            outcome.loaded << image;
    }
    return outcome;
}

Result<HostImages::OnHost> HostImages::inspect(const QString &image)
{
    const Result<ExecResult> inspected =
        m_host.runArgv({docker(), QStringLiteral("image"), QStringLiteral("inspect"),
                        QStringLiteral("--format"), QStringLiteral("{{.Id}} {{.Architecture}}"), image},
                       std::chrono::seconds(60));
    if (!inspected)
        return inspected.error();
    const QStringList fields = QString::fromUtf8(inspected->standardOutput).trimmed().split(u' ');
    OnHost onHost;
    onHost.present = inspected->succeeded() && !fields.value(0).isEmpty();
    if (onHost.present) {
        onHost.id = fields.value(0);
        onHost.architecture = fields.value(1);
    }
    return onHost;
}

bool HostImages::fitsHost(const QString &imageArchitecture, const QString &hostArchitecture)
{
    return imageArchitecture == dockerArchitecture(hostArchitecture);
}

Result<void> HostImages::checkArchitecture(const QString &image, const OnHost &onHost) const
{
    const HostFingerprint &fp = m_host.fingerprint();
    if (onHost.architecture != dockerArchitecture(fp.architecture)) {
        return failure(QObject::tr("The image %1 on %2 is built for %3, but the host is %4.")
                           .arg(image, m_host.plan().hostName, onHost.architecture, fp.architecture));
    }
    return {};
}

Result<bool> HostImages::transfer(const QString &image, ImageSource source, ImageSupply *supply)
{
    const QString host = m_host.plan().hostName;
    const Result<OnHost> onHost = inspect(image);
    if (!onHost)
        return onHost.error();
    if (onHost->present && source == ImageSource::AlreadyOnHost) {
        if (Result<void> fits = checkArchitecture(image, *onHost); !fits)
            return fits.error();
        return false;
    }
    if (source == ImageSource::AlreadyOnHost) {
        return failure(
            QObject::tr("The image %1 is not on %2. Let SlurmDeck build it there (--images build) or "
                        "send it (--images transfer), or load it there yourself.")
                .arg(image, host));
    }
    if (!supply)
        return failure(QObject::tr("No source for the image %1 was chosen.").arg(image));
    const Result<QString> wanted = supply->imageId(image);
    if (!wanted)
        return wanted.error();
    if (onHost->present && onHost->id == *wanted) {
        if (Result<void> fits = checkArchitecture(image, *onHost); !fits)
            return fits.error();
        return false;
    }
    // Never an x86_64 image to an arm64 engine (a Mac with Apple silicon, an ARM NAS).
    const Result<QString> built = supply->architecture(image);
    if (!built)
        return built.error();
    const QString hostArchitecture = m_host.fingerprint().architecture;
    if (!fitsHost(*built, hostArchitecture)) {
        return failure(
            QObject::tr("The image %1 from %2 is built for %3, and %4 is %5: it would not run there, "
                        "so it is not sent. Let %4 build its own (--images build), or send it an "
                        "image built for %5.")
                .arg(image, supply->origin(),
                     built->isEmpty() ? QObject::tr("an unknown architecture") : *built, host,
                     hostArchitecture));
    }
    QElapsedTimer timer;
    timer.start();
    const Result<QString> archive = supply->archive(image);
    if (!archive)
        return archive.error();
    m_host.log(QObject::tr("loading %1 (from %2)").arg(image, supply->origin()));
    ExecOptions options;
    options.timeout = std::chrono::minutes(15);
    options.standardInputFile = *archive;
    const Result<ExecResult> load = m_host.connection().exec(Shell::quote(docker()) + QStringLiteral(" load"),
                                                             options, m_host.cancelToken());
    if (!load)
        return load.error();
    if (!load->succeeded())
        return failure(QObject::tr("docker load of %1 failed on %2.").arg(image, host),
                       QString::fromUtf8(load->standardError).trimmed());
    m_host.log(QObject::tr("loaded %1 in %2 s").arg(image, seconds(timer)));
    return true;
}

Result<void> HostImages::uploadContext(const ImageBuildContext &context, const QString &directory)
{
    // Exactly the context's files: the content hash covers them all, nothing else.
    const Result<ExecResult> cleared =
        m_host.runArgv({QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), directory},
                       std::chrono::seconds(60));
    if (!cleared)
        return cleared.error();
    QSet<QString> made;
    for (const RenderedFile &file : context.files) {
        const QString target = directory + u'/' + file.path;
        const QString parent = target.left(target.lastIndexOf(u'/'));
        if (!made.contains(parent)) {
            if (Result<void> ok = m_host.connection().makeDirectories(parent, 0755); !ok)
                return ok;
            made.insert(parent);
        }
        if (Result<void> uploaded = m_host.connection().upload(
                file.content, target, UploadOptions{file.mode, false}, m_host.cancelToken());
            !uploaded)
            return uploaded;
    }
    return {};
}

Result<bool> HostImages::build(const ImageBuildContext &context, const QString &base)
{
    const QString host = m_host.plan().hostName;
    const QString format =
        QStringLiteral("{{index .Config.Labels \"%1\"}}").arg(ImageBuild::contextHashLabel());
    // One round trip: the base image's ID and the label of the image there now.
    const QString d = Shell::quote(docker());
    const QString probe =
        QStringLiteral("printf 'base %s\\n' \"$(%1 image inspect --format '{{.Id}}' %2 "
                       "2>/dev/null)\"; printf 'hash %s\\n' \"$(%1 image inspect --format %3 "
                       "%4 2>/dev/null)\"")
            .arg(d, Shell::quote(base), Shell::quote(format), Shell::quote(context.image));
    const Result<ExecResult> probed = m_host.connection().exec(probe, {}, m_host.cancelToken());
    if (!probed)
        return probed.error();
    QString baseId;
    QString current;
    for (const QString &line : QString::fromUtf8(probed->standardOutput).split(u'\n')) {
        if (line.startsWith(QLatin1String("base ")))
            baseId = line.mid(5).trimmed();
        else if (line.startsWith(QLatin1String("hash ")))
            current = line.mid(5).trimmed();
    }
    const QString hash = ImageBuild::contentHash(
        context.files, base, baseId.isEmpty() ? QStringLiteral("unresolved:") + base : baseId);
    if (current == hash)
        return false;

    if (baseId.isEmpty()) {
        m_host.log(QObject::tr("the base image %1 is not on %2: docker build will try to pull it from its "
                               "registry")
                       .arg(base, host));
    }
    const QString directory = m_host.plan().directory + QStringLiteral("/images/") + context.name;
    if (Result<void> uploaded = uploadContext(context, directory); !uploaded)
        return uploaded.error();
    m_host.log(QObject::tr("building %1 from %2 (content hash %3)").arg(context.image, base, hash.left(12)));
    QElapsedTimer timer;
    timer.start();
    const QString logFile = directory + QStringLiteral(".build.log");
    ExecOptions options;
    options.timeout = std::chrono::minutes(30);
    const Result<ExecResult> built = m_host.connection().exec(
        ImageBuild::buildCommand(ImageBuild::buildArguments(docker(), context.image, base, hash, directory),
                                 logFile, buildLogLines),
        options, m_host.cancelToken());
    if (!built)
        return built.error();
    if (!built->succeeded()) {
        const QString tail = QString::fromUtf8(built->standardOutput + built->standardError).trimmed();
        return failure(
            QObject::tr(
                "Building %1 on %2 failed (docker build exited %3). The last lines of %4:\n%5\nIf %2 "
                "cannot reach Debian's mirror or the registry of %6, send the images from this machine "
                "instead (slurmdeck-cli deploy --images transfer; in the Deploy view, Images: send from "
                "this machine), copy them from a host that has them (--images from:HOST), or import a "
                "Debian bookworm image on %2 and build from it (--base-image).")
                .arg(context.image, host)
                .arg(built->exitStatus)
                .arg(logFile, tail, base));
    }
    m_host.log(QObject::tr("built %1 in %2 s").arg(context.image, seconds(timer)));
    return true;
}

} // namespace SlurmDeck
