#include "views/JobsView.h"

#include "widgets/EmptyStatePanel.h"

namespace SlurmDeck::Ui {

JobsView::JobsView(QWidget *parent) : AreaView(Area::Jobs, parent)
{
    emptyState()->setHeadline(tr("No jobs to show"));
    emptyState()->setExplanation(tr("The job queue and history of the running cluster appear here. Submit a "
                                    "job, follow it, cancel, hold or requeue it."));
}

} // namespace SlurmDeck::Ui
