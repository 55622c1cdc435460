#pragma once

#include "views/AreaView.h"

namespace SlurmDeck::Ui {

// The machines of the cluster: how they are reached and what they are.
class HostsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsView)

public:
    explicit HostsView(QWidget *parent = nullptr);
};

} // namespace SlurmDeck::Ui
