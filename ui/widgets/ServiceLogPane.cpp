// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ServiceLogPane.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

ServiceLogPane::ServiceLogPane(QAction *show, QAction *follow, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_tail(new QSpinBox(this)), m_text(new QPlainTextEdit(this))
{
    m_title->setObjectName(QStringLiteral("logTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *tailLabel = new QLabel(tr("&Last lines:"), this);
    m_tail->setObjectName(QStringLiteral("logTail"));
    m_tail->setRange(1, 100000);
    m_tail->setValue(200);
    m_tail->setAccelerated(true);
    tailLabel->setBuddy(m_tail);

    auto *showButton = new QToolButton(this);
    showButton->setObjectName(QStringLiteral("showLogsButton"));
    showButton->setDefaultAction(show);
    auto *followButton = new QToolButton(this);
    followButton->setObjectName(QStringLiteral("followLogsButton"));
    followButton->setDefaultAction(follow);

    m_text->setObjectName(QStringLiteral("serviceLog"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(maxLines);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(
        tr("Select a service and press Show (Ctrl+L) for its last lines, or Follow (Ctrl+Shift+F) to keep "
           "reading new ones."));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(tailLabel);
    bar->addWidget(m_tail);
    bar->addWidget(showButton);
    bar->addWidget(followButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    setTitle(tr("Logs"));
}

int ServiceLogPane::tailLines() const
{
    return m_tail->value();
}

void ServiceLogPane::setTailLines(int lines)
{
    m_tail->setValue(lines);
}

void ServiceLogPane::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString ServiceLogPane::title() const
{
    return m_title->text();
}

void ServiceLogPane::setLines(const QStringList &lines)
{
    m_text->setPlainText(lines.join(u'\n'));
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

void ServiceLogPane::appendLines(const QStringList &lines)
{
    // Follow the end only when the reader is there; otherwise keep their place.
    QScrollBar *scroll = m_text->verticalScrollBar();
    const bool atEnd = scroll->value() >= scroll->maximum() - 2;
    for (const QString &line : lines)
        m_text->appendPlainText(line);
    if (atEnd)
        scroll->setValue(scroll->maximum());
}

void ServiceLogPane::clear()
{
    m_text->clear();
}

QString ServiceLogPane::text() const
{
    return m_text->toPlainText();
}

int ServiceLogPane::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->blockCount();
}

} // namespace SlurmDeck::Ui
