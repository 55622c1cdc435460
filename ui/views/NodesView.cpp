#include "views/NodesView.h"

#include "widgets/EmptyStatePanel.h"

namespace SlurmDeck::Ui {

NodesView::NodesView(QWidget *parent) : AreaView(Area::Nodes, parent)
{
    emptyState()->setHeadline(tr("No cluster running"));
    emptyState()->setExplanation(tr("Slurm nodes appear here once a cluster is deployed: state, CPUs, "
                                    "memory, GPUs and load, with drain and resume."));
}

} // namespace SlurmDeck::Ui
