// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/GpuUsageSource.h"

#include "common/Executor.h"

#include "metrics/MetricQueries.h"
#include "metrics/PrometheusClient.h"
#include "metrics/SshPrometheusTransport.h"
#include "slurm/SlurmEndpoint.h"
#include "ssh/SshConnection.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace SlurmDeck {

namespace {

constexpr std::chrono::milliseconds defaultInterval{15000};

// Per host: its parse, or why it failed.
struct HostAnswer
{
    QString host;
    Result<GpuParse> parse;
};

} // namespace

GpuUsageSource::GpuUsageSource(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<GpuSnapshot>();
    m_timer.setInterval(defaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &GpuUsageSource::refresh);
}

GpuUsageSource::~GpuUsageSource() = default;

GpuUsageSource *GpuUsageSource::forEndpoint(const SlurmEndpoint &endpoint,
                                            std::shared_ptr<HostKeyPrompt> hostKeys,
                                            std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
{
    auto *source = new GpuUsageSource(parent);
    QHash<QString, QString> aliases;
    QStringList gpuHosts;
    for (const HostPlan &host : endpoint.hosts) {
        if (!host.networkAddress.isEmpty())
            aliases.insert(host.networkAddress, host.hostName);
        if (!host.address.isEmpty())
            aliases.insert(host.address, host.hostName);
        if (host.services.contains(QStringLiteral("gpu-exporter")) ||
            host.profiles.contains(QStringLiteral("gpu")))
            gpuHosts.append(host.hostName);
    }
    // Prometheus through the monitoring host's SSH connection, like the Metrics view.
    if (PrometheusClient *prometheus = prometheusOverSsh(endpoint, hostKeys, credentials, source))
        source->setPrometheus(prometheus);
    source->setHostAliases(aliases);
    source->setGpuHosts(gpuHosts);
    source->setCommandRunner(sshRunner(endpoint.targets, std::move(hostKeys), std::move(credentials)));
    return source;
}

GpuUsageSource::CommandRunner GpuUsageSource::sshRunner(QHash<QString, SshTarget> targets,
                                                        std::shared_ptr<HostKeyPrompt> hostKeys,
                                                        std::shared_ptr<CredentialPrompt> credentials,
                                                        QString command)
{
    return [targets = std::move(targets), hostKeys = std::move(hostKeys),
            credentials = std::move(credentials),
            command = std::move(command)](const QString &host) -> Result<QString> {
        const auto target = targets.constFind(host);
        if (target == targets.constEnd())
            return makeError(Error::Code::NotFound,
                             QStringLiteral("No SSH target for %1 in the cluster file.").arg(host));
        SshConnection connection(*target, hostKeys.get(), credentials.get());
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        ExecOptions options;
        options.timeout = std::chrono::seconds(20);
        options.maxOutputBytes = 1024 * 1024;
        const Result<ExecResult> run = connection.exec(command, options);
        if (!run)
            return run.error();
        const QString output = QString::fromUtf8(run->standardOutput);
        if (!run->succeeded() && output.trimmed().isEmpty()) {
            const QString error = QString::fromUtf8(run->standardError).trimmed();
            return makeError(Error::Code::RemoteCommandFailed,
                             run->exitStatus == 127
                                 ? QStringLiteral("nvidia-smi is not installed on %1; install the NVIDIA "
                                                  "driver there, or deploy the GPU exporter.")
                                       .arg(host)
                                 : QStringLiteral("nvidia-smi failed on %1 (exit status %2); run it there "
                                                  "to see why.")
                                       .arg(host)
                                       .arg(run->exitStatus),
                             error.left(500));
        }
        return output;
    };
}

void GpuUsageSource::setPrometheus(PrometheusClient *client)
{
    m_prometheus = client;
}

void GpuUsageSource::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() > 0)
        m_timer.setInterval(interval);
}

std::chrono::milliseconds GpuUsageSource::interval() const
{
    return m_timer.intervalAsDuration();
}

void GpuUsageSource::start()
{
    m_timer.start();
    refresh();
}

void GpuUsageSource::stop()
{
    m_timer.stop();
}

