// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/ClusterBackupRun.h"

#include "common/ApplicationInfo.h"
#include "common/OffThread.h"
#include "deploy/ClusterBackup.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostTaskQueue.h"
#include "inventory/ClusterFile.h"
#include "inventory/SlurmRelease.h"
#include "secrets/SealedSecrets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace SlurmDeck {

namespace {

QString sizeText(const QString &path)
{
    return QLocale::c().formattedDataSize(QFileInfo(path).size(), 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ClusterBackupRun::ClusterBackupRun(ClusterPlan plan, QHash<QString, SshTarget> targets,
                                   std::shared_ptr<HostKeyPrompt> hostKeys,
                                   std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_queue(new HostTaskQueue(std::move(plan), std::move(targets), std::move(hostKeys),
                                std::move(credentials), this))
{}

ClusterBackupRun::~ClusterBackupRun() = default;

QString ClusterBackupRun::hostRunning(const QString &service) const
{
    for (const HostPlan &host : m_plan.hosts) {
        if (host.services.contains(service))
            return host.hostName;
    }
    return {};
}

QString ClusterBackupRun::member(const char *name) const
{
    return QDir(m_work->path()).filePath(QString::fromLatin1(name));
}

bool ClusterBackupRun::makeWorkDirectory(const QString &nextTo)
{
    // Next to the backup: the dump may be larger than the temporary directory's filesystem.
    m_work = std::make_unique<QTemporaryDir>(QFileInfo(nextTo).absolutePath() +
                                             QStringLiteral("/.slurmdeck-backup-XXXXXX"));
    if (!m_work->isValid())
        m_work = std::make_unique<QTemporaryDir>();
    return m_work->isValid();
}

void ClusterBackupRun::fail(const QString &why)
{
    emit finished(false, why);
}

void ClusterBackupRun::backup(const QString &file, const QString &clusterFile, bool replace)
{
    m_file = QFileInfo(file).absoluteFilePath();
    if (QFileInfo::exists(m_file) && !replace)
        return fail(tr("%1 exists already; choose another name or replace it.").arg(m_file));
    const QString controller = hostRunning(QStringLiteral("slurmctld"));
    if (controller.isEmpty())
        return fail(tr("The cluster %1 has no controller host: there is nothing to back up.")
                        .arg(m_plan.clusterName));
    if (!makeWorkDirectory(m_file))
        return fail(tr("Cannot make a working directory for the backup: %1").arg(m_work->errorString()));
    QStringList hosts{controller};
    const QString database = hostRunning(QStringLiteral("mariadb"));
    if (!database.isEmpty() && database != controller)
        hosts.prepend(database);
    emit progress({}, tr("Backing up %1 from %2…").arg(m_plan.clusterName, hosts.join(QStringLiteral(", "))));
    m_waiting = int(hosts.size());
    m_failed = false;
    for (const QString &host : std::as_const(hosts))
        collect(host, m_file, clusterFile);
}

void ClusterBackupRun::collect(const QString &host, const QString &file, const QString &clusterFile)
{
    const QString accounting = member(ClusterBackup::accountingFile);
    const QString state = member(ClusterBackup::controllerStateFile);
    m_queue->run<QStringList>(
        host, this,
        [accounting, state](HostDeployer &deployer) -> Result<QStringList> {
            QStringList lines;
            if (deployer.plan().services.contains(QStringLiteral("mariadb"))) {
                if (Result<void> dumped = ClusterBackup::dumpAccounting(deployer, accounting); !dumped)
                    return dumped.error();
                lines << tr("accounting database dumped (%1)").arg(sizeText(accounting));
            }
            if (deployer.plan().services.contains(QStringLiteral("slurmctld"))) {
                if (Result<void> saved = ClusterBackup::saveControllerState(deployer, state); !saved)
                    return saved.error();
                lines << tr("slurmctld's state saved (%1)").arg(sizeText(state));
            }
            return lines;
        },
        [this, host, file, clusterFile](Result<QStringList> done) {
            if (done) {
                for (const QString &line : *done)
                    emit progress(host, line);
            } else {
                m_failed = true;
                emit progress(host, done.error().toString());
            }
            if (--m_waiting > 0)
                return;
            if (m_failed)
                return fail(tr("Nothing was written: the backup needs every part."));
            m_manifest = BackupManifest();
            m_manifest.cluster = m_plan.clusterName;
            m_manifest.created = QDateTime::currentDateTimeUtc();
            m_manifest.slurmdeck = applicationVersion();
            if (QFileInfo::exists(member(ClusterBackup::accountingFile)))
                m_manifest.members << QString::fromLatin1(ClusterBackup::accountingFile);
            m_manifest.members << QString::fromLatin1(ClusterBackup::controllerStateFile);
            if (m_sealing)
                m_manifest.members << QString::fromLatin1(ClusterBackup::sealedSecretsFile);
            else
                m_manifest.secretsLeft = {QStringLiteral("munge key"), QStringLiteral("database password")};
            if (QFile::copy(clusterFile, member(ClusterBackup::clusterFile)))
                m_manifest.members << QString::fromLatin1(ClusterBackup::clusterFile);
            const QString directory = m_work->path();
            const BackupManifest manifest = m_manifest;
            const std::optional<Sealing> sealing = std::exchange(m_sealing, std::nullopt);
            const QString sealed = member(ClusterBackup::sealedSecretsFile);
            runOffThread<Result<void>>(
                this,
                [directory, manifest, file, sealing, sealed]() -> Result<void> {
                    if (sealing) {
                        if (Result<void> sealedOk =
                                SealedSecrets::seal(sealing->values, sealing->passphrase, sealed);
                            !sealedOk)
                            return sealedOk;
                    }
                    return BackupArchive::pack(directory, manifest, file);
                },
                [this, file, withSecrets = sealing.has_value()](const Result<void> &packed) {
                    if (!packed)
                        return fail(tr("The backup could not be written: %1").arg(packed.error().toString()));
                    const QString members = m_manifest.members.join(QStringLiteral(", "));
                    emit finished(true,
                                  withSecrets
                                      ? tr("Wrote %1 (%2): %3. The munge key and database password are in "
                                           "it, sealed with your passphrase.")
                                            .arg(file, sizeText(file), members)
                                      : tr("Wrote %1 (%2): %3. No secret is in it; the munge key and "
                                           "database password stay in the keychain.")
                                            .arg(file, sizeText(file), members));
                });
        });
}

void ClusterBackupRun::sealSecrets(const ClusterSecrets::Values &values, const QByteArray &passphrase)
{
    m_sealing = Sealing{values, passphrase};
}

bool ClusterBackupRun::hasSealedSecrets() const
{
    return m_manifest.members.contains(QString::fromLatin1(ClusterBackup::sealedSecretsFile));
}

void ClusterBackupRun::unsealSecrets(const QByteArray &passphrase)
{
    if (!hasSealedSecrets()) {
        emit unsealed(makeError(Error::Code::NotFound,
                                tr("%1 carries no secrets: it was written without them.").arg(m_file)));
        return;
    }
    runOffThread<Result<ClusterSecrets::Values>>(
        this,
        [file = member(ClusterBackup::sealedSecretsFile), passphrase] {
            return SealedSecrets::unseal(file, passphrase);
        },
        [this](const Result<ClusterSecrets::Values> &values) { emit unsealed(values); });
}

void ClusterBackupRun::open(const QString &file)
{
    m_file = QFileInfo(file).absoluteFilePath();
    if (!makeWorkDirectory(m_file)) {
        emit opened(
            makeError(Error::Code::Io, tr("Cannot make a working directory: %1").arg(m_work->errorString())));
        return;
    }
    const QString directory = m_work->path();
    runOffThread<Result<BackupManifest>>(
        this,
        [file = m_file, directory, clusterMember = member(ClusterBackup::clusterFile),
         name = m_plan.clusterName, release = SlurmRelease::ofImage(m_plan.slurmImage)] {
            Result<BackupManifest> read = BackupArchive::unpack(file, directory);
            if (read && read->members.contains(QString::fromLatin1(ClusterBackup::clusterFile))) {
                // Slurm's upgrade path holds for a restore too: the state and the database dump
                // are the backed-up release's.
                const Result<Cluster> backedUp = ClusterFile::load(clusterMember);
                const QString made = backedUp ? backedUp->settings.slurmRelease : QString();
                if (const QString refusal = slurmUpgradeRefusal(made, release); !refusal.isEmpty()) {
                    return Result<BackupManifest>(makeError(
                        Error::Code::InvalidArgument, tr("%1 was made on Slurm %2, and %3 runs Slurm %4. %5")
                                                          .arg(file, made, name, release, refusal)));
                }
            }
            return read;
        },
        [this](Result<BackupManifest> read) {
            if (read && read->cluster != m_plan.clusterName) {
                read =
                    makeError(Error::Code::InvalidArgument,
                              tr("%1 is a backup of the cluster '%2', not of '%3': Slurm keeps both apart by "
                                 "name. Restore it onto a cluster called %2.")
                                  .arg(m_file, read->cluster, m_plan.clusterName));
            }
            if (read && (!read->members.contains(QString::fromLatin1(ClusterBackup::controllerStateFile)) ||
                         hostRunning(QStringLiteral("slurmctld")).isEmpty())) {
                read = makeError(
                    Error::Code::InvalidArgument,
                    tr("%1 holds no slurmctld state, or the cluster has no controller host.").arg(m_file));
            }
            m_manifest = read ? *read : BackupManifest();
            emit opened(read);
        });
}

void ClusterBackupRun::restore()
{
    const QString database = hostRunning(QStringLiteral("mariadb"));
    if (!m_manifest.members.contains(QString::fromLatin1(ClusterBackup::accountingFile)) ||
        database.isEmpty())
        return restoreControllerState();
    emit progress(database, tr("loading the accounting database (slurmdbd stops meanwhile)…"));
    const QString accounting = member(ClusterBackup::accountingFile);
    m_queue->run<QString>(
        database, this,
        [accounting](HostDeployer &deployer) -> Result<QString> {
            if (Result<void> loaded = ClusterBackup::restoreAccounting(deployer, accounting); !loaded)
                return loaded.error();
            return tr("accounting database loaded (%1)").arg(sizeText(accounting));
        },
        [this, database](Result<QString> loaded) {
            if (!loaded) {
                emit progress(database, loaded.error().toString());
                return fail(
                    tr("The restore stopped before slurmctld's state; run it again once the database host "
                       "works."));
            }
            emit progress(database, *loaded);
            restoreControllerState();
        });
}

void ClusterBackupRun::restoreControllerState()
{
    const QString controller = hostRunning(QStringLiteral("slurmctld"));
    emit progress(controller, tr("replacing slurmctld's state (slurmctld restarts)…"));
    const QString state = member(ClusterBackup::controllerStateFile);
    m_queue->run<QString>(
        controller, this,
        [state](HostDeployer &deployer) -> Result<QString> {
            if (Result<void> replaced = ClusterBackup::restoreControllerState(deployer, state); !replaced)
                return replaced.error();
            return tr("slurmctld's state replaced");
        },
        [this, controller](Result<QString> replaced) {
            if (!replaced) {
                emit progress(controller, replaced.error().toString());
                return fail(tr("slurmctld's state was not restored; run the restore again."));
            }
            emit progress(controller, *replaced);
            emit finished(true,
                          tr("Restored %1 from the backup of %2.")
                              .arg(m_plan.clusterName, QLocale::c().toString(m_manifest.created.toLocalTime(),
                                                                             QLocale::ShortFormat)));
        });
}

} // namespace SlurmDeck
