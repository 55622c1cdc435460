// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/SshPrometheusTransport.h"

#include "metrics/PrometheusClient.h"
#include "slurm/SlurmEndpoint.h"
#include "ssh/SshConnection.h"

#include <QPointer>

namespace SlurmDeck {

namespace {

const QString loopback = QStringLiteral("127.0.0.1");

} // namespace

SshPrometheusTransport::SshPrometheusTransport(SshTarget target, QString hostName,
                                               std::shared_ptr<HostKeyPrompt> hostKeys,
                                               std::shared_ptr<CredentialPrompt> credentials, int port,
                                               QObject *parent)
    : PrometheusTransport(parent)
    , m_hostName(std::move(hostName))
    , m_port(port)
    , m_state(std::make_shared<State>())
{
    m_state->hostKeys = std::move(hostKeys);
    m_state->credentials = std::move(credentials);
    m_state->connection = std::make_unique<SshConnection>(std::move(target), m_state->hostKeys.get(),
                                                          m_state->credentials.get());
}

SshPrometheusTransport::~SshPrometheusTransport()
{
    m_cancel.cancel();
}

QString SshPrometheusTransport::where() const
{
    return tr("%1:%2 on %3 (through SSH)").arg(loopback).arg(m_port).arg(m_hostName);
}

void SshPrometheusTransport::post(const QString &path, const QByteArray &form,
                                  std::chrono::milliseconds timeout, Done done)
{
    const QByteArray request = httpFormPost(QStringLiteral("%1:%2").arg(loopback).arg(m_port), path, form);
    const QPointer<SshPrometheusTransport> receiver(this);
    m_worker.post([state = m_state, cancel = m_cancel, port = m_port, request, timeout, receiver,
                   done = std::move(done)]() mutable {
        if (cancel.isCancelled())
            return;
        SshConnection &connection = *state->connection;
        const auto exchange = [&]() -> Result<QByteArray> {
            if (!connection.isConnected()) {
                if (Result<void> connected = connection.connect(cancel); !connected)
                    return connected.error();
            }
            return connection.forward(loopback, port, request, {timeout, maxAnswerBytes}, cancel);
        };
        const bool wasConnected = connection.isConnected();
        Result<QByteArray> raw = exchange();
        // A connection that was idle for long may have been dropped by the host or a NAT
        // on the way: one fresh try before calling it unreachable.
        if (!raw && wasConnected && raw.error().code == Error::Code::Network && !cancel.isCancelled()) {
            connection.disconnect();
            raw = exchange();
        }
        if (!raw)
            connection.disconnect(); // e.g. after a timeout: the next query starts clean
        Result<HttpAnswer> answer = raw ? parseHttpAnswer(*raw) : Result<HttpAnswer>(raw.error());
        if (!receiver)
            return;
        QMetaObject::invokeMethod(
            receiver.data(),
            [receiver, answer = std::move(answer), done = std::move(done)]() mutable {
                if (receiver)
                    done(std::move(answer));
            },
            Qt::QueuedConnection);
    });
}

PrometheusClient *prometheusOverSsh(const SlurmEndpoint &endpoint, std::shared_ptr<HostKeyPrompt> hostKeys,
                                    std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
{
    return prometheusOverSsh(endpoint.hosts, endpoint.targets, std::move(hostKeys), std::move(credentials),
                             parent);
}

PrometheusClient *prometheusOverSsh(const QList<HostPlan> &hosts, const QHash<QString, SshTarget> &targets,
                                    std::shared_ptr<HostKeyPrompt> hostKeys,
                                    std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
{
    for (const HostPlan &host : hosts) {
        if (!host.services.contains(QStringLiteral("prometheus")))
            continue;
        if (!targets.contains(host.hostName))
            return nullptr;
        return new PrometheusClient(new SshPrometheusTransport(targets.value(host.hostName), host.hostName,
                                                               std::move(hostKeys), std::move(credentials)),
                                    parent);
    }
    return nullptr;
}

} // namespace SlurmDeck
