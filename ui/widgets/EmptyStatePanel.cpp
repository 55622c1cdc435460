// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/EmptyStatePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

EmptyStatePanel::EmptyStatePanel(QWidget *parent)
    : QWidget(parent), m_headline(new QLabel(this)), m_explanation(new QLabel(this))
{
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.3);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setAlignment(Qt::AlignCenter);
    m_headline->setObjectName(QStringLiteral("emptyStateHeadline"));

    m_explanation->setAlignment(Qt::AlignCenter);
    m_explanation->setWordWrap(true);
    m_explanation->setMaximumWidth(560);
    m_explanation->setObjectName(QStringLiteral("emptyStateExplanation"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_headline, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    // Centred by stretches, not by an alignment flag: an aligned word-wrapped label is laid
    // out at its narrowest width and its text gets clipped.
    auto *explanationRow = new QHBoxLayout;
    explanationRow->addStretch(1);
    explanationRow->addWidget(m_explanation, 100);
    explanationRow->addStretch(1);
    layout->addLayout(explanationRow);
    layout->addStretch(2);
}

void EmptyStatePanel::setHeadline(const QString &headline)
{
    m_headline->setText(headline);
}

void EmptyStatePanel::setExplanation(const QString &explanation)
{
    m_explanation->setText(explanation);
}

QString EmptyStatePanel::headline() const
{
    return m_headline->text();
}

QString EmptyStatePanel::explanation() const
{
    return m_explanation->text();
}

} // namespace SlurmDeck::Ui
