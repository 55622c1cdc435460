#include "views/HostsView.h"

#include "widgets/EmptyStatePanel.h"

namespace SlurmDeck::Ui {

HostsView::HostsView(QWidget *parent) : AreaView(Area::Hosts, parent)
{
    emptyState()->setHeadline(tr("No machines yet"));
    emptyState()->setExplanation(
        tr("Add machines by address or ~/.ssh/config alias, or scan a subnet. SlurmDeck fingerprints each "
           "one over SSH: platform, CPUs, memory, GPUs and Docker."));
}

} // namespace SlurmDeck::Ui
