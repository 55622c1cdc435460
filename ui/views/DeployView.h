#pragma once

#include "views/AreaView.h"

namespace SlurmDeck::Ui {

// Plan, preview and run a deploy, host by host.
class DeployView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployView)

public:
    explicit DeployView(QWidget *parent = nullptr);
};

} // namespace SlurmDeck::Ui
