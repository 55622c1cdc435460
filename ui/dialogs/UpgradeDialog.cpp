// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/UpgradeDialog.h"

#include "Confirmation.h"
#include "session/ClusterSession.h"
#include "session/ClusterUpgradeRun.h"

namespace SlurmDeck::Ui {

UpgradeDialog::UpgradeDialog(Cluster cluster, Connection connection, QWidget *parent)
    : OperationDialog(
          tr("Upgrade %1").arg(cluster.name),
          tr("Recreating the containers whose image or settings changed, the compute nodes one at "
             "a time. Deploy first to build or send new images."),
          parent)
    , m_cluster(std::move(cluster))
    , m_connection(std::move(connection))
{}

UpgradeDialog::~UpgradeDialog() = default;

void UpgradeDialog::start(std::chrono::seconds jobWait)
{
    const Confirmation::Question question{
        tr("Upgrade %1").arg(m_cluster.name),
        tr("Restart every daemon of %1 whose image or settings changed: slurmdbd, then slurmctld, then each "
           "compute node in turn, drained first; its jobs are waited for up to %2 minutes, and a node still "
           "busy "
           "then keeps its old slurmd.")
            .arg(m_cluster.name)
            .arg(jobWait.count() / 60),
        tr("Upgrade")};
    m_connection.confirmation->ask(this, question, [this, jobWait](bool yes) {
        if (!yes)
            return finish(false, tr("Nothing was changed."));
        const QPointer<ClusterSession> session = m_connection.session;
        if (!session)
            return finish(false, tr("The cluster was closed."));
        session->locate(this, [this, session, jobWait](Result<ClusterSession::Located> located) {
            if (!session)
                return finish(false, tr("The cluster was closed."));
            if (!located)
                return finish(false,
                              tr("Cannot locate the cluster's hosts: %1").arg(located.error().toString()));
            m_run = session->operation<ClusterUpgradeRun>(located->topology.withoutFiles(), located->targets,
                                                          this);
            connect(m_run, &ClusterUpgradeRun::progress, this, &UpgradeDialog::append);
            connect(m_run, &ClusterUpgradeRun::finished, this,
                    [this](bool ok, const QStringList &, const QString &summary) { finish(ok, summary); });
            setCancel([this] { m_run->cancel(); });
            m_run->start(jobWait);
        });
    });
}

} // namespace SlurmDeck::Ui
