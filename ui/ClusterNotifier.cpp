#include "ClusterNotifier.h"

#include <QApplication>
#include <QDateTime>
#include <QStyle>
#include <QSystemTrayIcon>

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
    m_hasFresh = false;
}

void ClusterNotifier::setSnapshot(const ClusterSnapshot &snapshot)
{
    if (snapshot.isStale() || !snapshot.takenAt.isValid())
        return; // compare the next fresh one with the last fresh one
    if (m_hasFresh) {
        for (const SnapshotEvent &event : SnapshotChanges::between(m_lastFresh, snapshot, m_user))
            show(event);
    }
    m_lastFresh = snapshot;
    m_lastFresh.partitions.clear();
    m_hasFresh = true;
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
