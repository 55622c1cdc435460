// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/RemoteImages.h"

#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace SlurmDeck {

RemoteImages::RemoteImages(HostPlan source, SshTarget target, HostKeyPrompt *hostKeys,
                           CredentialPrompt *credentials, CancelToken cancel, HostDeployer::Log log)
    : m_host(std::make_unique<HostDeployer>(std::move(source), std::move(target), hostKeys, credentials,
                                            std::move(cancel), std::move(log)))
{}

RemoteImages::~RemoteImages() = default;

QString RemoteImages::origin() const
{
    return m_host->plan().hostName;
}

Result<void> RemoteImages::connect()
{
    if (m_connected)
        return {};
    // Only Docker matters here: the checks a running cluster would fail are skipped.
    if (Result<void> checked = m_host->connectAndCheck(true); !checked)
        return checked;
    m_connected = true;
    return {};
}

Result<ImageSupply::Found> RemoteImages::lookUp(const QString &image)
{
    if (Result<void> connected = connect(); !connected)
        return connected.error();
    const Result<ExecResult> inspected =
        m_host->runArgv({m_host->fingerprint().dockerPath, QStringLiteral("image"), QStringLiteral("inspect"),
                         QStringLiteral("--format"), QStringLiteral("{{.Id}} {{.Architecture}}"), image},
                        std::chrono::seconds(60));
    if (!inspected)
        return inspected.error();
    const QString id = QString::fromUtf8(inspected->standardOutput).trimmed();
    if (!inspected->succeeded() || id.isEmpty()) {
        return makeError(Error::Code::NotFound,
                         QObject::tr("The image %1 is not on %2, so it cannot be copied from there. Choose a "
                                     "host that has it, or another image mode.")
                             .arg(image, origin()),
                         QString::fromUtf8(inspected->standardError).trimmed());
    }
    return parseInspect(id);
}

Result<void> RemoteImages::save(const QString &image, const QString &file)
{
    if (Result<void> connected = connect(); !connected)
        return connected;
    m_host->log(QObject::tr("downloading %1 from %2").arg(image, origin()));
    QElapsedTimer timer;
    timer.start();
    ExecOptions options;
    options.timeout = std::chrono::minutes(30);
    options.standardOutputFile = file;
    const Result<ExecResult> saved = m_host->connection().exec(
        Shell::join({m_host->fingerprint().dockerPath, QStringLiteral("save"), image}), options,
        m_host->cancelToken());
    if (!saved)
        return saved.error();
    if (!saved->succeeded()) {
        return makeError(Error::Code::RemoteCommandFailed,
                         QObject::tr("docker save %1 failed on %2.").arg(image, origin()),
                         QString::fromUtf8(saved->standardError).trimmed().right(2000));
    }
    m_host->log(QObject::tr("downloaded %1 (%2 MB) in %3 s")
                    .arg(image)
                    .arg(QFileInfo(file).size() / 1000000)
                    .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return {};
}

} // namespace SlurmDeck
