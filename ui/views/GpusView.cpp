#include "views/GpusView.h"

#include "widgets/EmptyStatePanel.h"

namespace SlurmDeck::Ui {

GpusView::GpusView(QWidget *parent) : AreaView(Area::Gpus, parent)
{
    emptyState()->setHeadline(tr("No GPUs seen"));
    emptyState()->setExplanation(tr("GPUs of the cluster's hosts appear here with their utilisation, memory, "
                                    "temperature and power, and the job that holds each one."));
}

} // namespace SlurmDeck::Ui
