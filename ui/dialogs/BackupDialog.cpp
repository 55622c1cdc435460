// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/BackupDialog.h"

#include "Confirmation.h"
#include "session/ClusterBackupRun.h"
#include "session/ClusterSession.h"

#include <QLocale>

namespace SlurmDeck::Ui {

BackupDialog::BackupDialog(Action action, Cluster cluster, QString clusterFile, Connection connection,
                           QWidget *parent)
    : OperationDialog(action == Action::Backup ? tr("Back up %1").arg(cluster.name)
                                               : tr("Restore %1").arg(cluster.name),
                      action == Action::Backup ? tr("Saving the accounting database, the job queue and the "
                                                    "cluster file. No secret goes into the backup.")
                                               : tr("Reading the backup…"),
                      parent)
    , m_action(action)
    , m_cluster(std::move(cluster))
    , m_clusterFile(std::move(clusterFile))
    , m_connection(std::move(connection))
{}

BackupDialog::~BackupDialog() = default;

void BackupDialog::start(const QString &file)
{
    const ClusterSession session(m_cluster, m_connection.sshDefaults, m_connection.hostKeys,
                                 m_connection.credentials);
    session.locate(this, [this, file](Result<ClusterSession::Located> located) {
        if (!located)
            return finish(false, tr("Cannot locate the cluster's hosts: %1").arg(located.error().toString()));
        m_run = new ClusterBackupRun(located->topology.withoutFiles(), located->targets,
                                     m_connection.hostKeys, m_connection.credentials, this);
        this->located(file);
    });
}

void BackupDialog::located(const QString &file)
{
    connect(m_run, &ClusterBackupRun::progress, this, &BackupDialog::append);
    connect(m_run, &ClusterBackupRun::finished, this, &BackupDialog::finish);
    if (m_action == Action::Backup) {
        m_run->backup(file, m_clusterFile, true);
        return;
    }
    connect(m_run, &ClusterBackupRun::opened, this, [this](const Result<BackupManifest> &manifest) {
        if (!manifest)
            return finish(false, tr("Nothing was changed: %1").arg(manifest.error().toString()));
        const QString created = QLocale().toString(manifest->created.toLocalTime(), QLocale::ShortFormat);
        setStatus(tr("Backup of %1 from %2.").arg(manifest->cluster, created));
        const Confirmation::Question question{
            tr("Restore %1").arg(m_cluster.name),
            tr("Replace the accounting records and the job queue of %1 with those of the backup from %2? "
               "What is "
               "queued or running now is forgotten; slurmdbd and slurmctld restart.")
                .arg(m_cluster.name, created),
            tr("Restore")};
        m_connection.confirmation->ask(this, question, [this](bool yes) {
            if (!yes)
                return finish(false, tr("Nothing was changed."));
            setStatus(tr("Restoring…"));
            m_run->restore();
        });
    });
    m_run->open(file);
}

} // namespace SlurmDeck::Ui
