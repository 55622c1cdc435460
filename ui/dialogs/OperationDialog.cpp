// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/OperationDialog.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

OperationDialog::OperationDialog(const QString &title, const QString &status, QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(status, this))
    , m_progress(new QProgressBar(this))
    , m_log(new QPlainTextEdit(this))
    , m_button(new QPushButton(tr("Close"), this))
{
    setWindowTitle(title);
    m_status->setObjectName(QStringLiteral("operationStatus"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0); // busy: the steps report lines, not fractions
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (!m_finished && m_cancel) {
            m_button->setEnabled(false);
            setStatus(tr("Cancelling after the step under way…"));
            m_cancel();
        } else {
            close();
        }
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_button, 0, Qt::AlignRight);
    resize(760, 460);
}

QString OperationDialog::log() const
{
    return m_log->toPlainText();
}

QString OperationDialog::status() const
{
    return m_status->text();
}

void OperationDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void OperationDialog::append(const QString &host, const QString &line)
{
    m_log->appendPlainText(host.isEmpty() ? line : host + QStringLiteral(": ") + line);
}

void OperationDialog::setCancel(std::function<void()> cancel)
{
    m_cancel = std::move(cancel);
    m_button->setText(m_cancel && !m_finished ? tr("Cancel") : tr("Close"));
}

void OperationDialog::finish(bool ok, const QString &message)
{
    m_finished = true;
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_status->setText(message);
    m_button->setText(tr("Close"));
    m_button->setEnabled(true);
    if (ok)
        emit succeeded();
    else
        emit failed(message);
}

} // namespace SlurmDeck::Ui
