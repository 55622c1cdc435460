// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ServiceLogPane.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

ServiceLogPane::ServiceLogPane(QAction *show, QAction *follow, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tail(new QSpinBox(this))
    , m_filter(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
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

    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Show lines containing…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Only the log lines containing this text (any case), also while following"));
    connect(m_filter, &QLineEdit::textChanged, this, &ServiceLogPane::showFiltered);

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
    bar->addWidget(m_filter);
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

void ServiceLogPane::setFilter(const QString &text)
{
    m_filter->setText(text);
}

QString ServiceLogPane::filter() const
{
    return m_filter->text();
}

bool ServiceLogPane::passes(const QString &line) const
{
    return line.contains(m_filter->text(), Qt::CaseInsensitive);
}

void ServiceLogPane::showFiltered()
{
    QStringList shown;
    for (const QString &line : std::as_const(m_lines)) {
        if (passes(line))
            shown << line;
    }
    m_text->setPlainText(shown.join(u'\n'));
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

void ServiceLogPane::setLines(const QStringList &lines)
{
    m_lines = lines.mid(std::max<qsizetype>(0, lines.size() - maxLines));
    showFiltered();
}

void ServiceLogPane::appendLines(const QStringList &lines)
{
    m_lines << lines;
    if (m_lines.size() > maxLines)
        m_lines.remove(0, m_lines.size() - maxLines);
    // Follow the end only when the reader is there; otherwise keep their place.
    QScrollBar *scroll = m_text->verticalScrollBar();
    const bool atEnd = scroll->value() >= scroll->maximum() - 2;
    for (const QString &line : lines) {
        if (passes(line))
            m_text->appendPlainText(line);
    }
    if (atEnd)
        scroll->setValue(scroll->maximum());
}

void ServiceLogPane::clear()
{
    m_lines.clear();
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
