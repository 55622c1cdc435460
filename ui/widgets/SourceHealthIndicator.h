// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/SlurmTypes.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;

namespace SlurmDeck::Ui {

// The status bar's view of the live sources: "ssh: 2 s ago  slurmctld: 2 s ago
// slurmdbd: 40 s ago", each source red while it fails, with the error and the time of its
// last answer in the tooltip. Ages tick every second between snapshots.
class SourceHealthIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceHealthIndicator)

public:
    explicit SourceHealthIndicator(QWidget *parent = nullptr);

    void setSnapshot(const ClusterSnapshot &snapshot);
    // Back to "not monitoring" (no cluster open, or the monitor stopped).
    void clear();
    // Where "now" comes from (tests fix it).
    void setClock(std::function<QDateTime()> clock);

    // The label of source "ssh", "slurmctld" or "slurmdbd".
    [[nodiscard]] QLabel *label(const QString &source) const;

    // "slurmctld: 12 s ago", "slurmdbd: no answer yet".
    [[nodiscard]] static QString text(const SourceHealth &source, const QDateTime &now);
    [[nodiscard]] static QString toolTip(const SourceHealth &source, const QDateTime &now);
    // "just now", "12 s ago", "4 min ago", "3 h ago", "2 d ago"
    [[nodiscard]] static QString formatAge(qint64 milliseconds);

private:
    void refresh();

    QLabel *m_ssh;
    QLabel *m_controller;
    QLabel *m_accounting;
    ClusterSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    QTimer m_tick;
    std::function<QDateTime()> m_clock;
};

} // namespace SlurmDeck::Ui
