// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterNotifier.h"

#include <QApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QtConcurrent>

#include <utility>

namespace SlurmDeck::Ui {

ClusterNotifier::ClusterNotifier(QObject *parent) : QObject(parent)
{}

ClusterNotifier::~ClusterNotifier() = default;

bool ClusterNotifier::trayAvailable() const
{
    return m_trayEnabled && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void ClusterNotifier::setTrayEnabled(bool enabled)
{
    m_trayEnabled = enabled;
    if (!enabled && m_tray)
        m_tray->hide();
}

void ClusterNotifier::reset()
{
    m_lastFresh = {};
    m_next.reset();
    m_hasFresh = false;
    m_comparing = false;
    ++m_generation;
}

void ClusterNotifier::setSnapshot(const ClusterSnapshot &snapshot)
{
    if (snapshot.isStale() || !snapshot.takenAt.isValid())
        return; // compare the next fresh one with the last fresh one
    ClusterSnapshot fresh = snapshot;
    fresh.partitions.clear();
    if (!m_hasFresh) {
        m_lastFresh = std::move(fresh);
        m_hasFresh = true;
        return;
    }
    m_next = std::move(fresh); // a newer one replaces one still waiting: it is compared to the same base
    if (!m_comparing)
        compareNext();
}

void ClusterNotifier::compareNext()
{
    if (!m_next) {
        m_comparing = false;
        return;
    }
    m_comparing = true;
    // The old snapshot goes with the comparison, so its last reference (10,000 jobs to free
    // on a big cluster) is dropped on the pool thread too.
    ClusterSnapshot before = std::exchange(m_lastFresh, std::move(*m_next));
    m_next.reset();
    const ClusterSnapshot after = m_lastFresh; // implicitly shared: no deep copy
    auto *watcher = new QFutureWatcher<QList<SnapshotEvent>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = m_generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // reset() in between: those events belong to the old cluster
        for (const SnapshotEvent &event : watcher->result())
            show(event);
        compareNext();
    });
    watcher->setFuture(QtConcurrent::run(
        [before, after, user = m_user] { return SnapshotChanges::between(before, after, user); }));
}

void ClusterNotifier::show(const SnapshotEvent &event)
{
    const QString line = tr("%1 %2: %3")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")),
                                  event.title(), event.message());
    m_log << line;
    while (m_log.size() > maxLogLines)
        m_log.removeFirst();
    if (trayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon().isNull()
                                             ? QApplication::style()->standardIcon(QStyle::SP_ComputerIcon)
                                             : QApplication::windowIcon(),
                                         this);
            m_tray->setToolTip(tr("SlurmDeck"));
        }
        m_tray->show();
        const bool bad =
            event.kind == SnapshotEvent::Kind::JobFailed || event.kind == SnapshotEvent::Kind::NodeDown;
        m_tray->showMessage(event.title(), event.message(),
                            bad ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    }
    emit notified(event, line);
}

} // namespace SlurmDeck::Ui
