// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "metrics/GpuUsage.h"
#include "metrics/PrometheusClient.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
struct SlurmEndpoint;

// Reads the GPUs of a cluster's hosts every interval. First the GPU exporter's series in
// Prometheus (one instant query) when a Prometheus is set; when it is not, fails, or has no
// GPU series, `nvidia-smi --query-gpu` on each GPU host through the command runner (SSH, on
// a pool thread). Every refresh ends in snapshotUpdated(); on failure the last GPUs stay,
// marked stale. Lives on the GUI (or CLI) thread and never blocks it.
class GpuUsageSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpuUsageSource)

public:
    // Runs nvidia-smiQueryCommand() on `host` and returns its standard output, or why it could
    // not. Called on a pool thread, one host after the other.
    using CommandRunner = std::function<Result<QString>(const QString &host)>;

    explicit GpuUsageSource(QObject *parent = nullptr);
    ~GpuUsageSource() override;

    // For a deployed cluster: its Prometheus (the host running the "prometheus" service, port
    // 9090), its GPU hosts (those with the "gpu-exporter" service or the "gpu" profile), the
    // address -> host name map, and nvidia-smi over SSH with the plan's SSH targets.
    static GpuUsageSource *forEndpoint(const SlurmEndpoint &endpoint, std::shared_ptr<HostKeyPrompt> hostKeys,
                                       std::shared_ptr<CredentialPrompt> credentials, QObject *parent);
    // Runs `command` (default nvidiaSmiQueryCommand()) over a new SSH connection per call.
    [[nodiscard]] static CommandRunner sshRunner(QHash<QString, SshTarget> targets,
                                                 std::shared_ptr<HostKeyPrompt> hostKeys,
                                                 std::shared_ptr<CredentialPrompt> credentials,
                                                 QString command = nvidiaSmiQueryCommand());

    // Not owned; null: no Prometheus.
    void setPrometheus(PrometheusClient *client);
    [[nodiscard]] PrometheusClient *prometheus() const { return m_prometheus; }
    // Hosts to ask with nvidia-smi when Prometheus has no GPU series.
    void setGpuHosts(const QStringList &hosts) { m_gpuHosts = hosts; }
    [[nodiscard]] QStringList gpuHosts() const { return m_gpuHosts; }
    void setCommandRunner(CommandRunner runner) { m_runner = std::move(runner); }
    // Exporter series name their host by address ("10.0.0.7:9100"): address -> host name.
    void setHostAliases(const QHash<QString, QString> &addressToHost) { m_aliases = addressToHost; }
    [[nodiscard]] QHash<QString, QString> hostAliases() const { return m_aliases; }

    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds interval() const;
    // Refreshes now, then every interval.
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // Reads the GPUs now (after the refresh in flight, if any).
    void refresh();
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] const GpuSnapshot &snapshot() const { return m_snapshot; }

signals:
    // After every refresh, successful or not.
    void snapshotUpdated(const SlurmDeck::GpuSnapshot &snapshot);

private:
    void askNvidiaSmi(const QString &prometheusProblem);
    void finish(Result<GpuParse> result, GpuSnapshot::Source source, const QStringList &extraWarnings);
    [[nodiscard]] QString hostName(const QString &reported) const;

    QPointer<PrometheusClient> m_prometheus;
    QStringList m_gpuHosts;
    CommandRunner m_runner;
    QHash<QString, QString> m_aliases;
    QTimer m_timer;
    GpuSnapshot m_snapshot;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_refreshWanted = false;
};

} // namespace SlurmDeck
