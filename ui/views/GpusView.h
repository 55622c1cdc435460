// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/GpuUsage.h"
#include "metrics/GpuUsageSource.h"
#include "slurm/SlurmTypes.h"
#include "views/AreaView.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QTableView;

namespace SlurmDeck::Ui {

class GpusFilterProxy;
class GpusModel;
class StaleBanner;

// Per-GPU usage across hosts: model, utilisation and memory (as bars), temperature, power,
// and the Slurm job and user holding each GPU. Fed GPU snapshots by a GpuUsageSource (the
// GPU exporter in Prometheus, else nvidia-smi over SSH) and Slurm snapshots for the job
// mapping. The table is diffed (selection and scroll survive); while the GPU source fails,
// the last rows stay under a "stale since" banner. The source polls only while the view is
// shown.
class GpusView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpusView)

public:
    explicit GpusView(QWidget *parent = nullptr);
    ~GpusView() override;

    // Where the GPUs come from (taken over; the previous one is deleted; null: none). It polls
    // while the view is visible.
    void setSource(SlurmDeck::GpuUsageSource *source);
    [[nodiscard]] SlurmDeck::GpuUsageSource *source() const { return m_source; }

    void setGpuSnapshot(const SlurmDeck::GpuSnapshot &snapshot);
    void setClusterSnapshot(const SlurmDeck::ClusterSnapshot &snapshot);
    // No cluster is monitored any more: rows cleared, the empty state explains.
    void clearCluster(const QString &why = {});

    [[nodiscard]] GpusModel *model() const { return m_model; }
    [[nodiscard]] GpusFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] StaleBanner *staleBanner() const { return m_banner; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QString summary() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void rebuild();
    void updateSummary();
    void updateEmptyState();

    QPointer<SlurmDeck::GpuUsageSource> m_source;
    GpusModel *m_model;
    GpusFilterProxy *m_proxy;
    QTableView *m_table;
    StaleBanner *m_banner;
    QLineEdit *m_filter;
    QLabel *m_summary;
    SlurmDeck::GpuSnapshot m_gpus;
    SlurmDeck::ClusterSnapshot m_cluster;
    bool m_answered = false; // the source answered at least once
};

} // namespace SlurmDeck::Ui
