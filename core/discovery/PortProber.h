// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QQueue>

#include <chrono>

class QTcpSocket;

namespace SlurmDeck {

// Concurrent, bounded TCP connect probes (is an SSH server listening?). Fully asynchronous
// on the calling thread's event loop: no thread blocks, the GUI stays responsive.
class PortProber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortProber)

public:
    struct Outcome
    {
        QHostAddress address;
        quint16 port = 22;
        bool open = false;
        QString reason; // "connection refused", "timed out", ...
    };

    explicit PortProber(QObject *parent = nullptr);
    ~PortProber() override;

    void setConcurrency(int maximum) { m_concurrency = maximum; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void start(const QList<QHostAddress> &addresses, quint16 port);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] int done() const { return m_done; }

signals:
    void probed(const SlurmDeck::PortProber::Outcome &outcome);
    void progress(int done, int total);
    void finished();

private:
    void launchMore();
    void complete(QTcpSocket *socket, bool open, const QString &reason);

    int m_concurrency = 64;
    std::chrono::milliseconds m_timeout{1500};
    quint16 m_port = 22;
    QQueue<QHostAddress> m_pending;
    QList<QTcpSocket *> m_active;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
};

} // namespace SlurmDeck
