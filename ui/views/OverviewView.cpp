// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/OverviewView.h"

#include "metrics/MetricQueries.h"
#include "metrics/PrometheusClient.h"
#include "models/PartitionCountsModel.h"
#include "models/StateStyle.h"
#include "widgets/EmptyStatePanel.h"
#include "widgets/SourceHealthIndicator.h"
#include "widgets/Sparkline.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <optional>

namespace SlurmDeck::Ui {

namespace {

constexpr std::chrono::seconds utilisationRange{3600};
constexpr std::chrono::seconds utilisationStep{60};

QProgressBar *gauge(const QString &objectName, QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(objectName);
    bar->setTextVisible(true);
    bar->setMinimumWidth(180);
    return bar;
}

void setGauge(QProgressBar *bar, qint64 used, qint64 total, const QString &text)
{
    // QProgressBar counts in int: big totals (memory in MiB on many nodes) are scaled down.
    qint64 scale = 1;
    while (total / scale > std::numeric_limits<int>::max() / 2)
        scale *= 1024;
    bar->setRange(0, static_cast<int>(std::max<qint64>(1, total / scale)));
    bar->setValue(static_cast<int>(std::clamp<qint64>(used / scale, 0, total / scale)));
    bar->setFormat(text);
    bar->setEnabled(total > 0);
    bar->setToolTip(text);
}

QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(part * 100 / whole) : QStringLiteral("0");
}

QListWidgetItem *linkItem(const QString &text, Area area, QListWidget *list)
{
    auto *item = new QListWidgetItem(text, list);
    item->setData(OverviewView::AreaRole, static_cast<int>(area));
    item->setToolTip(QCoreApplication::translate("OverviewView", "Open %1").arg(areaTitle(area)));
    return item;
}

QList<QPointF> firstSeries(const PromResult &result)
{
    QList<QPointF> points;
    if (result.series.isEmpty())
        return points;
    for (const PromSample &sample : result.series.constFirst().samples)
        points.append(QPointF(sample.timestamp, sample.value));
    return points;
}

} // namespace

OverviewView::OverviewView(QWidget *parent)
    : AreaView(Area::Overview, parent), m_partitions(new PartitionCountsModel(this))
{
    setContent(createContent());
    emptyState()->setHeadline(tr("No cluster is being monitored"));
    emptyState()->setExplanation(
        tr("Open a deployed cluster (File → Open Recent, or --cluster): the Overview then shows its nodes "
           "and partitions, what is allocated, the queue, the last hour's CPU and GPU use and what needs "
           "your attention. A cluster that is not deployed yet is deployed from the Deploy view."));
    m_utilisationPoll.setInterval(std::chrono::minutes(1));
    connect(&m_utilisationPoll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshUtilisation();
    });
}

OverviewView::~OverviewView() = default;

QWidget *OverviewView::createContent()
{
    auto *content = new QWidget(this);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);

    auto *resources = new QGroupBox(tr("Allocated"), content);
    auto *resourceForm = new QFormLayout(resources);
    m_cpus = gauge(QStringLiteral("cpuGauge"), resources);
    m_memory = gauge(QStringLiteral("memoryGauge"), resources);
    m_gpus = gauge(QStringLiteral("gpuGauge"), resources);
    resourceForm->addRow(tr("CPUs"), m_cpus);
    resourceForm->addRow(tr("Memory"), m_memory);
    resourceForm->addRow(tr("GPUs"), m_gpus);

    auto *queue = new QGroupBox(tr("Jobs"), content);
    auto *queueLayout = new QVBoxLayout(queue);
    m_jobs = new QLabel(queue);
    m_jobs->setObjectName(QStringLiteral("overviewJobs"));
    m_jobs->setTextFormat(Qt::RichText);
    m_jobs->setWordWrap(true);
    connect(m_jobs, &QLabel::linkActivated, this, [this] { emit areaRequested(Area::Jobs); });
    queueLayout->addWidget(m_jobs);
    m_sources = new QLabel(queue);
    m_sources->setObjectName(QStringLiteral("overviewSources"));
    m_sources->setTextFormat(Qt::RichText);
    m_sources->setWordWrap(true);
    queueLayout->addWidget(m_sources);
    queueLayout->addStretch(1);

    auto *nodes = new QGroupBox(tr("Nodes"), content);
    auto *nodesLayout = new QVBoxLayout(nodes);
    m_partitionTable = new QTableView(nodes);
    m_partitionTable->setObjectName(QStringLiteral("partitionCounts"));
    m_partitionTable->setModel(m_partitions);
    m_partitionTable->verticalHeader()->hide();
    m_partitionTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_partitionTable->horizontalHeader()->setSectionResizeMode(PartitionCountsModel::Partition,
                                                               QHeaderView::Stretch);
    m_partitionTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_partitionTable->setToolTip(tr("Double-click to open the Nodes view"));
    connect(m_partitionTable, &QTableView::doubleClicked, this, [this] { emit areaRequested(Area::Nodes); });
    nodesLayout->addWidget(m_partitionTable);

    auto *use = new QGroupBox(tr("Use, last hour"), content);
    auto *useLayout = new QVBoxLayout(use);
    m_cpuLine = new Sparkline(tr("CPU"), 100, use);
    m_cpuLine->setObjectName(QStringLiteral("cpuSparkline"));
    m_gpuLine = new Sparkline(tr("GPU"), 100, use);
    m_gpuLine->setObjectName(QStringLiteral("gpuSparkline"));
    useLayout->addWidget(m_cpuLine);
    useLayout->addWidget(m_gpuLine);
    useLayout->addStretch(1);

    const auto activate = [this](QListWidgetItem *item) {
        const QVariant area = item->data(AreaRole);
        if (area.isValid())
            emit areaRequested(static_cast<Area>(area.toInt()));
    };
    auto *attention = new QGroupBox(tr("Needs your attention"), content);
    auto *attentionLayout = new QVBoxLayout(attention);
    m_attention = new QListWidget(attention);
    m_attention->setWordWrap(true);
    m_attention->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_attention->setObjectName(QStringLiteral("overviewAttention"));
    connect(m_attention, &QListWidget::itemActivated, this, activate);
    attentionLayout->addWidget(m_attention);

    auto *events = new QGroupBox(tr("Recent events"), content);
    auto *eventsLayout = new QVBoxLayout(events);
    m_events = new QListWidget(events);
    m_events->setWordWrap(true);
    m_events->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_events->setObjectName(QStringLiteral("overviewEvents"));
    connect(m_events, &QListWidget::itemActivated, this, activate);
    eventsLayout->addWidget(m_events);

    grid->addWidget(resources, 0, 0);
    grid->addWidget(queue, 0, 1);
    grid->addWidget(nodes, 1, 0);
    grid->addWidget(use, 1, 1);
    grid->addWidget(attention, 2, 0);
    grid->addWidget(events, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return content;
}

