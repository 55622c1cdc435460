// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BackupCommand.h"

#include "common/ApplicationInfo.h"
#include "deploy/ClusterBackup.h"
#include "deploy/HostDeployer.h"

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

void BackupCommand::start(const CliContext &context)
{
    const bool backingUp = m_mode == Mode::Backup;
    const QString name = backingUp ? QStringLiteral("backup") : QStringLiteral("restore");
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"), tr("Replace FILE when it exists."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOption(backingUp ? force : yes);
    if (!parse(context, parser, name,
               backingUp ? QStringLiteral("slurmdeck-cli [--cluster FILE] backup FILE [--force]")
                         : QStringLiteral("slurmdeck-cli [--cluster FILE] restore FILE [--yes]")))
        return;
    if (parser.positionalArguments().size() != 1) {
        err()
            << (backingUp
                    ? tr("backup wants one FILE to write, e.g. slurmdeck-cli backup homelab-2026-12-07.tar\n")
                    : tr("restore wants the backup FILE to read.\n"));
        done(CliUsage);
        return;
    }
    m_file = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    m_force = backingUp && parser.isSet(force);
    m_yes = !backingUp && parser.isSet(yes);
    if (backingUp && QFileInfo::exists(m_file) && !m_force) {
        err() << tr("%1 exists already; use --force to replace it.\n").arg(m_file);
        done(CliFailure);
        return;
    }
    if (!backingUp && !m_yes && !hasTerminal()) {
        err() << tr("restore replaces the cluster's accounting and queue and there is no terminal to confirm "
                    "on: run it with --yes.\n");
        done(CliUsage);
        return;
    }
    m_work = std::make_unique<QTemporaryDir>(QFileInfo(m_file).absolutePath() +
                                             QStringLiteral("/.slurmdeck-backup-XXXXXX"));
    if (!m_work->isValid()) {
        err() << tr("Cannot make a working directory next to %1: %2\n").arg(m_file, m_work->errorString());
        done(CliFailure);
        return;
    }
    // Neither needs a secret: the database is reached through its container's socket.
    prepareCluster(
        [this, backingUp] {
            if (backingUp)
                backup();
            else
                restore();
        },
        false);
}

QString BackupCommand::hostRunning(const QString &service) const
{
    for (const HostPlan &host : plan().hosts) {
        if (host.services.contains(service))
            return host.hostName;
    }
    return {};
}

QString BackupCommand::member(const char *name) const
{
    return QDir(m_work->path()).filePath(QString::fromLatin1(name));
}

bool BackupCommand::report(const QList<HostOutcome> &outcomes)
{
    bool ok = true;
    for (const HostOutcome &outcome : outcomes) {
        if (outcome.result) {
            for (const QString &line : *outcome.result)
                out() << outcome.host << QStringLiteral(": ") << line << u'\n';
        } else {
            ok = false;
            err() << outcome.host << QStringLiteral(": ") << outcome.result.error().toString() << u'\n';
        }
    }
    out().flush();
    if (!ok)
        hintAboutHostKeys();
    return ok;
}

void BackupCommand::backup()
{
    const QString database = hostRunning(QStringLiteral("mariadb"));
    const QString controller = hostRunning(QStringLiteral("slurmctld"));
    if (controller.isEmpty()) {
        err() << tr("The cluster %1 has no controller host: there is nothing to back up.\n")
                     .arg(plan().clusterName);
        done(CliFailure);
        return;
    }
    QStringList hosts{controller};
    if (!database.isEmpty() && database != controller)
        hosts.prepend(database);
    const QString accounting = member(ClusterBackup::accountingFile);
    const QString state = member(ClusterBackup::controllerStateFile);
    out() << tr("Backing up %1 from %2…\n").arg(plan().clusterName, hosts.join(QStringLiteral(", ")));
    out().flush();
    runOnHosts(
        hosts,
        [accounting, state](HostDeployer &host, const LinePoster &) -> Result<QStringList> {
            QStringList lines;
            if (host.plan().services.contains(QStringLiteral("mariadb"))) {
                if (Result<void> dumped = ClusterBackup::dumpAccounting(host, accounting); !dumped)
                    return dumped.error();
                lines << tr("accounting database dumped (%1)").arg(sizeText(accounting));
            }
            if (host.plan().services.contains(QStringLiteral("slurmctld"))) {
                if (Result<void> saved = ClusterBackup::saveControllerState(host, state); !saved)
                    return saved.error();
                lines << tr("slurmctld's state saved (%1)").arg(sizeText(state));
            }
            return lines;
        },
        [this, database](const QList<HostOutcome> &outcomes) {
            if (!report(outcomes)) {
                err() << tr("Nothing was written: the backup needs every part.\n");
                done(CliFailure);
                return;
            }
            m_manifest.cluster = plan().clusterName;
            m_manifest.created = QDateTime::currentDateTimeUtc();
            m_manifest.slurmdeck = applicationVersion();
            if (!database.isEmpty())
                m_manifest.members << QString::fromLatin1(ClusterBackup::accountingFile);
            m_manifest.members << QString::fromLatin1(ClusterBackup::controllerStateFile);
            m_manifest.secretsLeft = {QStringLiteral("munge key"), QStringLiteral("database password")};
            if (QFile::copy(clusterPath(), member(ClusterBackup::clusterFile)))
                m_manifest.members << QString::fromLatin1(ClusterBackup::clusterFile);
            if (Result<void> packed = BackupArchive::pack(m_work->path(), m_manifest, m_file); !packed) {
                err() << tr("The backup could not be written: %1\n").arg(packed.error().toString());
                done(CliFailure);
                return;
            }
            out() << tr("Wrote %1 (%2): %3. No secret is in it; the munge key and database password stay in "
                        "the keychain ('slurmdeck-cli adopt' copies them to another machine).\n")
                         .arg(m_file, sizeText(m_file), m_manifest.members.join(QStringLiteral(", ")));
            done(CliOk);
        });
}

