// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/DeployTypes.h"

#include <QCoreApplication>
#include <QHash>

namespace SlurmDeck {

namespace {

QString shortHash(const QString &sha256)
{
    return sha256.left(12) + QStringLiteral("…");
}

} // namespace

QString phaseText(DeployPhase phase)
{
    switch (phase) {
    case DeployPhase::Pending:
        return QCoreApplication::translate("Deploy", "waiting");
    case DeployPhase::Connecting:
        return QCoreApplication::translate("Deploy", "connecting");
    case DeployPhase::Preflight:
        return QCoreApplication::translate("Deploy", "checking");
    case DeployPhase::Files:
        return QCoreApplication::translate("Deploy", "pushing files");
    case DeployPhase::Images:
        return QCoreApplication::translate("Deploy", "providing images");
    case DeployPhase::Starting:
        return QCoreApplication::translate("Deploy", "starting services");
    case DeployPhase::Verifying:
        return QCoreApplication::translate("Deploy", "verifying");
    case DeployPhase::Done:
        return QCoreApplication::translate("Deploy", "done");
    case DeployPhase::Failed:
        return QCoreApplication::translate("Deploy", "FAILED");
    case DeployPhase::Cancelled:
        return QCoreApplication::translate("Deploy", "cancelled");
    }
    return {};
}

Result<ImageChoice> parseImageChoice(const QString &text)
{
    const QString value = text.trimmed();
    if (value == u"build")
        return ImageChoice{ImageSource::BuildOnHost, {}};
    if (value == u"present")
        return ImageChoice{ImageSource::AlreadyOnHost, {}};
    if (value == u"transfer")
        return ImageChoice{ImageSource::TransferFromHere, {}};
    if (value.startsWith(QLatin1String("from:"))) {
        const QString host = value.mid(5).trimmed();
        if (host.isEmpty()) {
            return makeError(
                Error::Code::InvalidArgument,
                QCoreApplication::translate(
                    "Deploy", "from: needs the name of the host that has the images, e.g. from:primary."));
        }
        return ImageChoice{ImageSource::TransferFromHost, host};
    }
    return makeError(Error::Code::InvalidArgument,
                     QCoreApplication::translate(
                         "Deploy", "'%1' is not an image mode; use build, present, transfer or from:HOST.")
                         .arg(value));
}

QString imageChoiceArgument(const ImageChoice &choice)
{
    switch (choice.source) {
    case ImageSource::BuildOnHost:
        return QStringLiteral("build");
    case ImageSource::AlreadyOnHost:
        return QStringLiteral("present");
    case ImageSource::TransferFromHere:
        return QStringLiteral("transfer");
    case ImageSource::TransferFromHost:
        return QStringLiteral("from:") + choice.host;
    }
    return {};
}

QString describeImages(const DeployOptions &options)
{
    switch (options.images) {
    case ImageSource::BuildOnHost:
        return QCoreApplication::translate("Deploy", "built on each host (base image %1)")
            .arg(options.baseImage);
    case ImageSource::AlreadyOnHost:
        return QCoreApplication::translate("Deploy", "already on the hosts (checked, none sent)");
    case ImageSource::TransferFromHere:
        return QCoreApplication::translate("Deploy", "sent from this machine where a host lacks them");
    case ImageSource::TransferFromHost:
        return QCoreApplication::translate("Deploy", "copied from %1 where a host lacks them")
            .arg(options.imageHost);
    }
    return {};
}

std::optional<VerificationCheck> mungeKeyCheck(const QList<HostDeployResult> &hosts,
                                               const QString &controller)
{
    QHash<QString, int> counts;
    QStringList seen; // hashes in host order, for a stable tie-break
    QStringList unread;
    QString reference;
    for (const HostDeployResult &host : hosts) {
        if (host.mungeKeySha256.isEmpty()) {
            unread << host.host;
            continue;
        }
        if (!counts.contains(host.mungeKeySha256))
            seen << host.mungeKeySha256;
        ++counts[host.mungeKeySha256];
        if (host.host == controller)
            reference = host.mungeKeySha256;
    }
    if (seen.isEmpty())
        return std::nullopt;
    if (reference.isEmpty()) {
        reference = seen.first();
        for (const QString &hash : std::as_const(seen)) {
            if (counts.value(hash) > counts.value(reference))
                reference = hash;
        }
    }
    QStringList differing;
    QStringList details;
    for (const HostDeployResult &host : hosts) {
        if (!host.mungeKeySha256.isEmpty() && host.mungeKeySha256 != reference) {
            differing << host.host;
            details << QCoreApplication::translate("Deploy", "%1 has %2")
                           .arg(host.host, shortHash(host.mungeKeySha256));
        }
    }
    VerificationCheck check;
    check.name = QCoreApplication::translate("Deploy", "munge key identical on every host");
    check.passed = differing.isEmpty();
    if (check.passed) {
        check.detail = QCoreApplication::translate("Deploy", "SHA-256 %1 on %2 hosts")
                           .arg(shortHash(reference))
                           .arg(counts.value(reference));
    } else {
        check.host = differing.join(QStringLiteral(", "));
        check.detail =
            QCoreApplication::translate(
                "Deploy", "%1, the others %2. Slurm daemons with different keys cannot talk to each other: "
                          "deploy again so every host gets the cluster's key.")
                .arg(details.join(QStringLiteral("; ")), shortHash(reference));
    }
    if (!unread.isEmpty())
        check.detail +=
            QCoreApplication::translate("Deploy", " (not read on %1)").arg(unread.join(QStringLiteral(", ")));
    return check;
}

} // namespace SlurmDeck
