// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/RemoteFileDiff.h"

#include "deploy/HostDeployer.h"
#include "plan/SlurmConfChange.h"
#include "plan/UnifiedDiff.h"
#include "ssh/SshConnection.h"

#include <QCryptographicHash>

namespace SlurmDeck {

namespace {

QString sha256(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// `remoteHash`: the host's SHA-256 of the file, empty when it has none.
Result<FileDiff> compare(HostDeployer &deployer, const RenderedFile &file, const QString &remoteHash)
{
    const HostPlan &plan = deployer.plan();
    FileDiff entry{file.path, FileDiff::Status::Unchanged, file.secret, {}, {}};
    const QString remotePath = plan.directory + u'/' + file.path;
    if (remoteHash == sha256(file.content))
        return entry;
    if (remoteHash.isEmpty()) {
        entry.status = FileDiff::Status::New;
        if (!file.secret)
            entry.diff = unifiedDiff({}, file.content, QStringLiteral("/dev/null"),
                                     QStringLiteral("plan/") + file.path);
        return entry;
    }
    entry.status = FileDiff::Status::Changed;
    if (!file.secret) {
        const Result<QByteArray> current = deployer.connection().download(remotePath);
        if (!current)
            return current.error();
        entry.diff = unifiedDiff(*current, file.content, plan.hostName + u':' + remotePath,
                                 QStringLiteral("plan/") + file.path);
        if (file.path == HostDeployer::kSlurmConf)
            entry.effect = classifySlurmConfChange(*current, file.content).describe();
    }
    if (entry.effect.isEmpty() && file.path.startsWith(QLatin1String("etc/slurm/")) &&
        file.path != HostDeployer::kSlurmConf)
        entry.effect = slurmFileChange(file.path).describe();
    return entry;
}

} // namespace

QString statusText(FileDiff::Status status)
{
    switch (status) {
    case FileDiff::Status::Unchanged:
        return QStringLiteral("unchanged");
    case FileDiff::Status::Changed:
        return QStringLiteral("changed");
    case FileDiff::Status::New:
        return QStringLiteral("new");
    }
    return {};
}

Result<QList<FileDiff>> diffHostFiles(HostDeployer &deployer)
{
    QStringList paths;
    for (const RenderedFile &file : deployer.plan().files)
        paths << file.path;
    const Result<QHash<QString, QString>> hashes = deployer.remoteHashes(paths);
    if (!hashes)
        return hashes.error();
    QList<FileDiff> diffs;
    for (const RenderedFile &file : deployer.plan().files) {
        Result<FileDiff> compared = compare(deployer, file, hashes->value(file.path));
        if (!compared)
            return compared.error();
        diffs << *compared;
    }
    return diffs;
}

Result<FileDiff> diffHostFile(HostDeployer &deployer, const RenderedFile &file)
{
    const Result<QHash<QString, QString>> hashes = deployer.remoteHashes({file.path});
    if (!hashes)
        return hashes.error();
    return compare(deployer, file, hashes->value(file.path));
}

} // namespace SlurmDeck
