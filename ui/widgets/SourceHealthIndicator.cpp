// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/SourceHealthIndicator.h"

#include "models/StateStyle.h"

#include <QHBoxLayout>
#include <QLabel>

namespace SlurmDeck::Ui {

SourceHealthIndicator::SourceHealthIndicator(QWidget *parent)
    : QWidget(parent)
    , m_ssh(new QLabel(this))
    , m_controller(new QLabel(this))
    , m_accounting(new QLabel(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("sourceHealth"));
    m_ssh->setObjectName(QStringLiteral("sourceHealth_ssh"));
    m_controller->setObjectName(QStringLiteral("sourceHealth_slurmctld"));
    m_accounting->setObjectName(QStringLiteral("sourceHealth_slurmdbd"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    for (QLabel *label : {m_ssh, m_controller, m_accounting}) {
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
    }
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SourceHealthIndicator::refresh);
    clear();
}

void SourceHealthIndicator::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

void SourceHealthIndicator::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_snapshot.nodes.clear(); // only the sources' health is kept
    m_snapshot.jobs.clear();
    m_snapshot.partitions.clear();
    m_hasSnapshot = true;
    if (!m_tick.isActive())
        m_tick.start();
    refresh();
}

void SourceHealthIndicator::clear()
{
    m_hasSnapshot = false;
    m_tick.stop();
    refresh();
}

QLabel *SourceHealthIndicator::label(const QString &source) const
{
    if (source == QLatin1StringView("ssh"))
        return m_ssh;
    if (source == QLatin1StringView("slurmctld"))
        return m_controller;
    if (source == QLatin1StringView("slurmdbd"))
        return m_accounting;
    return nullptr;
}

QString SourceHealthIndicator::formatAge(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 1)
        return tr("just now");
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

QString SourceHealthIndicator::text(const SourceHealth &source, const QDateTime &now)
{
    const qint64 age = source.ageMs(now);
    if (age < 0) {
        return source.lastAttempt.isValid() ? tr("%1: no answer yet").arg(source.name)
                                            : tr("%1: connecting…").arg(source.name);
    }
    return tr("%1: %2").arg(source.name, formatAge(std::max<qint64>(0, age)));
}

QString SourceHealthIndicator::toolTip(const SourceHealth &source, const QDateTime &now)
{
    const QString last = source.lastSuccess.isValid()
                             ? tr("Last answer at %1 (%2).")
                                   .arg(source.lastSuccess.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                        formatAge(std::max<qint64>(0, source.ageMs(now))))
                             : tr("It has not answered yet.");
    if (source.ok)
        return tr("%1 answers. %2").arg(source.name, last);
    const QString error = source.error.isEmpty() ? tr("no answer") : source.error;
    return tr("%1 is failing: %2\n%3 SlurmDeck keeps trying by itself.").arg(source.name, error, last);
}

void SourceHealthIndicator::refresh()
{
    if (!m_hasSnapshot) {
        m_ssh->setText(tr("Not monitoring a cluster"));
        m_ssh->setToolTip(tr("Open a deployed cluster's file in Hosts, then show Nodes or Jobs."));
        m_ssh->setStyleSheet({});
        m_controller->hide();
        m_accounting->hide();
        return;
    }
    const QDateTime now = m_clock();
    const QString red = StateStyle::stateForeground(StateStyle::Category::Bad, StateStyle::darkPalette())
                            .value<QColor>()
                            .name();
    const auto show = [&](QLabel *label, const SourceHealth &source) {
        label->setText(text(source, now));
        label->setToolTip(toolTip(source, now));
        const bool failing = !source.ok && source.lastAttempt.isValid();
        label->setStyleSheet(failing ? QStringLiteral("color: %1; font-weight: bold;").arg(red) : QString());
        label->setProperty("failing", failing);
        label->show();
    };
    show(m_ssh, m_snapshot.ssh);
    show(m_controller, m_snapshot.controller);
    show(m_accounting, m_snapshot.accounting);
}

} // namespace SlurmDeck::Ui
