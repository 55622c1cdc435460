#pragma once

#include "views/AreaView.h"

namespace SlurmDeck::Ui {

// Live Slurm node state and node actions.
class NodesView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesView)

public:
    explicit NodesView(QWidget *parent = nullptr);
};

} // namespace SlurmDeck::Ui
