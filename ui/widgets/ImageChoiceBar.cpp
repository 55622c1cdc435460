// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ImageChoiceBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace SlurmDeck::Ui {

ImageChoiceBar::ImageChoiceBar(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_host(new QComboBox(this))
    , m_baseLabel(new QLabel(tr("&Base image:"), this))
    , m_base(new QLineEdit(this))
    , m_slurmBaseLabel(new QLabel(tr("Sl&urm base image:"), this))
    , m_slurmBase(new QLineEdit(this))
{
    setObjectName(QStringLiteral("imageChoice"));
    m_mode->setObjectName(QStringLiteral("imageSourceCombo"));
    const auto addMode = [this](const QString &text, ImageSource source, const QString &tip) {
        m_mode->addItem(text, static_cast<int>(source));
        m_mode->setItemData(m_mode->count() - 1, tip, Qt::ToolTipRole);
    };
    addMode(tr("Build on each host"), ImageSource::BuildOnHost,
            tr("Each host builds the images with docker build from the base image. A base image the host has "
               "is used as it is; an image of the same content is not built again."));
    addMode(tr("Already on the hosts"), ImageSource::AlreadyOnHost,
            tr("The hosts have the images: they are checked, nothing is built or sent."));
    addMode(tr("Send from this machine"), ImageSource::TransferFromHere,
            tr("For hosts without internet access: this machine's images go over SSH (docker save, docker "
               "load) to the hosts that lack them."));
    addMode(tr("Copy from a host"), ImageSource::TransferFromHost,
            tr("The images of the chosen host go, through this machine, to the hosts that lack them."));
    auto *label = new QLabel(tr("&Images:"), this);
    label->setBuddy(m_mode);

    m_host->setObjectName(QStringLiteral("imageHostCombo"));
    m_host->setToolTip(tr("The host of the cluster whose images are copied"));

    m_base->setObjectName(QStringLiteral("baseImageEdit"));
    m_base->setPlaceholderText(DeployOptions().baseImage);
    m_base->setToolTip(tr("The base image the hosts build from (build argument BASE_IMAGE). Hosts without "
                          "internet access need one imported there, e.g. a debootstrap of Debian bookworm."));
    m_baseLabel->setBuddy(m_base);
    m_slurmBase->setObjectName(QStringLiteral("slurmBaseImageEdit"));
    m_slurmBase->setPlaceholderText(tr("the Slurm release's Debian"));
    m_slurmBase->setToolTip(
        tr("The base of the Slurm image, where it differs: empty, the Debian of the "
           "cluster's Slurm release (debian:trixie for 24.11) while the base image is the "
           "default, else the base image. Hosts without internet access need one imported."));
    m_slurmBaseLabel->setBuddy(m_slurmBase);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_mode);
    layout->addWidget(m_host);
    layout->addWidget(m_baseLabel);
    layout->addWidget(m_base);
    layout->addWidget(m_slurmBaseLabel);
    layout->addWidget(m_slurmBase);
    layout->addStretch(1);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ImageChoiceBar::showMode);
    showMode();
}

void ImageChoiceBar::showMode()
{
    const auto source = static_cast<ImageSource>(m_mode->currentData().toInt());
    m_host->setVisible(source == ImageSource::TransferFromHost);
    m_baseLabel->setVisible(source == ImageSource::BuildOnHost);
    m_base->setVisible(source == ImageSource::BuildOnHost);
    m_slurmBaseLabel->setVisible(source == ImageSource::BuildOnHost);
    m_slurmBase->setVisible(source == ImageSource::BuildOnHost);
}

void ImageChoiceBar::setHosts(const QStringList &hosts)
{
    const QString wanted = m_host->currentText().isEmpty() ? m_wantedHost : m_host->currentText();
    QStringList shown;
    for (int i = 0; i < m_host->count(); ++i)
        shown << m_host->itemText(i);
    if (shown != hosts) {
        m_host->clear();
        m_host->addItems(hosts);
    }
    if (hosts.contains(wanted)) {
        m_host->setCurrentText(wanted);
        m_wantedHost.clear();
    }
}

void ImageChoiceBar::setChoice(const DeployOptions &options)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(static_cast<int>(options.images))));
    m_base->setText(options.baseImage == DeployOptions().baseImage ? QString() : options.baseImage);
    m_slurmBase->setText(options.slurmBaseImage);
    m_wantedHost = options.imageHost;
    QStringList hosts;
    for (int i = 0; i < m_host->count(); ++i)
        hosts << m_host->itemText(i);
    m_host->setCurrentIndex(-1);
    setHosts(hosts);
}

void ImageChoiceBar::applyTo(DeployOptions &options) const
{
    options.images = static_cast<ImageSource>(m_mode->currentData().toInt());
    options.imageHost = options.images == ImageSource::TransferFromHost ? m_host->currentText() : QString();
    const QString base = m_base->text().trimmed();
    options.baseImage = base.isEmpty() ? DeployOptions().baseImage : base;
    options.slurmBaseImage = m_slurmBase->text().trimmed();
}

} // namespace SlurmDeck::Ui
