// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/BackupDialog.h"

#include "Confirmation.h"
#include "session/ClusterBackupRun.h"
#include "session/ClusterSession.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

BackupDialog::BackupDialog(Action action, Cluster cluster, QString clusterFile, Connection connection,
                           QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_cluster(std::move(cluster))
    , m_clusterFile(std::move(clusterFile))
    , m_connection(std::move(connection))
{
    setWindowTitle(action == Action::Backup ? tr("Back up %1").arg(m_cluster.name)
                                            : tr("Restore %1").arg(m_cluster.name));
    m_status =
        new QLabel(action == Action::Backup
                       ? tr("Saving the accounting database, the job queue and the cluster file. No secret "
                            "goes into the backup.")
                       : tr("Reading the backup…"),
                   this);
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: the steps report lines, not fractions
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_button = new QPushButton(tr("Close"), this);
    connect(m_button, &QPushButton::clicked, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_button, 0, Qt::AlignRight);
    resize(720, 420);
}

BackupDialog::~BackupDialog() = default;

QString BackupDialog::log() const
{
    return m_log->toPlainText();
}

QString BackupDialog::status() const
{
    return m_status->text();
}

void BackupDialog::append(const QString &host, const QString &line)
{
    m_log->appendPlainText(host.isEmpty() ? line : host + QStringLiteral(": ") + line);
}

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
        m_status->setText(tr("Backup of %1 from %2.").arg(manifest->cluster, created));
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
            m_status->setText(tr("Restoring…"));
            m_run->restore();
        });
    });
    m_run->open(file);
}

void BackupDialog::finish(bool ok, const QString &message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_status->setText(message);
    if (ok)
        emit succeeded();
    else
        emit failed(message);
}

} // namespace SlurmDeck::Ui
