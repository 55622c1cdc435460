// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's operations on a whole cluster, each in a dialog of its own: back up, restore,
// upgrade, adopt.
#include "MainWindow.h"

#include "LiveCluster.h"
#include "dialogs/AdoptDialog.h"
#include "dialogs/BackupDialog.h"
#include "dialogs/UpgradeDialog.h"
#include "inventory/ClusterDocument.h"
#include "slurm/SlurmMonitor.h"
#include "views/ServicesView.h"

namespace SlurmDeck::Ui {

BackupDialog *MainWindow::backUpCluster(const QString &file, const QByteArray &passphrase)
{
    if (m_document->path().isEmpty() || m_document->hosts().isEmpty())
        return nullptr;
    auto *dialog = new BackupDialog(BackupDialog::Action::Backup, m_document->cluster(), m_document->path(),
                                    {m_session, m_confirmation}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start(file, passphrase);
    return dialog;
}

UpgradeDialog *MainWindow::upgradeCluster()
{
    if (m_document->path().isEmpty() || m_document->hosts().isEmpty())
        return nullptr;
    auto *dialog = new UpgradeDialog(m_document->cluster(), {m_session, m_confirmation}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UpgradeDialog::succeeded, m_servicesView, &ServicesView::refresh);
    dialog->show();
    dialog->start();
    return dialog;
}

BackupDialog *MainWindow::restoreCluster(const QString &file)
{
    if (m_document->path().isEmpty() || m_document->hosts().isEmpty())
        return nullptr;
    auto *dialog = new BackupDialog(BackupDialog::Action::Restore, m_document->cluster(), m_document->path(),
                                    {m_session, m_confirmation}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Slurm's history and queue change under the views: they read them again.
    connect(dialog, &BackupDialog::succeeded, this, [this] {
        if (m_live->monitor())
            m_live->monitor()->refreshNow();
    });
    dialog->show();
    dialog->start(file);
    return dialog;
}

BackupDialog *MainWindow::restoreSecrets(const QString &file, const QByteArray &passphrase)
{
    if (m_document->path().isEmpty() || m_document->hosts().isEmpty())
        return nullptr;
    auto *dialog = new BackupDialog(BackupDialog::Action::RestoreSecrets, m_document->cluster(),
                                    m_document->path(), {m_session, m_confirmation}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start(file, passphrase);
    return dialog;
}

AdoptDialog *MainWindow::adoptCluster(const SshTarget &controller, const QString &clusterName,
                                      const QString &clusterFile)
{
    auto *dialog = new AdoptDialog({m_session, m_confirmation}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AdoptDialog::succeeded, this, [this, dialog] {
        if (!m_document->isModified())
            (void)openCluster(dialog->clusterFile());
    });
    dialog->show();
    dialog->start(controller, clusterName, clusterFile);
    return dialog;
}

} // namespace SlurmDeck::Ui