void OverviewView::setSnapshot(const ClusterSnapshot &snapshot, const QString &user)
{
    if (!snapshot.takenAt.isValid()) {
        // Nothing was ever read: an empty table would look like an empty cluster. Say what
        // stands in the way instead, from the source that failed.
        const SourceHealth &failing = !snapshot.ssh.ok ? snapshot.ssh : snapshot.controller;
        emptyState()->setHeadline(tr("Waiting for the cluster's first answer"));
        emptyState()->setExplanation(
            failing.error.isEmpty() ? tr("SlurmDeck is connecting to the controller.")
                                    : tr("%1 has not answered yet: %2").arg(failing.name, failing.error));
        return;
    }
    m_overview = ClusterOverviews::summarize(snapshot, user);
    m_sourceState.takenAt = snapshot.takenAt;
    m_sourceState.ssh = snapshot.ssh;
    m_sourceState.controller = snapshot.controller;
    m_sourceState.accounting = snapshot.accounting;
    m_partitions->setCounts(m_overview.all, m_overview.partitions);
    updateGauges();
    updateJobs(user);
    updateSources();
    rebuildAttention();
    if (!m_hasSnapshot) {
        m_hasSnapshot = true;
        showContent(true);
        refreshUtilisation();
    }
}

void OverviewView::updateGauges()
{
    const ClusterOverview &o = m_overview;
    setGauge(m_cpus, o.cpusAllocated, o.cpusTotal,
             tr("%1 of %2 CPUs (%3 %)")
                 .arg(o.cpusAllocated)
                 .arg(o.cpusTotal)
                 .arg(percent(o.cpusAllocated, o.cpusTotal)));
    const auto gib = [](qint64 mb) { return QString::number(double(mb) / 1024.0, 'f', mb < 10240 ? 1 : 0); };
    setGauge(m_memory, o.memoryAllocatedMb, o.memoryTotalMb,
             tr("%1 of %2 GiB (%3 %)")
                 .arg(gib(o.memoryAllocatedMb), gib(o.memoryTotalMb),
                      percent(o.memoryAllocatedMb, o.memoryTotalMb)));
    setGauge(m_gpus, o.gpusAllocated, o.gpusTotal,
             o.gpusTotal > 0 ? tr("%1 of %2 GPUs (%3 %)")
                                   .arg(o.gpusAllocated)
                                   .arg(o.gpusTotal)
                                   .arg(percent(o.gpusAllocated, o.gpusTotal))
                             : tr("no GPUs in the cluster"));
}

void OverviewView::updateJobs(const QString &user)
{
    const ClusterOverview &o = m_overview;
    // The user's own jobs in the palette's highlight colour.
    const QString mark = palette().color(QPalette::Highlight).name();
    const auto yours = [&](int count) {
        return user.isEmpty() ? QString()
                              : QStringLiteral(" (<span style=\"color:%1; font-weight:bold\">%2</span>)")
                                    .arg(mark, tr("%n yours", nullptr, count).toHtmlEscaped());
    };
    m_jobs->setText(tr("<b>%1</b> running%2<br><b>%3</b> pending%4<br><a href=\"jobs\">Show the queue</a>")
                        .arg(o.jobsRunning)
                        .arg(yours(o.myJobsRunning))
                        .arg(o.jobsPending)
                        .arg(yours(o.myJobsPending)));
}

