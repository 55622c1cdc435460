// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace SlurmDeck::Ui {

// Product name, version, what it does, and the versions of the libraries it runs with.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    [[nodiscard]] QString versionText() const;
};

} // namespace SlurmDeck::Ui
