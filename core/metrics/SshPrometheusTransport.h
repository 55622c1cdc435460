// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"
#include "common/WorkerThread.h"
#include "metrics/PrometheusTransport.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QList>

#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class PrometheusClient;
class SshConnection;
struct HostPlan;
struct SlurmEndpoint;

// Prometheus reached through the monitoring host's verified SSH connection (a direct-tcpip
// channel to its loopback, as `ssh -L` does): its host key is checked like every other
// connection of SlurmDeck's, and nothing travels in clear over the network. One connection,
// kept open between queries on its own worker thread, reopened after it broke.
class SshPrometheusTransport final : public PrometheusTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshPrometheusTransport)

public:
    // `hostName`: the cluster's name for the host, for messages.
    SshPrometheusTransport(SshTarget target, QString hostName, std::shared_ptr<HostKeyPrompt> hostKeys,
                           std::shared_ptr<CredentialPrompt> credentials, int port = 9090,
                           QObject *parent = nullptr);
    // Cancels the query in flight without waiting for it (see WorkerThread).
    ~SshPrometheusTransport() override;

    void post(const QString &path, const QByteArray &form, std::chrono::milliseconds timeout,
              Done done) override;
    [[nodiscard]] QString where() const override;

private:
    // What a query on the worker needs; shared with it, so a query that outlives the
    // transport still has it. The connection goes before the prompts it points to.
    struct State
    {
        std::shared_ptr<HostKeyPrompt> hostKeys;
        std::shared_ptr<CredentialPrompt> credentials;
        std::unique_ptr<SshConnection> connection;
    };

    QString m_hostName;
    int m_port;
    CancelToken m_cancel;
    std::shared_ptr<State> m_state;
    WorkerThread m_worker{QStringLiteral("slurmdeck-prometheus-ssh")};
};

// The cluster's Prometheus (the host running the "prometheus" service) through that host's
// SSH connection; null when no host runs it or it has no SSH target.
[[nodiscard]] PrometheusClient *prometheusOverSsh(const QList<HostPlan> &hosts,
                                                  const QHash<QString, SshTarget> &targets,
                                                  std::shared_ptr<HostKeyPrompt> hostKeys,
                                                  std::shared_ptr<CredentialPrompt> credentials,
                                                  QObject *parent = nullptr);
[[nodiscard]] PrometheusClient *prometheusOverSsh(const SlurmEndpoint &endpoint,
                                                  std::shared_ptr<HostKeyPrompt> hostKeys,
                                                  std::shared_ptr<CredentialPrompt> credentials,
                                                  QObject *parent = nullptr);

} // namespace SlurmDeck
