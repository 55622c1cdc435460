// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/SnapshotChanges.h"

#include <QObject>
#include <QStringList>

#include <optional>

class QSystemTrayIcon;

namespace SlurmDeck::Ui {

// Tells the user what changed between polls that matters to them (SnapshotChanges: their
// jobs ending, nodes going down or drained or coming back): a desktop notification through
// the system tray where there is one, and always a line in the log and `notified`, which
// the window shows in its status bar. Compares each fresh snapshot with the last fresh one,
// so an outage in between neither loses nor repeats events. The comparison (10,000 jobs on
// a big cluster) runs on a pool thread, one at a time and in order; the events come back
// to this thread.
class ClusterNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterNotifier)

public:
    explicit ClusterNotifier(QObject *parent = nullptr);
    ~ClusterNotifier() override;

    // Whose jobs count (empty: everyone's).
    void setUser(const QString &user) { m_user = user; }
    [[nodiscard]] QString user() const { return m_user; }
    // Desktop notifications on or off (they are on where a system tray exists).
    void setTrayEnabled(bool enabled);
    [[nodiscard]] bool trayAvailable() const;

    void setSnapshot(const ClusterSnapshot &snapshot);
    // Forget the last snapshot (another cluster was opened); a comparison in flight is dropped.
    void reset();
    // A comparison is running or waiting (its events are not out yet).
    [[nodiscard]] bool isComparing() const { return m_comparing; }

    // The latest lines, oldest first (at most maxLogLines).
    [[nodiscard]] const QStringList &log() const { return m_log; }
    static constexpr int maxLogLines = 200;

signals:
    void notified(const SlurmDeck::SnapshotEvent &event, const QString &line);

private:
    void show(const SnapshotEvent &event);
    void compareNext();

    QString m_user;
    ClusterSnapshot m_lastFresh;
    std::optional<ClusterSnapshot> m_next; // fresh, waiting for the running comparison
    bool m_hasFresh = false;
    bool m_comparing = false;
    quint64 m_generation = 0; // reset() drops comparisons started before it
    bool m_trayEnabled = true;
    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_log;
};

} // namespace SlurmDeck::Ui
