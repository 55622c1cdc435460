// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/StaleBanner.h"

#include "models/StateStyle.h"
#include "widgets/SourceHealthIndicator.h"

#include <QHBoxLayout>
#include <QLabel>

namespace SlurmDeck::Ui {

StaleBanner::StaleBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("staleBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window,
                    StateStyle::rowBackground(StateStyle::Category::Warning).value<QColor>());
    setPalette(tinted);
    m_label->setObjectName(QStringLiteral("staleBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StaleBanner::refresh);
    hide();
}

void StaleBanner::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

void StaleBanner::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_snapshot.nodes.clear();
    m_snapshot.jobs.clear();
    m_snapshot.partitions.clear();
    m_stale = snapshot.isStale();
    if (m_stale && !m_tick.isActive())
        m_tick.start();
    else if (!m_stale)
        m_tick.stop();
    refresh();
}

void StaleBanner::clear()
{
    m_snapshot = {};
    m_stale = false;
    m_tick.stop();
    refresh();
}

QString StaleBanner::text() const
{
    return m_label->text();
}

QString StaleBanner::textFor(const ClusterSnapshot &snapshot, const QDateTime &now)
{
    if (!snapshot.isStale())
        return {};
    const SourceHealth &failing = !snapshot.ssh.ok ? snapshot.ssh : snapshot.controller;
    const QString error =
        failing.error.isEmpty() ? tr("%1 does not answer.").arg(failing.name) : failing.error;
    if (!snapshot.takenAt.isValid()) {
        return tr("Cannot reach the cluster yet (%1): %2 SlurmDeck keeps trying.").arg(failing.name, error);
    }
    const qint64 age = std::max<qint64>(0, snapshot.takenAt.msecsTo(now));
    return tr("Stale since %1 (%2): %3: %4 Showing the last known state; SlurmDeck keeps trying.")
        .arg(snapshot.takenAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             SourceHealthIndicator::formatAge(age), failing.name, error);
}

void StaleBanner::refresh()
{
    const QString text = m_stale ? textFor(m_snapshot, m_clock()) : QString();
    m_label->setText(text);
    setVisible(m_stale);
}

} // namespace SlurmDeck::Ui