void GpuUsageSource::refresh()
{
    if (m_busy) {
        m_refreshWanted = true;
        return;
    }
    m_busy = true;
    m_refreshWanted = false;
    const quint64 generation = ++m_generation;
    if (!m_prometheus) {
        askNvidiaSmi({});
        return;
    }
    m_prometheus->instantQuery(
        gpuSeriesQuery(), {},
        [this, self = QPointer<GpuUsageSource>(this), generation](Result<PromResult> answer) {
            if (!self || generation != m_generation)
                return;
            if (!answer) {
                askNvidiaSmi(QStringLiteral("Prometheus: %1").arg(answer.error().toString()));
                return;
            }
            GpuParse parse = parseGpuSeries(*answer);
            if (parse.gpus.isEmpty() && !m_gpuHosts.isEmpty()) {
                askNvidiaSmi(QStringLiteral("Prometheus has no GPU series"));
                return;
            }
            finish(std::move(parse), GpuSnapshot::Source::Prometheus, {});
        });
}

void GpuUsageSource::askNvidiaSmi(const QString &prometheusProblem)
{
    if (m_gpuHosts.isEmpty() || !m_runner) {
        if (prometheusProblem.isEmpty() || !m_prometheus) {
            // Nothing to ask: no exporter and no GPU host. An empty, healthy answer.
            finish(GpuParse{}, GpuSnapshot::Source::None, {});
        } else {
            finish(makeError(Error::Code::Network,
                             QStringLiteral("Cannot read the GPUs: %1. Check that Prometheus runs on the "
                                            "monitoring host (Services).")
                                 .arg(prometheusProblem)),
                   GpuSnapshot::Source::Prometheus, {});
        }
        return;
    }
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<QList<HostAnswer>>(this);
    connect(watcher, &QFutureWatcher<QList<HostAnswer>>::finished, this,
            [this, watcher, generation, prometheusProblem] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const QList<HostAnswer> answers = watcher->result();
                GpuParse all;
                QStringList problems;
                for (const HostAnswer &answer : answers) {
                    if (!answer.parse) {
                        problems.append(
                            QStringLiteral("%1: %2").arg(answer.host, answer.parse.error().toString()));
                        continue;
                    }
                    for (GpuReading gpu : answer.parse->gpus) {
                        gpu.host = answer.host;
                        all.gpus.append(gpu);
                    }
                    for (const QString &warning : answer.parse->warnings)
                        all.warnings.append(QStringLiteral("%1: %2").arg(answer.host, warning));
                }
                if (!answers.isEmpty() && problems.size() == answers.size()) {
                    finish(makeError(Error::Code::RemoteCommandFailed,
                                     QStringLiteral("nvidia-smi answered on none of the GPU hosts: %1")
                                         .arg(problems.join(QStringLiteral("; ")))),
                           GpuSnapshot::Source::NvidiaSmi, {});
                    return;
                }
                QStringList extra = problems;
                if (!prometheusProblem.isEmpty())
                    extra.prepend(prometheusProblem + QStringLiteral("; read with nvidia-smi instead"));
                finish(std::move(all), GpuSnapshot::Source::NvidiaSmi, extra);
            });
    watcher->setFuture(QtConcurrent::run(Executor::pool(Executor::Lane::Gpu), [hosts = m_gpuHosts,
                                                                               runner = m_runner] {
        QList<HostAnswer> answers;
        for (const QString &host : hosts) {
            const Result<QString> output = runner(host);
            answers.append({host, output ? parseNvidiaSmiCsv(*output) : Result<GpuParse>(output.error())});
        }
        return answers;
    }));
}

QString GpuUsageSource::hostName(const QString &reported) const
{
    return m_aliases.value(reported, reported);
}

void GpuUsageSource::finish(Result<GpuParse> result, GpuSnapshot::Source source,
                            const QStringList &extraWarnings)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_snapshot.health.lastAttempt = now;
    if (result) {
        m_snapshot.gpus = result->gpus;
        for (GpuReading &gpu : m_snapshot.gpus)
            gpu.host = hostName(gpu.host);
        m_snapshot.source = source;
        m_snapshot.takenAt = now;
        m_snapshot.warnings = extraWarnings + result->warnings;
        m_snapshot.health.ok = true;
        m_snapshot.health.error.clear();
        m_snapshot.health.lastSuccess = now;
    } else {
        m_snapshot.health.ok = false;
        m_snapshot.health.error = result.error().toString();
    }
    m_busy = false;
    emit snapshotUpdated(m_snapshot);
    if (m_refreshWanted)
        QTimer::singleShot(0, this, &GpuUsageSource::refresh);
}

} // namespace SlurmDeck
