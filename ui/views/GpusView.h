#pragma once

#include "views/AreaView.h"

namespace SlurmDeck::Ui {

// Per-GPU usage across hosts.
class GpusView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpusView)

public:
    explicit GpusView(QWidget *parent = nullptr);
};

} // namespace SlurmDeck::Ui
