// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/DeployLogPane.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

DeployLogPane::DeployLogPane(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QComboBox(this))
    , m_save(new QPushButton(tr("Save log…"), this))
    , m_status(new QLabel(this))
    , m_view(new QPlainTextEdit(this))
{
    m_filter->setObjectName(QStringLiteral("deployLogHost"));
    m_filter->setToolTip(tr("Show the lines of one host, or of all"));
    m_filter->addItem(tr("All hosts"), QString());
    m_save->setObjectName(QStringLiteral("saveDeployLog"));
    m_save->setToolTip(tr("Save the lines shown to a file"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("deployLog"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setMaximumBlockCount(maxLines);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("What each host does during a deploy appears here."));
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &DeployLogPane::flush);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DeployLogPane::rebuild);
    connect(m_save, &QPushButton::clicked, this, &DeployLogPane::chooseFile);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Log of"), this);
    label->setBuddy(m_filter);
    bar->addWidget(label);
    bar->addWidget(m_filter);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

DeployLogPane::~DeployLogPane() = default;

void DeployLogPane::setHosts(const QStringList &hosts)
{
    const QString current = hostFilter();
    const QSignalBlocker blocker(m_filter);
    while (m_filter->count() > 1)
        m_filter->removeItem(1);
    for (const QString &host : hosts)
        m_filter->addItem(host, host);
    const int index = m_filter->findData(current);
    m_filter->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        rebuild();
}

void DeployLogPane::append(const QString &host, const QString &line)
{
    const QStringList parts = line.split(u'\n');
    for (const QString &part : parts) {
        if (!part.isEmpty() || parts.size() == 1)
            m_lines.append(Line{host, part});
    }
    if (m_lines.size() > maxLines) {
        const qsizetype dropped = m_lines.size() - maxLines;
        m_lines.remove(0, dropped);
        m_shown = std::max<qsizetype>(0, m_shown - dropped);
    }
    // Hosts print in bursts (image loads, compose output): appending them one by one
    // re-lays out the log for each line and held the event loop for tens of ms.
    if (!m_flush.isActive())
        m_flush.start();
}

void DeployLogPane::clear()
{
    m_flush.stop();
    m_lines.clear();
    m_shown = 0;
    m_view->clear();
    m_status->clear();
}

void DeployLogPane::setHostFilter(const QString &host)
{
    const int index = m_filter->findData(host);
    m_filter->setCurrentIndex(index < 0 ? 0 : index);
}

QString DeployLogPane::hostFilter() const
{
    return m_filter->currentData().toString();
}

bool DeployLogPane::shows(const Line &line) const
{
    const QString host = hostFilter();
    return host.isEmpty() || line.host == host;
}

QString DeployLogPane::format(const Line &line)
{
    return tr("%1: %2").arg(line.host.isEmpty() ? tr("local") : line.host, line.text);
}

QString DeployLogPane::text() const
{
    QStringList all;
    all.reserve(m_lines.size());
    for (const Line &line : m_lines)
        all << format(line);
    return all.join(u'\n');
}

QString DeployLogPane::shownText() const
{
    QStringList shown;
    for (const Line &line : m_lines) {
        if (shows(line))
            shown << format(line);
    }
    return shown.join(u'\n');
}

void DeployLogPane::flush()
{
    m_flush.stop();
    QStringList fresh;
    for (qsizetype i = m_shown; i < m_lines.size(); ++i) {
        if (shows(m_lines.at(i)))
            fresh << format(m_lines.at(i));
    }
    m_shown = m_lines.size();
    if (!fresh.isEmpty())
        m_view->appendPlainText(fresh.join(u'\n'));
}

void DeployLogPane::rebuild()
{
    m_view->clear();
    m_shown = 0;
    flush();
}

Result<void> DeployLogPane::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Io, tr("Cannot write %1; choose another place.").arg(path),
                         file.errorString());
    file.write((shownText() + u'\n').toUtf8());
    if (!file.commit())
        return makeError(Error::Code::Io, tr("Writing %1 failed; check the free space.").arg(path),
                         file.errorString());
    return {};
}

void DeployLogPane::chooseFile()
{
    const QString host = hostFilter();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the deploy log"),
        host.isEmpty() ? QStringLiteral("deploy.log") : QStringLiteral("deploy-%1.log").arg(host),
        tr("Log files (*.log);;All files (*)"));
    if (path.isEmpty())
        return;
    const Result<void> saved = save(path);
    m_status->setText(saved ? tr("Saved to %1").arg(path) : saved.error().message);
}

} // namespace SlurmDeck::Ui
