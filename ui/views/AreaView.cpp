// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/AreaView.h"

#include "widgets/EmptyStatePanel.h"

#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

AreaView::AreaView(Area area, QWidget *parent)
    : QWidget(parent)
    , m_area(area)
    , m_headerLayout(new QVBoxLayout)
    , m_stack(new QStackedLayout)
    , m_emptyState(new EmptyStatePanel(this))
{
    setObjectName(areaId(area) + QStringLiteral("View"));

    auto *title = new QLabel(areaTitle(area), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setObjectName(QStringLiteral("areaTitle"));

    m_stack->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(m_headerLayout);
    layout->addLayout(m_stack, 1);
}

void AreaView::setContent(QWidget *content)
{
    if (m_content) {
        m_stack->removeWidget(m_content);
        m_content->deleteLater();
    }
    m_content = content;
    m_stack->addWidget(content);
}

void AreaView::showContent(bool show)
{
    m_stack->setCurrentWidget(show && m_content ? m_content : m_emptyState);
}

} // namespace SlurmDeck::Ui
