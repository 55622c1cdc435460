// SPDX-License-Identifier: GPL-3.0-or-later
// Client CPU to update the Nodes and Jobs tables from one snapshot to the next, with 5% of
// rows changed, at 1,000 nodes and 10,000 jobs (issue 5's goal: under 50 ms per refresh).
// Each iteration applies one poll's difference: the benchmark alternates between two
// snapshots A and B, where B has 5% of the nodes changed in place and 5% of the jobs changed
// (half in place, a quarter left the queue, a quarter arrived). Measured:
//   *Model          the diffing source model alone
//   *Proxy/sorted   model + the view's sort/filter proxy, sorted as the view starts (name, id)
//   *Proxy/churning model + proxy sorted by a column the poll changes (state, time used):
//                   the worst case, every changed row is re-sorted
//   Views           NodesView + JobsView fed the snapshot (models, proxies, summaries,
//                   filter choices, banner), as MainWindow does after each poll
//   SnapshotChanges the notifier's comparison of the two snapshots
//   FirstFill       a fresh, shown NodesView and/or JobsView fed its first snapshot (empty
//                   tables filled with every row, columns sized to their contents once),
//                   plus the event loop turn that lays the tables out: the longest single
//                   hold of the GUI thread when a cluster is first read
// Run: build/dev/tests/bench/bench_models  (QT_QPA_PLATFORM=offscreen is set if missing)
#include "SyntheticCluster.h"
#include "models/JobsFilterProxy.h"
#include "models/JobsModel.h"
#include "models/NodesFilterProxy.h"
#include "models/NodesModel.h"
#include "slurm/SnapshotChanges.h"
#include "views/JobsView.h"
#include "views/NodesView.h"

#include <QApplication>
#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace SlurmDeck;
using namespace SlurmDeck::Testing;
using namespace SlurmDeck::Ui;

namespace {

constexpr int nodeCount = 1000;
constexpr int jobCount = 10000;
constexpr double changed = 0.05;

struct Polls
{
    ClusterSnapshot a;
    ClusterSnapshot b;
    Churn churn;
};

const Polls &polls()
{
    static const Polls made = [] {
        Polls p;
        p.a = syntheticSnapshot(nodeCount, jobCount);
        p.b = p.a;
        int nextJob = 1000 + jobCount;
        p.churn = churn(p.b, changed, 20261125, nextJob);
        return p;
    }();
    return made;
}

template<typename Apply>
void alternate(benchmark::State &state, Apply apply)
{
    const Polls &p = polls();
    apply(p.a);
    bool toB = true;
    for (auto _ : state) {
        apply(toB ? p.b : p.a);
        toB = !toB;
    }
    state.counters["nodes"] = nodeCount;
    state.counters["jobs"] = jobCount;
}

void NodesModelUpdate(benchmark::State &state)
{
    NodesModel model;
    alternate(state, [&](const ClusterSnapshot &s) { model.setNodes(s.nodes); });
    state.counters["rows_changed"] = model.lastUpdate().changed;
}

void NodesProxySorted(benchmark::State &state, int column)
{
    NodesModel model;
    NodesFilterProxy proxy(&model);
    proxy.sort(column, Qt::AscendingOrder);
    alternate(state, [&](const ClusterSnapshot &s) { model.setNodes(s.nodes); });
    benchmark::DoNotOptimize(proxy.rowCount());
}

void JobsModelUpdate(benchmark::State &state)
{
    JobsModel model(JobsModel::Kind::Queue);
    alternate(state, [&](const ClusterSnapshot &s) { model.setJobs(s.jobs); });
    const RowUpdateStats &last = model.lastUpdate();
    state.counters["rows_changed"] = last.changed;
    state.counters["rows_removed"] = last.removed;
    state.counters["rows_inserted"] = last.inserted;
}

void JobsProxySorted(benchmark::State &state, JobsModel::Field field)
{
    JobsModel model(JobsModel::Kind::Queue);
    JobsFilterProxy proxy(&model);
    proxy.sort(model.columnOf(field), Qt::AscendingOrder);
    alternate(state, [&](const ClusterSnapshot &s) { model.setJobs(s.jobs); });
    benchmark::DoNotOptimize(proxy.rowCount());
}

void Views(benchmark::State &state)
{
    NodesView nodes;
    JobsView jobs;
    alternate(state, [&](const ClusterSnapshot &s) {
        nodes.setSnapshot(s);
        jobs.setSnapshot(s);
    });
}

enum class Fill {
    Nodes,
    Jobs,
    Both
};

void FirstFill(benchmark::State &state, Fill which)
{
    const ClusterSnapshot &snapshot = polls().a;
    for (auto _ : state) {
        state.PauseTiming();
        {
            auto nodes = which != Fill::Jobs ? std::make_unique<NodesView>() : nullptr;
            auto jobs = which != Fill::Nodes ? std::make_unique<JobsView>() : nullptr;
            for (QWidget *view : {static_cast<QWidget *>(nodes.get()), static_cast<QWidget *>(jobs.get())}) {
                if (view) {
                    view->resize(1280, 800);
                    view->show();
                }
            }
            QCoreApplication::processEvents();
            state.ResumeTiming();
            if (nodes)
                nodes->setSnapshot(snapshot);
            if (jobs)
                jobs->setSnapshot(snapshot);
            QCoreApplication::processEvents();
            state.PauseTiming();
        }
        state.ResumeTiming();
    }
}

void SnapshotChangesBetween(benchmark::State &state)
{
    const Polls &p = polls();
    qsizetype events = 0;
    for (auto _ : state) {
        events = SnapshotChanges::between(p.a, p.b).size();
        benchmark::DoNotOptimize(events);
    }
    state.counters["events"] = static_cast<double>(events);
}

// The offscreen platform warns on every top-level window shown; FirstFill shows many.
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1StringView("propagateSizeHints")))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

} // namespace

