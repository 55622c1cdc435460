// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QFrame>
#include <QTimer>

#include <functional>

class QLabel;

namespace SlurmDeck::Ui {

// A line above a live table while its snapshot is stale: since when, how long ago, what
// failed, and that the rows below are the last known state. Hidden while fresh.
class StaleBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaleBanner)

public:
    explicit StaleBanner(QWidget *parent = nullptr);

    void setSnapshot(const ClusterSnapshot &snapshot);
    // Nothing monitored: hidden.
    void clear();
    void setClock(std::function<QDateTime()> clock);
    [[nodiscard]] QString text() const;

    // Empty for a fresh snapshot.
    [[nodiscard]] static QString textFor(const ClusterSnapshot &snapshot, const QDateTime &now);

private:
    void refresh();

    QLabel *m_label;
    QTimer m_tick;
    bool m_stale = false;
    ClusterSnapshot m_snapshot;
    std::function<QDateTime()> m_clock;
};

} // namespace SlurmDeck::Ui