void OverviewView::updateSources()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    QList<SourceHealth> sources{m_sourceState.ssh, m_sourceState.controller, m_sourceState.accounting};
    if (m_client)
        sources.append(m_client->health());
    for (const SourceHealth &source : std::as_const(sources)) {
        QString line = SourceHealthIndicator::text(source, now).toHtmlEscaped();
        if (!source.ok && source.lastAttempt.isValid())
            line = QStringLiteral("<span style=\"color:%1\">%2</span>")
                       .arg(StateStyle::foreground(StateStyle::Category::Bad).value<QColor>().name(), line);
        lines << line;
    }
    m_sources->setText(lines.join(QStringLiteral("<br>")));
}

void OverviewView::setFindings(const QList<Finding> &findings)
{
    m_findings = findings;
    rebuildAttention();
}

void OverviewView::rebuildAttention()
{
    // The lines first, so an unchanged list (most polls) touches no widget.
    struct Line
    {
        QString text;
        std::optional<Area> area; // none: not a link
    };
    QList<Line> lines;
    for (const NodeNeedingAction &node : std::as_const(m_overview.nodesNeedingAction)) {
        const QString reason = node.reason.isEmpty() ? tr("no reason given") : node.reason;
        lines.append({tr("Node %1 is %2: %3").arg(node.node, node.state.toLower(), reason), Area::Nodes});
    }
    const int more =
        m_overview.nodesNeedingActionCount - static_cast<int>(m_overview.nodesNeedingAction.size());
    if (more > 0)
        lines.append({tr("and %n more node(s) down or drained", nullptr, more), Area::Nodes});
    int errors = 0;
    for (const Finding &finding : std::as_const(m_findings)) {
        errors += finding.severity == Finding::Severity::Error ? 1 : 0;
        if (!finding.service.isEmpty())
            lines.append(
                {tr("%1 on %2: %3").arg(finding.service, finding.host, finding.cause), Area::Services});
    }
    if (!m_findings.isEmpty())
        lines.append({tr("%n problem(s) found, %1 of them errors: see Problems", nullptr,
                         static_cast<int>(m_findings.size()))
                          .arg(errors),
                      Area::Problems});

    if (lines.isEmpty())
        lines.append({tr("Nothing: every node takes jobs and no problem is known."), std::nullopt});

    QStringList texts;
    for (const Line &line : std::as_const(lines))
        texts << line.text;
    if (texts == m_attentionShown)
        return;
    m_attentionShown = texts;
    m_attention->clear();
    for (const Line &line : std::as_const(lines)) {
        if (line.area)
            linkItem(line.text, *line.area, m_attention);
        else
            new QListWidgetItem(line.text, m_attention);
    }
}

void OverviewView::addEvent(const QString &text, Area area, const QDateTime &when)
{
    QListWidgetItem *item = linkItem(when.toString(QStringLiteral("HH:mm:ss  ")) + text, area, nullptr);
    m_events->insertItem(0, item);
    while (m_events->count() > maxEvents)
        delete m_events->takeItem(m_events->count() - 1);
}

void OverviewView::setMetricsSource(PrometheusClient *client)
{
    m_client = client;
    ++m_generation;
    if (!client) {
        m_utilisationPoll.stop();
        m_cpuLine->clear(tr("no Prometheus"));
        m_gpuLine->clear(tr("no Prometheus"));
        return;
    }
    m_utilisationPoll.start();
    refreshUtilisation();
}

void OverviewView::refreshUtilisation()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-utilisationRange.count());
    const QPointer<OverviewView> self(this);
    const auto ask = [&](ChartMetric metric, Sparkline *line) {
        const MetricQuery query = metricQuery(metric, ChartScope::Cluster, utilisationStep);
        m_client->rangeQuery(query.promql, start, end, utilisationStep,
                             [self, generation, line](Result<PromResult> result) {
                                 if (!self || generation != self->m_generation)
                                     return;
                                 if (result)
                                     line->setPoints(firstSeries(*result));
                                 else
                                     line->clear(result.error().message);
                                 self->updateSources();
                             });
    };
    ask(ChartMetric::CpuUsage, m_cpuLine);
    ask(ChartMetric::GpuUtilisation, m_gpuLine);
}

void OverviewView::clearCluster(const QString &why)
{
    m_hasSnapshot = false;
    emptyState()->setHeadline(tr("No cluster is being monitored"));
    m_overview = {};
    m_sourceState = {};
    m_findings.clear();
    m_attentionShown.clear();
    m_attention->clear();
    m_partitions->setCounts({}, {});
    ++m_generation;
    m_cpuLine->clear(tr("no data yet"));
    m_gpuLine->clear(tr("no data yet"));
    if (!why.isEmpty())
        emptyState()->setExplanation(why);
    showContent(false);
}

void OverviewView::showEvent(QShowEvent *event)
{
    AreaView::showEvent(event);
    if (m_hasSnapshot)
        refreshUtilisation();
}

} // namespace SlurmDeck::Ui
