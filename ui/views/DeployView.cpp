#include "views/DeployView.h"

#include "widgets/EmptyStatePanel.h"

namespace SlurmDeck::Ui {

DeployView::DeployView(QWidget *parent) : AreaView(Area::Deploy, parent)
{
    emptyState()->setHeadline(tr("Nothing to deploy yet"));
    emptyState()->setExplanation(
        tr("Once the hosts are known, SlurmDeck plans the cluster: roles, slurm.conf, compose files. Preview "
           "and diff every file here, then deploy with per-host progress."));
}

} // namespace SlurmDeck::Ui
