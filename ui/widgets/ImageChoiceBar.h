// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace SlurmDeck::Ui {

// How the images reach the hosts of a deploy, as `slurmdeck-cli deploy --images` chooses
// it: built on each host (the default, from a base image), already there, sent from this
// machine, or copied from a host picked next to it.
class ImageChoiceBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageChoiceBar)

public:
    explicit ImageChoiceBar(QWidget *parent = nullptr);

    // The cluster's hosts, to copy from. A chosen host stays chosen while it is one of them.
    void setHosts(const QStringList &hosts);
    // Shows the image mode, source host and base image of `options`.
    void setChoice(const DeployOptions &options);
    // Writes the choice shown into `options`.
    void applyTo(DeployOptions &options) const;

private:
    void showMode();

    QComboBox *m_mode;
    QComboBox *m_host;
    QLabel *m_baseLabel;
    QLineEdit *m_base;
    QLabel *m_slurmBaseLabel;
    QLineEdit *m_slurmBase; // DeployOptions::slurmBaseImage
    QString m_wantedHost;   // from setChoice, until setHosts lists it
};

} // namespace SlurmDeck::Ui
