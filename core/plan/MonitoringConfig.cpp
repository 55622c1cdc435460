// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/MonitoringConfig.h"

#include "plan/SlurmConfig.h"

#include <QStringList>

namespace SlurmDeck {

namespace {

QString target(const Host &host, const PlanInputs &inputs, int port)
{
    return QStringLiteral("'%1:%2'").arg(inputs.networkAddresses.value(host.name, host.address)).arg(port);
}

void addJob(QStringList &lines, const QString &job, const QList<std::pair<QString, QString>> &targets)
{
    lines << QStringLiteral("  - job_name: ") + job << QStringLiteral("    static_configs:");
    for (const auto &[node, address] : targets) {
        lines << QStringLiteral("      - targets: [%1]").arg(address)
              << QStringLiteral("        labels: {node: '%1'}").arg(node);
    }
}

} // namespace

QByteArray renderPrometheusConfig(const Cluster &cluster, const PlanInputs &inputs, bool gpuExporter)
{
    QStringList lines{QStringLiteral("global:"), QStringLiteral("  scrape_interval: 15s"),
                      QStringLiteral("  evaluation_interval: 15s"), QStringLiteral("scrape_configs:")};

    QList<std::pair<QString, QString>> self;
    const QList<Host> monitoring = cluster.hostsWithRole(HostRole::Monitoring);
    for (const Host &host : monitoring)
        self.append({host.name, QStringLiteral("'localhost:9090'")});
    addJob(lines, QStringLiteral("prometheus"), self);

    QList<std::pair<QString, QString>> nodes;
    QList<std::pair<QString, QString>> gpus;
    for (const Host &host : cluster.hosts) {
        nodes.append({host.name, target(host, inputs, 9100)});
        if (gpuExporter && host.detected.hasGpu())
            gpus.append({host.name, target(host, inputs, 9400)});
    }
    addJob(lines, QStringLiteral("node"), nodes);
    if (!gpus.isEmpty())
        addJob(lines, QStringLiteral("gpu"), gpus);
    return generatedHeader(cluster.name) + lines.join(u'\n').toUtf8() + '\n';
}

} // namespace SlurmDeck
