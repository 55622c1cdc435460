// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/BackupDialog.h"

#include "Confirmation.h"
#include "secrets/ClusterSecrets.h"
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

void BackupDialog::start(const QString &file, const QByteArray &passphrase)
{
    m_passphrase = passphrase;
    const QPointer<ClusterSession> session = m_connection.session;
    if (!session)
        return finish(false, tr("The cluster was closed."));
    session->locate(this, [this, session, file](Result<ClusterSession::Located> located) {
        if (!session)
            return finish(false, tr("The cluster was closed."));
        if (!located)
            return finish(false, tr("Cannot locate the cluster's hosts: %1").arg(located.error().toString()));
        m_run =
            session->operation<ClusterBackupRun>(located->topology.withoutFiles(), located->targets, this);
        this->located(file);
    });
}

void BackupDialog::located(const QString &file)
{
    connect(m_run, &ClusterBackupRun::progress, this, &BackupDialog::append);
    connect(m_run, &ClusterBackupRun::finished, this, &BackupDialog::finish);
    if (m_action == Action::Backup) {
        if (!m_passphrase.isEmpty())
            return backUpWithSecrets(file);
        m_run->backup(file, m_clusterFile, true);
        return;
    }
    connect(m_run, &ClusterBackupRun::opened, this, [this](const Result<BackupManifest> &manifest) {
        if (!manifest)
            return finish(false, tr("Nothing was changed: %1").arg(manifest.error().toString()));
        if (m_action == Action::RestoreSecrets)
            return restoreSecrets();
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

void BackupDialog::backUpWithSecrets(const QString &file)
{
    setStatus(tr("Reading the cluster's secrets from the keychain…"));
    auto *secrets = new ClusterSecrets(m_cluster.keychainService(), this);
    secrets->read(this, [this, file](Result<ClusterSecrets::Values> values) {
        if (!values)
            return finish(false,
                          tr("Nothing was written: cannot read the cluster's secrets from the keychain. %1")
                              .arg(values.error().toString()));
        setStatus(
            tr("Saving the accounting database, the job queue, the cluster file and the secrets, sealed "
               "with your passphrase."));
        m_run->sealSecrets(*values, m_passphrase);
        m_passphrase.fill('\0');
        m_run->backup(file, m_clusterFile, true);
    });
}

void BackupDialog::restoreSecrets()
{
    setStatus(tr("Opening the sealed secrets…"));
    connect(m_run, &ClusterBackupRun::unsealed, this, [this](const Result<ClusterSecrets::Values> &values) {
        if (!values)
            return finish(false, tr("Nothing was changed: %1").arg(values.error().toString()));
        const Confirmation::Question question{
            tr("Restore the secrets of %1").arg(m_cluster.name),
            tr("Put the backup's munge key and database password into this machine's keychain, replacing "
               "those "
               "of %1 there? Nothing changes on the hosts until the next deploy gives them these secrets.")
                .arg(m_cluster.name),
            tr("Restore Secrets")};
        m_connection.confirmation->ask(this, question, [this, values = *values](bool yes) {
            if (!yes)
                return finish(false, tr("Nothing was changed."));
            auto *secrets = new ClusterSecrets(m_cluster.keychainService(), this);
            secrets->store(values, true, this, [this](Result<void> stored) {
                if (!stored)
                    return finish(false, tr("Nothing was changed: %1").arg(stored.error().toString()));
                finish(true,
                       tr("The backup's munge key and database password are in this machine's keychain. "
                          "Deploy gives the hosts these secrets."));
            });
        });
    });
    m_run->unsealSecrets(m_passphrase);
    m_passphrase.fill('\0');
}

} // namespace SlurmDeck::Ui
