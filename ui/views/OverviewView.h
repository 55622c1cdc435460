// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/Finding.h"
#include "slurm/ClusterOverview.h"
#include "slurm/SlurmTypes.h"
#include "views/AreaView.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

class QLabel;
class QListWidget;
class QProgressBar;
class QTableView;

namespace SlurmDeck {
class PrometheusClient;
}

namespace SlurmDeck::Ui {

class PartitionCountsModel;
class Sparkline;

// The open cluster at a glance, first in the sidebar: nodes by state and partition, CPUs,
// memory and GPUs allocated against the total (gauges), jobs running and pending with the
// user's own highlighted, CPU and GPU use over the last hour (from the cluster's
// Prometheus), each source's health and age, what needs someone to act (down or drained
// nodes with Slurm's reason, stopped services) and the last 20 events. Every item links to
// the view that shows it (areaRequested). A poll costs one linear pass over the snapshot
// (ClusterOverviews::summarize) and a few widgets: well within a frame at 1,000 nodes and
// 10,000 jobs.
class OverviewView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewView)

public:
    explicit OverviewView(QWidget *parent = nullptr);
    ~OverviewView() override;

    // A poll of the monitored cluster; `user`: whose jobs are "yours".
    void setSnapshot(const SlurmDeck::ClusterSnapshot &snapshot, const QString &user);
    // What the doctor found (the Problems view's list): stopped services are listed here.
    void setFindings(const QList<SlurmDeck::Finding> &findings);
    // Something that happened, newest first; at most maxEvents are kept.
    void addEvent(const QString &text, Area area, const QDateTime &when = QDateTime::currentDateTime());
    // The cluster's Prometheus (not owned; null: none) for the last hour's CPU and GPU use,
    // asked now and every minute while the view is shown.
    void setMetricsSource(SlurmDeck::PrometheusClient *client);
    void refreshUtilisation();
    // No cluster is monitored any more: the empty state says `why`.
    void clearCluster(const QString &why = {});

    static constexpr int maxEvents = 20;

    [[nodiscard]] const SlurmDeck::ClusterOverview &overview() const { return m_overview; }
    [[nodiscard]] PartitionCountsModel *partitionModel() const { return m_partitions; }
    [[nodiscard]] QProgressBar *cpuGauge() const { return m_cpus; }
    [[nodiscard]] QProgressBar *memoryGauge() const { return m_memory; }
    [[nodiscard]] QProgressBar *gpuGauge() const { return m_gpus; }
    [[nodiscard]] QLabel *jobsLabel() const { return m_jobs; }
    [[nodiscard]] QLabel *sourcesLabel() const { return m_sources; }
    [[nodiscard]] QListWidget *attentionList() const { return m_attention; }
    [[nodiscard]] QListWidget *eventList() const { return m_events; }
    [[nodiscard]] Sparkline *cpuSparkline() const { return m_cpuLine; }
    [[nodiscard]] Sparkline *gpuSparkline() const { return m_gpuLine; }

    // The role of a list item's Area (as int): where activating it goes.
    static constexpr int AreaRole = Qt::UserRole + 1;

signals:
    void areaRequested(SlurmDeck::Ui::Area area);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createContent();
    void updateGauges();
    void updateJobs(const QString &user);
    void updateSources();
    void rebuildAttention();

    SlurmDeck::ClusterOverview m_overview;
    SlurmDeck::ClusterSnapshot m_sourceState; // only the sources' health is kept
    QList<SlurmDeck::Finding> m_findings;
    QStringList m_attentionShown;
    PartitionCountsModel *m_partitions;
    QTableView *m_partitionTable = nullptr;
    QProgressBar *m_cpus = nullptr;
    QProgressBar *m_memory = nullptr;
    QProgressBar *m_gpus = nullptr;
    QLabel *m_jobs = nullptr;
    QLabel *m_sources = nullptr;
    QListWidget *m_attention = nullptr;
    QListWidget *m_events = nullptr;
    Sparkline *m_cpuLine = nullptr;
    Sparkline *m_gpuLine = nullptr;
    QPointer<SlurmDeck::PrometheusClient> m_client;
    QTimer m_utilisationPoll;
    quint64 m_generation = 0; // answers to older utilisation requests are dropped
    bool m_hasSnapshot = false;
};

} // namespace SlurmDeck::Ui