int main(int argc, char **argv)
{
    qInstallMessageHandler(quietOffscreen);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);

    const Polls &p = polls();
    std::printf("Snapshot A -> B: %d nodes (%lld changed), %d jobs (%lld changed in place, %lld left, %lld "
                "arrived)\n",
                nodeCount, static_cast<long long>(p.churn.changedNodes.size()), jobCount,
                static_cast<long long>(p.churn.changedJobs.size()),
                static_cast<long long>(p.churn.removedJobs.size()),
                static_cast<long long>(p.churn.addedJobs.size()));

    const auto unit = benchmark::kMillisecond;
    benchmark::RegisterBenchmark("NodesModel", NodesModelUpdate)->Unit(unit);
    benchmark::RegisterBenchmark("NodesProxy/sorted_by_name", NodesProxySorted, int(NodesModel::NameColumn))
        ->Unit(unit);
    benchmark::RegisterBenchmark("NodesProxy/sorted_by_state", NodesProxySorted, int(NodesModel::StateColumn))
        ->Unit(unit);
    benchmark::RegisterBenchmark("JobsModel", JobsModelUpdate)->Unit(unit);
    benchmark::RegisterBenchmark("JobsProxy/sorted_by_id", JobsProxySorted, JobsModel::Field::Id)->Unit(unit);
    benchmark::RegisterBenchmark("JobsProxy/sorted_by_time", JobsProxySorted, JobsModel::Field::Time)
        ->Unit(unit);
    benchmark::RegisterBenchmark("Views/nodes_and_jobs", Views)->Unit(unit);
    benchmark::RegisterBenchmark("SnapshotChanges", SnapshotChangesBetween)->Unit(unit);
    benchmark::RegisterBenchmark("FirstFill/nodes", FirstFill, Fill::Nodes)->Unit(unit);
    benchmark::RegisterBenchmark("FirstFill/jobs", FirstFill, Fill::Jobs)->Unit(unit);
    benchmark::RegisterBenchmark("FirstFill/nodes_and_jobs", FirstFill, Fill::Both)->Unit(unit);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::printf("Goal (issue 5): under 50 ms of client CPU per refresh (the CPU column, GUI thread).\n");
    return 0;
}