void BackupCommand::restore()
{
    const Result<BackupManifest> manifest = BackupArchive::unpack(m_file, m_work->path());
    if (!manifest) {
        err() << manifest.error().toString() << u'\n';
        done(CliFailure);
        return;
    }
    m_manifest = *manifest;
    if (m_manifest.cluster != plan().clusterName) {
        err() << tr("%1 is a backup of the cluster '%2', not of '%3': Slurm keeps both apart by name. "
                    "Restore it "
                    "onto a cluster called %2.\n")
                     .arg(m_file, m_manifest.cluster, plan().clusterName);
        done(CliFailure);
        return;
    }
    if (!m_manifest.members.contains(QString::fromLatin1(ClusterBackup::controllerStateFile)) ||
        hostRunning(QStringLiteral("slurmctld")).isEmpty()) {
        err() << tr("Nothing was changed: %1 holds no slurmctld state, or the cluster has no controller "
                    "host.\n")
                     .arg(m_file);
        done(CliFailure);
        return;
    }
    const QString created = QLocale::c().toString(m_manifest.created.toLocalTime(), QLocale::ShortFormat);
    if (!m_yes &&
        !confirm(
            tr("Replace the accounting records and the job queue of %1 with those of the backup from %2? "
               "What is queued or running now is forgotten.")
                .arg(plan().clusterName, created))) {
        err() << tr("Nothing was changed.\n");
        done(CliFailure);
        return;
    }
    const QString database = hostRunning(QStringLiteral("mariadb"));
    if (!m_manifest.members.contains(QString::fromLatin1(ClusterBackup::accountingFile)) ||
        database.isEmpty()) {
        restoreControllerState();
        return;
    }
    out() << tr("Loading the accounting database on %1 (slurmdbd stops meanwhile)…\n").arg(database);
    out().flush();
    const QString accounting = member(ClusterBackup::accountingFile);
    runOnHosts(
        {database},
        [accounting](HostDeployer &host, const LinePoster &) -> Result<QStringList> {
            if (Result<void> loaded = ClusterBackup::restoreAccounting(host, accounting); !loaded)
                return loaded.error();
            return QStringList{tr("accounting database loaded (%1)").arg(sizeText(accounting))};
        },
        [this](const QList<HostOutcome> &outcomes) {
            if (!report(outcomes)) {
                err() << tr(
                    "The restore stopped before slurmctld's state; run it again once the database host "
                    "works.\n");
                done(CliFailure);
                return;
            }
            restoreControllerState();
        });
}

void BackupCommand::restoreControllerState()
{
    const QString controller = hostRunning(QStringLiteral("slurmctld"));
    out() << tr("Replacing slurmctld's state on %1 (slurmctld restarts)…\n").arg(controller);
    out().flush();
    const QString state = member(ClusterBackup::controllerStateFile);
    runOnHosts(
        {controller},
        [state](HostDeployer &host, const LinePoster &) -> Result<QStringList> {
            if (Result<void> replaced = ClusterBackup::restoreControllerState(host, state); !replaced)
                return replaced.error();
            return QStringList{tr("slurmctld's state replaced")};
        },
        [this](const QList<HostOutcome> &outcomes) {
            if (!report(outcomes)) {
                err() << tr("slurmctld's state was not restored; run the restore again.\n");
                done(CliFailure);
                return;
            }
            out() << tr("Restored %1 from the backup of %2. 'slurmdeck-cli history' shows its jobs, "
                        "'slurmdeck-cli jobs' its queue.\n")
                         .arg(plan().clusterName,
                              QLocale::c().toString(m_manifest.created.toLocalTime(), QLocale::ShortFormat));
            done(CliOk);
        });
}

} // namespace SlurmDeck
