// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/GpusView.h"

#include "metrics/GpuUsageSource.h"
#include "models/GpusModel.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/ProgressBarDelegate.h"
#include "widgets/StaleBanner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString sourceName(GpuSnapshot::Source source)
{
    switch (source) {
    case GpuSnapshot::Source::Prometheus:
        return GpusView::tr("the GPU exporter (Prometheus)");
    case GpuSnapshot::Source::NvidiaSmi:
        return GpusView::tr("nvidia-smi over SSH");
    case GpuSnapshot::Source::None:
        break;
    }
    return {};
}

// StaleBanner speaks of a ClusterSnapshot: the GPU source's health stands in for its SSH part.
ClusterSnapshot bannerSnapshot(const GpuSnapshot &gpus)
{
    ClusterSnapshot s;
    s.takenAt = gpus.takenAt;
    s.ssh = gpus.health;
    s.ssh.name = gpus.source == GpuSnapshot::Source::NvidiaSmi    ? QStringLiteral("nvidia-smi")
                 : gpus.source == GpuSnapshot::Source::Prometheus ? QStringLiteral("prometheus")
                                                                  : QStringLiteral("gpus");
    s.controller.ok = true;
    return s;
}

} // namespace

GpusView::GpusView(QWidget *parent)
    : AreaView(Area::Gpus, parent)
    , m_model(new GpusModel(this))
    , m_proxy(new GpusFilterProxy(m_model, this))
    , m_table(new QTableView(this))
    , m_banner(new StaleBanner(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("gpusTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GpusModel::HostColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *bars = new ProgressBarDelegate(GpusModel::PercentRole, m_table);
    m_table->setItemDelegateForColumn(GpusModel::UtilizationColumn, bars);
    m_table->setItemDelegateForColumn(GpusModel::MemoryColumn, bars);
    setContent(m_table);

    m_filter->setObjectName(QStringLiteral("gpuFilter"));
    m_filter->setPlaceholderText(tr("Filter GPUs (host, model, job, user)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(280);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &GpusFilterProxy::setFilterText);

    m_summary->setObjectName(QStringLiteral("gpusSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    headerLayout()->addWidget(m_banner);
    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_filter);
    headerLayout()->addLayout(row);

    clearCluster();
}

GpusView::~GpusView() = default;

void GpusView::setSource(GpuUsageSource *source)
{
    if (m_source == source)
        return;
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source->deleteLater();
    }
    m_source = source;
    if (source)
        source->setParent(this);
    m_answered = false;
    m_gpus = {};
    if (source) {
        connect(source, &GpuUsageSource::snapshotUpdated, this, &GpusView::setGpuSnapshot);
        if (isVisible())
            source->start();
    }
    rebuild();
}

void GpusView::showEvent(QShowEvent *event)
{
    AreaView::showEvent(event);
    if (m_source && !m_source->isRunning())
        m_source->start();
}

void GpusView::hideEvent(QHideEvent *event)
{
    AreaView::hideEvent(event);
    if (m_source)
        m_source->stop();
}

void GpusView::setGpuSnapshot(const GpuSnapshot &snapshot)
{
    m_gpus = snapshot;
    m_answered = true;
    m_banner->setSnapshot(bannerSnapshot(snapshot));
    rebuild();
}

void GpusView::setClusterSnapshot(const ClusterSnapshot &snapshot)
{
    // A stale Slurm snapshot still holds the last known jobs: the mapping keeps them.
    m_cluster.nodes = snapshot.nodes;
    m_cluster.jobs = snapshot.jobs;
    if (m_answered)
        rebuild();
}

void GpusView::clearCluster(const QString &why)
{
    setSource(nullptr);
    m_answered = false;
    m_gpus = {};
    m_cluster = {};
    m_banner->clear();
    m_model->setGpus({});
    emptyState()->setHeadline(tr("No cluster running"));
    emptyState()->setExplanation(why.isEmpty()
                                     ? tr("GPUs of the cluster's hosts appear here once a cluster is "
                                          "deployed: utilisation, memory, temperature and power, "
                                          "and the Slurm job that holds each one.")
                                     : why);
    m_summary->clear();
    showContent(false);
}

void GpusView::rebuild()
{
    const bool first = m_model->rowCount() == 0;
    m_model->setGpus(assignGpuJobs(m_gpus.gpus, m_cluster));
    if (first && m_model->rowCount() > 0)
        m_table->resizeColumnsToContents(); // once: later refreshes must not make columns jump
    updateSummary();
    updateEmptyState();
}

void GpusView::updateEmptyState()
{
    if (m_model->rowCount() == 0 && m_source) {
        if (!m_answered) {
            emptyState()->setHeadline(tr("Reading the GPUs…"));
            emptyState()->setExplanation(tr("Asking the GPU exporter in Prometheus, or nvidia-smi on the GPU "
                                            "hosts where no exporter answers."));
        } else if (m_gpus.isStale()) {
            emptyState()->setHeadline(tr("Cannot read the GPUs yet"));
            emptyState()->setExplanation(m_banner->text());
        } else {
            emptyState()->setHeadline(tr("No GPUs seen"));
            emptyState()->setExplanation(
                tr("Neither Prometheus has GPU series nor does any host of this cluster have an NVIDIA "
                   "GPU. Hosts shows what each host has; a host with a GPU gets the GPU exporter when "
                   "deployed."));
        }
    }
    showContent(m_model->rowCount() > 0);
}

void GpusView::updateSummary()
{
    if (!m_answered) {
        m_summary->clear();
        return;
    }
    QSet<QString> hosts;
    int held = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const GpuUsage &gpu = m_model->gpu(row);
        hosts.insert(GpusModel::hostOf(gpu));
        if (!gpu.jobIds.isEmpty())
            ++held;
    }
    const int count = m_model->rowCount();
    QString text =
        count == 1 ? tr("1 GPU on 1 host, %1 held by Slurm jobs").arg(held)
                   : tr("%1 GPUs on %2 hosts, %3 held by Slurm jobs").arg(count).arg(hosts.size()).arg(held);
    const QString from = sourceName(m_gpus.source);
    if (!from.isEmpty())
        text = tr("%1 · from %2").arg(text, from);
    if (!m_gpus.warnings.isEmpty())
        text = tr("%1 · %n warning(s)", nullptr, int(m_gpus.warnings.size())).arg(text);
    m_summary->setText(text);
    m_summary->setToolTip(m_gpus.warnings.join(u'\n'));
}

QString GpusView::summary() const
{
    return m_summary->text();
}

} // namespace SlurmDeck::Ui
