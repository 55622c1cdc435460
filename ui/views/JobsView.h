#pragma once

#include "views/AreaView.h"

namespace SlurmDeck::Ui {

// The job queue and history, and job actions.
class JobsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsView)

public:
    explicit JobsView(QWidget *parent = nullptr);
};

} // namespace SlurmDeck::Ui
